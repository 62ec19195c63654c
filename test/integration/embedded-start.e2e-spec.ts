import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/** `npm start` as a user runs it: no DATABASE_URL, no REDIS_URL, no secrets. */
function start(port: number, dataDir: string): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out };
}

async function waitHealthy(url: string, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return Date.now() - started;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('not healthy in time');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

describe('the embedded default (npm start with no variables)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-embedded-'));
  let port: number;
  let url: string;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves health, login and the console within 60 s, and keeps data across a restart', async () => {
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    let run = start(port, dataDir);
    try {
      await waitHealthy(url, 60_000).catch((e) => {
        throw new Error(`${e.message}\n${run.output()}`);
      });
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.org', password: 'demo1234' }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      // npm start's build step made the initialized database that this empty folder started from
      expect(existsSync(join(ROOT, 'dist/embedded/pgdata.tar'))).toBe(true);
      expect(await page.text()).toContain('<div id="root">');

      // parallel requests on the one embedded session answer correctly (no interleaved protocol messages)
      const funds = (await (await fetch(`${url}/api/funds`, { headers: { Authorization: `Bearer ${accessToken}` } })).json()) as {
        id: string;
      }[];
      const statuses = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          fetch(`${url}/api/funds/${funds[i % funds.length].id}`, { headers: { Authorization: `Bearer ${accessToken}` } }).then(
            (r) => r.status,
          ),
        ),
      );
      expect(statuses.filter((s) => s !== 200)).toEqual([]);

      // a change made now must survive a restart
      const auth = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
      const created = await fetch(`${url}/api/users`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          email: 'kept@example.org',
          displayName: 'Kept',
          password: 'long-enough',
          roles: ['reviewer'],
          preferredLanguage: 'en',
        }),
      });
      expect(created.status).toBe(201);
      await stop(run.child);

      run = start(port, dataDir);
      await waitHealthy(url, 60_000);
      const again = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'kept@example.org', password: 'long-enough' }),
      });
      expect(again.status).toBe(200);
    } finally {
      await stop(run.child);
    }
  }, 150_000);

  it('refuses a second process on the same data folder', async () => {
    const first = start(port, dataDir);
    try {
      await waitHealthy(url, 60_000);
      const second = spawn(process.execPath, [join(ROOT, 'dist/apps/api/apps/api/src/main.js')], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', PORT: String(await freePort()), DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      second.stderr!.on('data', (d) => (err += d));
      const code = await new Promise((r) => second.once('exit', r));
      expect(code).toBe(1);
      expect(err).toMatch(/is in use by process \d+/);
    } finally {
      await stop(first.child);
    }
  }, 90_000);

  it('an empty data folder starts from the template (no initdb); one made by another PGlite version is ignored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-template-'));
    const template = join(dir, 'pgdata.tar');
    // a template like scripts/embedded-template.mjs makes, with a marker table in it (PGlite is ESM: its own process)
    const made = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { PGlite } from '@electric-sql/pglite';
         import { writeFileSync } from 'node:fs';
         const db = await PGlite.create();
         await db.exec('CREATE TABLE made_in_template (n int); INSERT INTO made_in_template VALUES (7)');
         writeFileSync(${JSON.stringify(template)}, Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer()));
         await db.close();`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(made.stderr).toBe('');
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'))
      .version as string;
    const markerIn = async (pgliteVersion: string): Promise<unknown> => {
      writeFileSync(`${template}.json`, JSON.stringify({ pglite: pgliteVersion }));
      const [apiPort, dbPort] = [await freePort(), await freePort()];
      const api = spawn(process.execPath, [join(ROOT, 'dist/apps/api/apps/api/src/main.js')], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          PORT: String(apiPort),
          DATA_DIR: mkdtempSync(join(dir, 'data-')),
          EMBEDDED_DB_PORT: String(dbPort),
          EMBEDDED_DB_TEMPLATE: template,
          SEED_DEMO: 'false',
        },
        stdio: 'ignore',
      });
      try {
        await waitHealthy(`http://127.0.0.1:${apiPort}`, 60_000);
        const c = new Client({ connectionString: `postgres://postgres@127.0.0.1:${dbPort}/postgres` });
        await c.connect();
        try {
          return (await c.query(`SELECT to_regclass('made_in_template') IS NOT NULL AS present`)).rows[0].present;
        } finally {
          await c.end();
        }
      } finally {
        const exited = new Promise((r) => api.once('exit', r));
        api.kill('SIGTERM');
        await exited;
      }
    };
    try {
      expect(await markerIn(installed)).toBe(true);
      expect(await markerIn('0.0.1')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('stops at start with a message naming a malformed variable', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/apps/api/src/main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: 'eighty', REDIS_URL: 'http://nope', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    expect(await new Promise((r) => child.once('exit', r))).toBe(1);
    expect(err).toContain('PORT: must be a whole number');
    expect(err).toContain('REDIS_URL: must be a URL starting with redis:// or rediss://');
  });
});
