import { parseConfig } from '@cf/config';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { prepareRuntime } from '../../apps/api/src/runtime';
import { createTestDatabase } from './test-db';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  databaseUrl: string;
  dataSource: DataSource;
  env: Record<string, string>;
  http(): ReturnType<typeof request>;
  /** Signs in a demo account (password demo1234) and answers its access token. */
  token(email: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real API (same module, same bootstrap as production) on a fresh PostgreSQL database
 * with the demo accounts, listening on a free port.
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-test-'));
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    CONSOLE_DIR: resolve(__dirname, '../../dist/console'),
    SEED_DEMO: 'true',
    DB_POOL_SIZE: '10',
    ...overrides,
  };
  const runtime = await prepareRuntime(parseConfig(env));
  const app = await createApiApp(runtime);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const tokens = new Map<string, string>();
  return {
    app,
    baseUrl,
    databaseUrl: db.url,
    dataSource: app.get(DataSource),
    env,
    http: () => request(app.getHttpServer()),
    async token(email, password = 'demo1234') {
      const key = `${email}:${password}`;
      if (!tokens.has(key)) {
        const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password });
        if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
        tokens.set(key, res.body.accessToken);
      }
      return tokens.get(key)!;
    },
    async stop() {
      await app.close();
      await runtime.stop();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `request(app).<method>(url)` for a method name read from the router. */
export function call(t: TestApp, method: string, url: string): request.Test {
  const agent = t.http() as unknown as Record<string, (url: string) => request.Test>;
  return agent[method.toLowerCase()](url);
}
