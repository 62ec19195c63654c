// `npm test`: builds (the browser and start-up tests use the built product), then runs every
// Jest project but the benchmarks: unit, integration (real PostgreSQL and Redis), browser (Debian's Chromium),
// then the fault suite (its own PostgreSQL and Redis, from the machine's binaries).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildIfNeeded, root } from './build-if-needed.mjs';

if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error("Chromium is missing: install it with `apt-get install -y chromium` (the browser tests use Debian's Chromium).");
  process.exit(1);
}
buildIfNeeded();
const extra = process.argv.slice(2);
// Benchmarks (the `bench` project) print figures and run apart: npm run bench:submit.
const projects = extra.includes('--selectProjects') ? [] : ['--selectProjects', 'unit', 'integration', 'browser'];
const args = ['node_modules/jest/bin/jest.js', '--maxWorkers=2', ...projects, ...extra];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (extra.length) process.exit(r.status ?? 1);
// The fault suite (issue 7, about 1.5 minutes) kills and restarts the API, a worker, and a PostgreSQL and a Redis of
// its own: it runs alone, after the others, so that its recovery times are not those of a machine busy with them.
const faults = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--selectProjects', 'faults', '--runInBand'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status !== 0 ? (r.status ?? 1) : (faults.status ?? 1));
