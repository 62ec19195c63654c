import { AppConfig } from '@cf/config';
import { EmbeddedPostgres } from '@cf/database';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

/** What a process needs beyond its configuration: a database URL (embedded or not) and secrets. */
export interface Runtime {
  config: AppConfig;
  databaseUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Pool size of the API; the embedded server accepts this plus room for a worker and tools. */
const EMBEDDED_EXTRA_CONNECTIONS = 10;

export async function prepareRuntime(config: AppConfig): Promise<Runtime> {
  const jwtSecret = config.auth.jwtSecret ?? localSecret(config.dataDir);
  const resolved: AppConfig = { ...config, auth: { ...config.auth, jwtSecret } };
  if (config.database.url) {
    return { config: resolved, databaseUrl: config.database.url, embedded: false, stop: async () => undefined };
  }
  const pg = await EmbeddedPostgres.start({
    dataDir: config.dataDir,
    port: config.database.embeddedPort,
    maxConnections: config.database.poolSize + EMBEDDED_EXTRA_CONNECTIONS,
    template: config.database.embeddedTemplate,
  });
  return { config: resolved, databaseUrl: pg.url, embedded: true, stop: () => pg.stop() };
}

/** Without JWT_SECRET (the embedded default), a random secret kept in the data folder. */
function localSecret(dataDir: string): string {
  const dir = resolve(dataDir);
  const file = join(dir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
