/** Starting and stopping the product's processes (the built API and worker) and watching their memory. */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './stats';

export const ROOT = join(__dirname, '../..');
const LOG_DIR = join(ROOT, 'dist/bench/logs');

/** Builds what is out of date (like npm start), then copies the build aside so that a rebuild by someone else
 *  during the run changes nothing under the running processes. */
export function prepareBuild(): { api: string; worker: string } {
  // BENCH_BUILD: another build's dist folder (e.g. of an earlier commit, for a before/after comparison)
  const from = process.env.BENCH_BUILD;
  if (!from) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-if-needed.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('the build failed');
  }
  const dir = join(ROOT, 'dist/bench/build');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(from ?? join(ROOT, 'dist'), 'apps'), join(dir, 'apps'), { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });
  return {
    api: join(dir, 'apps/api/apps/api/src/main.js'),
    worker: join(dir, 'apps/worker/apps/worker/src/main.js'),
  };
}

export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Resolves when the process exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function startProcess(
  name: string,
  main: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
  appArgs: string[] = [],
): Proc {
  // the log goes straight to a file (not through this process, which is busy generating the load)
  mkdirSync(LOG_DIR, { recursive: true });
  const fd = openSync(join(LOG_DIR, `${name}.log`), 'w');
  const child = spawn(process.execPath, [...nodeArgs, main, ...appArgs], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PGAPPNAME: name, ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    name,
    child,
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Waits for 200 from GET /api/health; answers the milliseconds since `since`. */
export async function waitHealthy(baseUrl: string, proc: Proc, since: number, timeoutMs = 120_000): Promise<number> {
  let exited = false;
  void proc.exited.then(() => (exited = true));
  while (performance.now() - since < timeoutMs) {
    if (exited) throw new Error(`${proc.name} exited before it was healthy: see dist/bench/logs/${proc.name}.log`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return performance.now() - since;
      await res.arrayBuffer();
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`${proc.name} was not healthy within ${timeoutMs} ms: see dist/bench/logs/${proc.name}.log`);
}

/** Waits until the worker logs that it consumes (no HTTP port): its log names the queues. */
export async function waitLogLine(proc: Proc, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const file = join(LOG_DIR, `${proc.name}.log`);
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (existsSync(file) && pattern.test(readFileSync(file, 'utf8'))) return;
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited: see ${file}`);
    await sleep(100);
  }
  throw new Error(`${proc.name}: no line matching ${pattern} within ${timeoutMs} ms (see ${file})`);
}

/** Resident memory of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Samples the resident memory of some processes every `everyMs` until stopped: peak and mean per process. */
export function sampleMemory(procs: Proc[], everyMs = 250) {
  const samples = new Map<string, number[]>(procs.map((p) => [p.name, []]));
  const timer = setInterval(() => {
    for (const p of procs) {
      const v = rssMiB(p.pid);
      if (Number.isFinite(v)) samples.get(p.name)!.push(v);
    }
  }, everyMs);
  return {
    stop(): Record<string, { peakMiB: number; meanMiB: number }> {
      clearInterval(timer);
      const out: Record<string, { peakMiB: number; meanMiB: number }> = {};
      for (const [name, v] of samples) {
        out[name] = {
          peakMiB: v.length ? Math.max(...v) : NaN,
          meanMiB: v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN,
        };
      }
      return out;
    },
  };
}

/** The 1-minute load average. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}
