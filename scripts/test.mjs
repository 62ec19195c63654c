// `npm test`: builds (the browser and start-up tests use the built product), then runs every
// Jest project but the benchmarks: unit, integration (real PostgreSQL and Redis), browser (Debian's Chromium).
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
process.exit(r.status ?? 1);
