import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the data between runs. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Connections accepted by the socket server; every pool that connects must stay within it. */
  maxConnections: number;
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
      const db = await PGlite.create(dir);
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
