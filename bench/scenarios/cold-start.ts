/**
 * Cold start of the embedded default (`npm start` with nothing configured): the built API with no DATABASE_URL and no
 * REDIS_URL, timed from the spawn of the process to the first 200 of /api/health. "First start": an empty data
 * folder (PGlite creates the database, the migrations run, the demo is seeded). "Restart": the same folder again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssMiB, startProcess, waitHealthy } from '../lib/procs';

/** As `npm start` (scripts/start.mjs) runs the API. */
const NPM_START_FLAGS = ['--enable-source-maps'];

export interface ColdStartRun {
  firstStartMs: number;
  restartMs: number;
  /** Resident memory right after the first start, idle. */
  idleRssMiB: number;
}

export async function coldStart(apiMain: string, port: number): Promise<ColdStartRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-bench-embedded-'));
  const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CONSOLE_DIR: join(__dirname, '../../dist/console') };
  const base = `http://127.0.0.1:${port}`;
  try {
    let t0 = performance.now();
    const first = startProcess('embedded-first', apiMain, env, NPM_START_FLAGS);
    const firstStartMs = await waitHealthy(base, first, t0);
    const idleRssMiB = rssMiB(first.pid);
    await first.stop();
    t0 = performance.now();
    const again = startProcess('embedded-restart', apiMain, env, NPM_START_FLAGS);
    const restartMs = await waitHealthy(base, again, t0);
    await again.stop();
    return { firstStartMs, restartMs, idleRssMiB };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
