// Builds the server and the console when their output is missing or older than the sources, and the embedded
// database's template when it is missing or was made by another PGlite version.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateIsStale } from './embedded-template.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const API_MAIN = join(root, 'dist/apps/api/apps/api/src/main.js');
export const API_CLI = join(root, 'dist/apps/api/apps/api/src/cli.js');
export const WORKER_MAIN = join(root, 'dist/apps/worker/apps/worker/src/main.js');
export const CONSOLE_INDEX = join(root, 'dist/console/index.html');

function newest(dir) {
  let max = 0;
  if (!existsSync(dir)) return max;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

function run(script) {
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export function buildIfNeeded({ quiet = false } = {}) {
  const serverSources = Math.max(newest(join(root, 'libs')), newest(join(root, 'apps/api')), newest(join(root, 'apps/worker')));
  const serverBuilt = Math.min(mtime(API_MAIN), mtime(WORKER_MAIN), mtime(API_CLI));
  if (serverBuilt < serverSources) {
    if (!quiet) console.log('Building the API and the worker…');
    run('build:server');
  }
  if (mtime(CONSOLE_INDEX) < newest(join(root, 'apps/console'))) {
    if (!quiet) console.log('Building the console…');
    run('build:console');
  }
  if (templateIsStale()) {
    if (!quiet) console.log('Preparing the embedded database template…');
    const r = spawnSync(process.execPath, [join(root, 'scripts/embedded-template.mjs')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfNeeded();
