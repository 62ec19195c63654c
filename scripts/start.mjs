// `npm start`: builds what is missing, then runs the product at one URL.
// No DATABASE_URL: PostgreSQL runs inside the API (PGlite, data in DATA_DIR, default ./.data).
// No REDIS_URL: jobs run inside the API. With REDIS_URL, apps/worker is started too.
import { spawn } from 'node:child_process';
import { API_MAIN, buildIfNeeded, root, WORKER_MAIN } from './build-if-needed.mjs';

buildIfNeeded();

const env = { ...process.env };
const withWorker = Boolean(env.REDIS_URL);
const workerEnv = { ...env };
if (withWorker && !env.DATABASE_URL) {
  // the worker reaches the embedded database through the API's socket server
  env.EMBEDDED_DB_PORT ||= '54329';
  workerEnv.DATABASE_URL = `postgres://postgres@127.0.0.1:${env.EMBEDDED_DB_PORT}/postgres`;
  workerEnv.DB_POOL_SIZE = '1'; // PGlite is one session: one connection per process
}

const children = [];
let stopping = false;

function launch(name, file, childEnv) {
  const child = spawn(process.execPath, ['--enable-source-maps', file], { cwd: root, env: childEnv, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? code}); stopping the product`);
    shutdown(code ?? 1);
  });
  return child;
}

function shutdown(code) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() =>
    process.exit(code),
  );
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

launch('API', API_MAIN, env);

if (withWorker) {
  const port = env.PORT || '3000';
  const started = Date.now();
  const waitForApi = async () => {
    while (!stopping && Date.now() - started < 120_000) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return true;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    return false;
  };
  waitForApi().then((ok) => {
    if (ok && !stopping) launch('Worker', WORKER_MAIN, workerEnv);
  });
}
