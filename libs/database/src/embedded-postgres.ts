import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the data between runs. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Connections accepted by the socket server; every pool that connects must stay within it. */
  maxConnections: number;
  /**
   * A tar of a freshly initialized data folder (`scripts/embedded-template.mjs`, made at build time): an empty data
   * folder starts from it instead of running initdb (about 2 s). Used only when made by the installed PGlite.
   */
  template?: string;
}

/**
 * The embedded default: PostgreSQL (PGlite) in this process, served over the PostgreSQL wire
 * protocol on 127.0.0.1 so that TypeORM, pg and a worker process use it like any other server.
 * One session underneath: transactions are serialized by the socket server.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lockFile: string,
    readonly url: string,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const dir = resolve(options.dataDir, 'pg');
    mkdirSync(dir, { recursive: true });
    const lockFile = join(resolve(options.dataDir), 'pg.lock');
    acquireLock(lockFile);
    try {
      const fresh = !existsSync(join(dir, 'PG_VERSION'));
      const template = fresh && options.template ? readTemplate(options.template) : null;
      // pg_trgm: the proposal list's search indexes (migration 1764900000000)
      const db = await PGlite.create(dir, { extensions: { pg_trgm }, ...(template ? { loadDataDir: template } : {}) });
      const server = new PGLiteSocketServer({
        db,
        host: '127.0.0.1',
        port: options.port,
        maxConnections: options.maxConnections,
      });
      await server.start();
      const [, port] = server.getServerConn().split(':');
      return new EmbeddedPostgres(db, server, lockFile, `postgres://postgres@127.0.0.1:${port}/postgres`);
    } catch (error) {
      rmSync(lockFile, { force: true });
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    rmSync(this.lockFile, { force: true });
  }
}

/** The template as PGlite loads it, or null when it is missing or was made by another PGlite version. */
export function readTemplate(file: string): Blob | null {
  try {
    const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { pglite?: string };
    if (meta.pglite !== pgliteVersion()) return null;
    return new Blob([readFileSync(file)]);
  } catch {
    return null; // no template: initdb
  }
}

/** The installed PGlite's version (its package.json is not exported, so found beside its entry point). */
export function pgliteVersion(): string {
  let dir = dirname(require.resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** PGlite has no lock of its own: two processes on one folder lose writes. */
function acquireLock(lockFile: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${lockFile.replace(/pg\.lock$/, '')} is in use by process ${owner}. ` +
            'Stop it first, or set DATA_DIR to another folder.',
          { cause: error },
        );
      }
      rmSync(lockFile, { force: true }); // stale lock left by a killed process
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
