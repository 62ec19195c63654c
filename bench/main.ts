/**
 * `npm run bench`: every benchmark of the product in one run, against real PostgreSQL and Redis on this machine,
 * with the figures printed as tables and written into docs/benchmarks.md (the marked section; the rest of the file
 * is kept).
 *
 *   1. cold start of the embedded default (first start on an empty folder, and a restart)
 *   2. submit capacity at 64 connections: the product against a raw node:http + pg baseline doing the same SQL work
 *   3. autosave capacity at 64 connections
 *   4. the deadline rush: sessions autosaving and submitting, rising to the end; the API's memory
 *   5. reads: the staff proposal list over 100,000 proposals, filters and sorts
 *   6. replicas: two APIs and two workers on one PostgreSQL and one Redis, the rush again, every mail sent once
 *   7. the later issues' benchmarks (bench:assign, bench:optimize, bench:assign:db, bench:submit)
 *
 * Each measured phase runs BENCH_ROUNDS times (3) and the tables give medians. Options (env):
 *   BENCH_ONLY=cold,capacity,autosave,rush,reads,replicas,later   a subset
 *   BENCH_ROUNDS=3  BENCH_CONNECTIONS=64  BENCH_SUBMITS=1500 (per round and side)  BENCH_SESSIONS=600
 *   BENCH_RUSH_SECONDS=60  BENCH_AUTOSAVE_SECONDS=3  BENCH_READS=100000  BENCH_LOG_LEVEL=info  BENCH_DB_POOL=10
 *   BENCH_WRITE_DOCS=0 (print only)   BENCH_KEEP_DB=1 (keep the database for EXPLAIN ANALYZE)
 *   BENCH_PROFILE=1 (V8 CPU profiles of the APIs in dist/bench/profiles)
 */
import { Redis } from 'ioredis';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { coldStart, ColdStartRun } from './scenarios/cold-start';
import { autosaveLoop, submitLoop } from './scenarios/capacity';
import { runLater, LaterResult } from './scenarios/later';
import { readEach, readMix, readQueries } from './scenarios/reads';
import { runRush, RushResult } from './scenarios/rush';
import { createDatabase, Draft, dropStaleDatabases, generateDrafts, generateReadSet, prepareFixture } from './lib/data';
import { loadAverage, prepareBuild, Proc, ROOT, sampleMemory, startProcess, waitHealthy, waitLogLine } from './lib/procs';
import { int, LATENCY_HEAD, latencyRow, ms, table, writeSection } from './lib/report';
import { LatencySummary, median, medianSummary, sleep } from './lib/stats';

const env = process.env;
const ONLY = new Set((env.BENCH_ONLY ?? 'cold,capacity,autosave,rush,reads,replicas,later').split(',').map((s) => s.trim()));
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 64);
const SUBMITS = Number(env.BENCH_SUBMITS ?? 1500);
const SESSIONS = Number(env.BENCH_SESSIONS ?? 600);
const RUSH_MS = Number(env.BENCH_RUSH_SECONDS ?? 60) * 1000;
const AUTOSAVE_MS = Number(env.BENCH_AUTOSAVE_SECONDS ?? 3) * 1000;
const READS = Number(env.BENCH_READS ?? 100_000);
const LOG_LEVEL = env.BENCH_LOG_LEVEL ?? 'info';
const POOL = env.BENCH_DB_POOL ?? '10';
const REDIS_URL = env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(env.BENCH_PORT ?? 3710);

/** The node flags of `npm run start:api` (the production API is measured as it is started). */
const API_FLAGS: string[] = (() => {
  const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['start:api'];
  const flags = script.split(/\s+/).filter((w) => w.startsWith('--'));
  // BENCH_PROFILE=1: a V8 CPU profile of each API process (open the .cpuprofile in Chrome's DevTools)
  return env.BENCH_PROFILE === '1' ? [...flags, '--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'dist/bench/profiles')}`] : flags;
})();

/** The load average before this run started anything (the machine's other work). */
const LOAD_BEFORE_RUN = loadAverage();

const say = (s: string) => process.stdout.write(`${s}\n`);
const loads: { phase: string; before: number; after: number }[] = [];

async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const before = loadAverage();
  say(`\n▶ ${name} (load average ${before.toFixed(2)})`);
  const t0 = performance.now();
  const out = await run();
  const after = loadAverage();
  loads.push({ phase: name, before, after });
  say(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s (load average ${after.toFixed(2)})`);
  return out;
}

async function waitOutboxDrained(db: Client, timeoutMs = 240_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL AND topic = 'mail'`)).rows;
    if (n === 0) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`${n} outbox mails still undelivered after ${timeoutMs} ms`);
    await sleep(500);
  }
}

/** Bench-only instrument: every claim of an outbox row by a sender (the start of a delivery) is recorded. */
async function installClaimRecorder(db: Client): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS bench_outbox_claims (
      outbox_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp(),
      claimed_by text NOT NULL DEFAULT current_setting('application_name'))`);
  await db.query(`
    CREATE OR REPLACE FUNCTION bench_note_claim() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO bench_outbox_claims (outbox_id) VALUES (NEW.id); RETURN NEW; END $$`);
  await db.query(`DROP TRIGGER IF EXISTS bench_outbox_claim ON outbox`);
  await db.query(`
    CREATE TRIGGER bench_outbox_claim AFTER UPDATE OF locked_until ON outbox FOR EACH ROW
    WHEN (NEW.locked_until IS NOT NULL AND NEW.delivered_at IS NULL AND (OLD.locked_until IS NULL OR OLD.locked_until < now()))
    EXECUTE FUNCTION bench_note_claim()`);
}

interface Machine {
  cpu: string;
  cores: number;
  memGiB: number;
  node: string;
  postgres: string;
  redis: string;
  date: string;
  loadAtStart: number;
}

async function machine(db: Client): Promise<Machine> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const info = await redis.info('server');
  redis.disconnect();
  const [{ version }] = (await db.query(`SHOW server_version`)).rows.map((r) => ({ version: r.server_version }));
  return {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: version,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?',
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    loadAtStart: loadAverage(),
  };
}

async function main(): Promise<void> {
  const build = prepareBuild();
  await dropStaleDatabases();
  const results: Record<string, unknown> = {};

  // ------------------------------------------------------------------ 1. cold start
  let cold: ColdStartRun[] = [];
  if (ONLY.has('cold')) {
    cold = await phase('cold start of the embedded default', async () => {
      const runs: ColdStartRun[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const run = await coldStart(build.api, PORT + 50);
        say(`  first start ${ms(run.firstStartMs)} ms, restart ${ms(run.restartMs)} ms, idle RSS ${ms(run.idleRssMiB)} MiB`);
        runs.push(run);
      }
      return runs;
    });
    results.cold = cold;
  }

  const needsProduct = ['capacity', 'autosave', 'rush', 'reads', 'replicas'].some((p) => ONLY.has(p));
  let m: Machine | undefined;
  const procs: Proc[] = [];
  let dbHandle: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let db: Client | undefined;
  try {
    if (needsProduct) {
      dbHandle = await createDatabase();
      db = new Client({ connectionString: dbHandle.url });
      await db.connect();
      m = await machine(db);
      const secret = randomBytes(32).toString('hex');
      const dataDir = mkdtempSync(join(tmpdir(), 'cf-bench-data-'));
      const productEnv = (port: number, extra: Record<string, string> = {}) => ({
        NODE_ENV: 'production',
        DATABASE_URL: dbHandle!.url,
        REDIS_URL,
        QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
        JWT_SECRET: secret,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL,
        DB_POOL_SIZE: POOL,
        DATA_DIR: dataDir, // one folder for every process, as a shared volume would be (stored files, .eml mails)
        CONSOLE_DIR: join(ROOT, 'dist/console'),
        SEED_DEMO: 'false',
        ...extra,
      });
      const prefixEnv = productEnv(PORT);
      const sharedEnv = (port: number, extra: Record<string, string> = {}) => ({
        ...productEnv(port, extra),
        QUEUE_PREFIX: prefixEnv.QUEUE_PREFIX,
      });
      const base1 = `http://127.0.0.1:${PORT}`;
      const base2 = `http://127.0.0.1:${PORT + 1}`;
      const baselineBase = `http://127.0.0.1:${PORT + 9}`;

      const setup = await phase('setup: database, API and worker, generated data', async () => {
        // migrations and the demo (accounts, partners, the open round) by the CLI, so the API measured is a plain start
        const seed = startProcess('seed-demo', join(dirname(build.api), 'cli.js'), sharedEnv(PORT), [], ['seed-demo']);
        if ((await seed.exited) !== 0) throw new Error('seed-demo failed: see dist/bench/logs/seed-demo.log');
        let t0 = performance.now();
        const api1 = startProcess('api-1', build.api, sharedEnv(PORT), API_FLAGS);
        procs.push(api1);
        const firstStartMs = await waitHealthy(base1, api1, t0);
        const worker1 = startProcess('worker-1', build.worker, sharedEnv(PORT));
        procs.push(worker1);
        await waitLogLine(worker1, /Worker is consuming jobs/);
        const fixture = await prepareFixture(base1, db!, secret);
        // the deadline is hours away: its reminders are taken as sent, so they add no mail to the figures
        await db!.query(`INSERT INTO fund_reminders (fund_id, kind) VALUES ($1, 'd7'), ($1, 'd1') ON CONFLICT DO NOTHING`, [
          fixture.fundId,
        ]);
        t0 = performance.now();
        const sets: Record<string, Draft[]> = {};
        const want: [string, number, boolean][] = [
          ...Array.from(
            { length: ROUNDS },
            (_, r) => [`product${r}`, SUBMITS, ONLY.has('capacity')] as [string, number, boolean],
          ),
          ...Array.from(
            { length: ROUNDS },
            (_, r) => [`baseline${r}`, SUBMITS, ONLY.has('capacity')] as [string, number, boolean],
          ),
          ['autosave', 640, ONLY.has('autosave')],
          ...Array.from({ length: ROUNDS }, (_, r) => [`rush${r}`, SESSIONS, ONLY.has('rush')] as [string, number, boolean]),
          ['replicas', SESSIONS, ONLY.has('replicas')],
        ];
        for (const [label, n, on] of want) if (on) sets[label] = await generateDrafts(db!, fixture, secret, label, n);
        const draftsMs = performance.now() - t0;
        t0 = performance.now();
        if (ONLY.has('reads')) await generateReadSet(db!, fixture, READS);
        await db!.query('VACUUM ANALYZE');
        const readsMs = performance.now() - t0;
        await installClaimRecorder(db!);
        const [{ n: proposals }] = (await db!.query(`SELECT count(*)::int AS n FROM proposals`)).rows;
        say(`  API healthy in ${ms(firstStartMs)} ms; drafts in ${ms(draftsMs)} ms; reads in ${ms(readsMs)} ms`);
        say(`  ${int(proposals)} proposals in the database`);
        return { fixture, sets, proposals, api1, worker1 };
      });
      const { fixture, sets } = setup;
      results.setup = { proposals: setup.proposals };

      // ------------------------------------------------------------------ 2. submit capacity vs baseline
      if (ONLY.has('capacity')) {
        const cap = await phase(`submit capacity at ${CONNECTIONS} connections: product vs raw baseline`, async () => {
          const baseline = startProcess(
            'baseline',
            join(__dirname, 'baseline/server.ts'),
            { DATABASE_URL: dbHandle!.url, PORT: String(PORT + 9), JWT_SECRET: secret, DB_POOL_SIZE: POOL },
            ['-r', join(ROOT, 'scripts/bench/swc-register.cjs')],
          );
          procs.push(baseline);
          await waitHealthy(baselineBase, baseline, performance.now());
          const product: LatencySummary[] = [];
          const raw: LatencySummary[] = [];
          for (let r = 0; r < ROUNDS; r++) {
            // alternate which goes first; let the outbox drain (the worker sends the receipts) between runs
            const order = r % 2 === 0 ? ['product', 'baseline'] : ['baseline', 'product'];
            for (const side of order) {
              await waitOutboxDrained(db!);
              await sleep(1000);
              const s =
                side === 'product'
                  ? await submitLoop(base1, sets[`product${r}`], CONNECTIONS)
                  : await submitLoop(baselineBase, sets[`baseline${r}`], CONNECTIONS);
              (side === 'product' ? product : raw).push(s);
              say(
                `  round ${r + 1} ${side.padEnd(8)} ${int(s.rps)} submits/s, p50 ${ms(s.p50)} p99 ${ms(s.p99)} ms, errors ${s.errors}`,
              );
            }
          }
          await baseline.stop();
          return { product, baseline: raw };
        });
        results.capacity = cap;
      }

      // ------------------------------------------------------------------ 3. autosave capacity
      if (ONLY.has('autosave')) {
        results.autosave = await phase(`autosave capacity at ${CONNECTIONS} connections`, async () => {
          await waitOutboxDrained(db!);
          const runs: LatencySummary[] = [];
          for (let r = 0; r < ROUNDS; r++) {
            const s = await autosaveLoop(base1, sets.autosave, CONNECTIONS, 10_000);
            say(`  round ${r + 1} ${int(s.rps)} autosaves/s, p50 ${ms(s.p50)} p99 ${ms(s.p99)} ms, errors ${s.errors}`);
            runs.push(s);
          }
          return runs;
        });
      }

      // ------------------------------------------------------------------ 4. the rush
      if (ONLY.has('rush')) {
        results.rush = await phase(`deadline rush: ${SESSIONS} sessions over ${RUSH_MS / 1000} s`, async () => {
          const runs: (RushResult & { memory: Record<string, { peakMiB: number; meanMiB: number }> })[] = [];
          for (let r = 0; r < ROUNDS; r++) {
            await waitOutboxDrained(db!);
            await sleep(1000);
            const mem = sampleMemory([setup.api1, setup.worker1]);
            const res = await runRush({
              bases: [base1],
              drafts: sets[`rush${r}`],
              durationMs: RUSH_MS,
              autosaveEveryMs: AUTOSAVE_MS,
              connections: CONNECTIONS,
            });
            const memory = mem.stop();
            say(
              `  round ${r + 1}: ${int(res.all.rps)} req/s, p50 ${ms(res.all.p50)} p95 ${ms(res.all.p95)} p99 ${ms(res.all.p99)} ms, ` +
                `errors ${res.all.errors}, submitted ${res.submitted}/${res.sessions}; final quarter p99 ${ms(res.finalQuarter.p99)} ms ` +
                `at ${int(res.finalQuarter.rps)} req/s; API RSS peak ${ms(memory['api-1'].peakMiB)} MiB`,
            );
            runs.push({ ...res, memory });
          }
          return runs;
        });
      }

      // ------------------------------------------------------------------ 5. reads
      if (ONLY.has('reads')) {
        results.reads = await phase(`reads: the proposal list over ${int(READS)} proposals`, async () => {
          await waitOutboxDrained(db!);
          const queries = readQueries(fixture.readsFundId);
          const each: Record<string, LatencySummary>[] = [];
          const mix: LatencySummary[] = [];
          for (let r = 0; r < ROUNDS; r++) {
            each.push(await readEach(base1, fixture.officerToken, queries, 100));
            mix.push(await readMix(base1, fixture.officerToken, queries, 8, 10_000));
            say(
              `  round ${r + 1}: mix at 8 connections ${int(mix[r].rps)} req/s, p50 ${ms(mix[r].p50)} p99 ${ms(mix[r].p99)} ms`,
            );
          }
          return { each, mix, queries };
        });
      }

      // ------------------------------------------------------------------ 6. replicas
      if (ONLY.has('replicas')) {
        results.replicas = await phase('replicas: two APIs and two workers, the rush across both', async () => {
          await waitOutboxDrained(db!);
          const api2 = startProcess('api-2', build.api, sharedEnv(PORT + 1), API_FLAGS);
          procs.push(api2);
          await waitHealthy(base2, api2, performance.now());
          const worker2 = startProcess('worker-2', build.worker, sharedEnv(PORT + 1));
          procs.push(worker2);
          await waitLogLine(worker2, /Worker is consuming jobs/);
          const [{ since }] = (await db!.query(`SELECT now() AS since`)).rows;
          const mem = sampleMemory([setup.api1, api2, setup.worker1, worker2]);
          const res = await runRush({
            bases: [base1, base2],
            drafts: sets.replicas,
            durationMs: RUSH_MS,
            autosaveEveryMs: AUTOSAVE_MS,
            connections: CONNECTIONS / 2,
          });
          const memory = mem.stop();
          const drainMs = await waitOutboxDrained(db!);
          const ids = sets.replicas.map((d) => d.proposalId);
          const [check] = (
            await db!.query(
              `WITH rows AS (
                 SELECT o.id, o.attempts, o.delivered_at FROM outbox o
                  WHERE o.topic = 'mail' AND o.created_at >= $1 AND o.payload->>'template' = 'submission_receipt')
               SELECT (SELECT count(*)::int FROM proposal_submissions WHERE proposal_id = ANY($2::uuid[])) AS submissions,
                      (SELECT count(*)::int FROM rows) AS mails,
                      (SELECT count(*)::int FROM rows WHERE delivered_at IS NOT NULL) AS delivered,
                      (SELECT count(*)::int FROM rows WHERE attempts = 1) AS relayed_once,
                      (SELECT max(attempts)::int FROM rows) AS max_attempts,
                      (SELECT count(*)::int FROM (SELECT outbox_id FROM bench_outbox_claims WHERE outbox_id IN (SELECT id FROM rows)
                                                  GROUP BY outbox_id HAVING count(*) > 1) d) AS claimed_twice,
                      (SELECT count(*)::int FROM rows r WHERE NOT EXISTS (SELECT 1 FROM bench_outbox_claims c WHERE c.outbox_id = r.id)) AS never_claimed`,
              [since, ids],
            )
          ).rows;
          const byWorker = (
            await db!.query(
              `SELECT claimed_by, count(*)::int AS n FROM bench_outbox_claims WHERE at >= $1 GROUP BY claimed_by ORDER BY claimed_by`,
              [since],
            )
          ).rows;
          // the mails as files: one .eml per outbox row, whichever worker sent it
          const mailDir = join(dataDir, 'mail');
          const files = existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith('.eml')) : [];
          const perRow = new Map<string, number>();
          for (const f of files) {
            const id = f.slice(-40, -4);
            perRow.set(id, (perRow.get(id) ?? 0) + 1);
          }
          const rows = (
            await db!.query(
              `SELECT id FROM outbox WHERE topic = 'mail' AND created_at >= $1 AND payload->>'template' = 'submission_receipt'`,
              [since],
            )
          ).rows.map((r: { id: string }) => r.id);
          const emlOnce = rows.filter((id: string) => perRow.get(id) === 1).length;
          const emlTwice = rows.filter((id: string) => (perRow.get(id) ?? 0) > 1).length;
          await api2.stop();
          await worker2.stop();
          say(
            `  ${int(res.all.rps)} req/s, p99 ${ms(res.all.p99)} ms, errors ${res.all.errors}; submissions ${check.submissions}, ` +
              `receipts ${check.mails}, delivered ${check.delivered}, claimed twice ${check.claimed_twice}, .eml once ${emlOnce}, twice ${emlTwice}`,
          );
          return { rush: res, memory, drainMs, check: { ...check, emlOnce, emlTwice }, byWorker };
        });
      }
    }

    // ------------------------------------------------------------------ 7. the later issues' benchmarks
    let later: LaterResult[] = [];
    if (ONLY.has('later')) {
      for (const p of procs) await p.stop();
      later = await phase('the later issues’ benchmarks', async () => {
        const out: LaterResult[] = [];
        for (const script of ['bench:assign', 'bench:optimize', 'bench:assign:db', 'bench:submit']) {
          const r = await runLater(script);
          say(`  ${script}: ${r.ok ? 'ok' : 'FAILED'} in ${ms(r.wallMs / 1000)} s, ${r.figures.length} figure block(s)`);
          if (!r.ok) say(r.tail);
          out.push(r);
        }
        return out;
      });
      results.later = later;
    }

    // ------------------------------------------------------------------ report
    if (!m && db) m = await machine(db);
    const report = render(m, results, cold, later);
    say(`\n${report}`);
    mkdirSync(join(ROOT, 'dist/bench'), { recursive: true });
    const resultsFile = join(ROOT, `dist/bench/results${env.BENCH_LABEL ? `-${env.BENCH_LABEL}` : ''}.json`);
    writeFileSync(resultsFile, JSON.stringify({ machine: m, loadBeforeRun: LOAD_BEFORE_RUN, loads, results }, null, 2));
    if (env.BENCH_WRITE_DOCS !== '0') {
      writeSection(join(ROOT, 'docs/benchmarks.md'), report);
      // the repository's format (tables aligned as prettier aligns them), so `npm run check` stays clean
      spawnSync(join(ROOT, 'node_modules/.bin/prettier'), ['--write', 'docs/benchmarks.md'], { cwd: ROOT, stdio: 'ignore' });
      say(`\nWritten to docs/benchmarks.md (and the raw figures to ${resultsFile}).`);
    }
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await db?.end();
    if (dbHandle && env.BENCH_KEEP_DB !== '1') await dbHandle.drop();
    else if (dbHandle) say(`Kept the database ${dbHandle.name}`);
    rmSync(join(ROOT, 'dist/bench/build'), { recursive: true, force: true });
  }
}

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let runLoadBefore: number | undefined;

function render(m: Machine | undefined, r: Record<string, Any>, cold: ColdStartRun[], later: LaterResult[]): string {
  const out: string[] = [];
  const before = runLoadBefore ?? LOAD_BEFORE_RUN;
  out.push(`## Last run of \`npm run bench\` (${m?.date ?? new Date().toISOString().slice(0, 16)})`);
  if (m)
    out.push(
      `Machine: ${m.cores} cores (${m.cpu}), ${m.memGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres} and Redis ${m.redis} on the same machine; ` +
        `the load generator runs there too. Each figure is the median of ${ROUNDS} rounds. Load average (1 min) before the run ` +
        `${before.toFixed(2)}${before > 1.2 ? ' (the machine was busy with other work: figures taken under load)' : ' (a quiet machine)'}; ` +
        "during the phases it includes the benchmark's own processes (API, worker, PostgreSQL, load generator), which keep both cores busy.",
    );
  out.push(
    `Settings: ${CONNECTIONS} connections, LOG_LEVEL=${LOG_LEVEL}, DB_POOL_SIZE=${POOL}, API and worker as separate processes ` +
      `as \`npm run start:api\` (\`node ${API_FLAGS.join(' ')} …/main.js\`) and \`npm run start:worker\` start them, with DATABASE_URL, ` +
      "REDIS_URL, JWT_SECRET; migrations and the demo data by the CLI's `seed-demo` first.",
  );

  if (cold.length) {
    out.push('### Cold start of the embedded default (target: under 5 s)');
    out.push(
      table(
        ['', 'median', 'runs'],
        [
          [
            'first start: empty folder, PGlite created, migrations, demo seeded (ms)',
            ms(median(cold.map((c) => c.firstStartMs))),
            cold.map((c) => ms(c.firstStartMs)).join(', '),
          ],
          [
            'restart on the same folder (ms)',
            ms(median(cold.map((c) => c.restartMs))),
            cold.map((c) => ms(c.restartMs)).join(', '),
          ],
          [
            'resident memory after the first start, idle (MiB)',
            ms(median(cold.map((c) => c.idleRssMiB))),
            cold.map((c) => ms(c.idleRssMiB)).join(', '),
          ],
        ],
      ),
    );
  }

  if (r.capacity) {
    const p = medianSummary(r.capacity.product);
    const b = medianSummary(r.capacity.baseline);
    const ratio = median(r.capacity.product.map((s: LatencySummary, i: number) => s.rps / r.capacity.baseline[i].rps));
    out.push(`### Submit capacity at ${CONNECTIONS} connections (targets: ≥ 0.5× the baseline, p99 ≤ 250 ms)`);
    out.push(
      `${int(SUBMITS)} complete drafts submitted once each per round and side, ${CONNECTIONS} connections in a closed loop, ` +
        `with ${int(r.setup?.proposals ?? 0)} proposals in the database. The baseline (\`bench/baseline/server.ts\`) is a bare ` +
        '`node:http` + `pg` server doing the same SQL work in one transaction (account re-read, row lock, deadline context, ' +
        'idempotency lookup, rules and facts, advisory lock and count, tracking number, snapshot, update, audit, outbox).',
    );
    out.push(
      table(LATENCY_HEAD, [latencyRow('product `POST /api/proposals/:id/submit`', p), latencyRow('raw baseline', b)]) +
        `\n\nProduct / baseline throughput: **${ratio.toFixed(2)}×** (median of the rounds' ratios).`,
    );
  }

  if (r.autosave) {
    out.push(`### Autosave capacity at ${CONNECTIONS} connections`);
    out.push(
      '`PATCH /api/proposals/:id` (summary changed, version checked), 640 drafts, one request per draft at a time, 10 s per round.',
    );
    out.push(table(LATENCY_HEAD, [latencyRow('autosave', medianSummary(r.autosave))]));
  }

  if (r.rush) {
    const runs = r.rush as (RushResult & { memory: Record<string, { peakMiB: number; meanMiB: number }> })[];
    const med = (f: (x: RushResult) => LatencySummary) => medianSummary(runs.map(f));
    out.push(`### Deadline rush (${SESSIONS} applicant sessions over ${RUSH_MS / 1000} s)`);
    out.push(
      `Each session opens its draft, autosaves every ${AUTOSAVE_MS / 1000} s (±30 %), checks readiness, submits with an ` +
        'Idempotency-Key and reads its receipt. Sessions join at a rising rate over the first 70 % of the run and submit ' +
        `between 60 % and 100 % of it, most in the last quarter, so the load peaks at the end (the "final minute"). ` +
        `Requests through ${CONNECTIONS} keep-alive connections; latency measured by the client.`,
    );
    out.push(
      table(LATENCY_HEAD, [
        latencyRow(
          'all requests',
          med((x) => x.all),
        ),
        latencyRow(
          'autosaves',
          med((x) => x.autosave),
        ),
        latencyRow(
          'submits',
          med((x) => x.submit),
        ),
        latencyRow(
          'reads (open, readiness, receipt)',
          med((x) => x.read),
        ),
        latencyRow(
          'last quarter of the run',
          med((x) => x.finalQuarter),
        ),
      ]),
    );
    out.push(
      `Requests per second by tenth of the run (median round): ${runs[Math.floor(runs.length / 2)].rpsByTenth.join(', ')}. ` +
        `Submitted: ${runs.map((x) => `${x.submitted}/${x.sessions}`).join(', ')}.`,
    );
    out.push(
      `Memory under load (target: the API under 300 MB): API resident memory peak ${ms(median(runs.map((x) => x.memory['api-1'].peakMiB)))} MiB ` +
        `(mean ${ms(median(runs.map((x) => x.memory['api-1'].meanMiB)))} MiB); worker peak ${ms(median(runs.map((x) => x.memory['worker-1'].peakMiB)))} MiB.`,
    );
  }

  if (r.reads) {
    const names: string[] = r.reads.queries.map((q: { name: string }) => q.name);
    out.push(`### Reads: the proposal list over ${int(READS)} proposals (target: p99 ≤ 50 ms)`);
    out.push(
      "A program officer's `GET /api/proposals` (react-admin list contract, page of 25 with `Content-Range` total), " +
        'each query alone on one connection (100 requests per round after 5 to warm up), then the six in a mix on 8 connections for 10 s.',
    );
    out.push(
      table(LATENCY_HEAD, [
        ...names.map((n) => latencyRow(n, medianSummary(r.reads.each.map((e: Record<string, LatencySummary>) => e[n])))),
        latencyRow('the mix, 8 connections', medianSummary(r.reads.mix)),
      ]),
    );
  }

  if (r.replicas) {
    const x = r.replicas;
    out.push('### Replicas: two APIs and two workers on one PostgreSQL and one Redis');
    out.push(
      `The rush again (${SESSIONS} sessions, ${RUSH_MS / 1000} s), requests alternating between the two APIs ` +
        `(${CONNECTIONS / 2} connections each), two workers consuming one queue; rate limits in Redis, sign-in limits in PostgreSQL. ` +
        'One run. "Claimed" is recorded by a bench-only trigger on the outbox row (the start of a delivery); the `.eml` files are the mails sent.',
    );
    out.push(table(LATENCY_HEAD, [latencyRow('all requests', x.rush.all), latencyRow('submits', x.rush.submit)]));
    out.push(
      table(
        ['check', 'value'],
        [
          ['submissions stored / sessions', `${x.check.submissions} / ${SESSIONS}`],
          ['receipt mails in the outbox', x.check.mails],
          ['delivered', x.check.delivered],
          ['relayed once (attempts = 1); highest attempts', `${x.check.relayed_once}; ${x.check.max_attempts}`],
          ['claimed by a sender more than once', x.check.claimed_twice],
          ['never claimed', x.check.never_claimed],
          ['.eml files: exactly one per mail / more than one', `${x.check.emlOnce} / ${x.check.emlTwice}`],
          ['claims by worker', x.byWorker.map((w: { claimed_by: string; n: number }) => `${w.claimed_by}: ${w.n}`).join(', ')],
          ['outbox drained after the rush in (ms)', ms(x.drainMs)],
          [
            'resident memory peaks (MiB)',
            Object.entries(x.memory)
              .map(([k, v]) => `${k} ${ms((v as { peakMiB: number }).peakMiB)}`)
              .join(', '),
          ],
        ],
      ),
    );
  }

  if (later.length) {
    out.push("### The later issues' benchmarks (run by the same command)");
    const rows = later.map((l) => {
      const f = l.figures[l.figures.length - 1] ?? {};
      const keys = Object.entries(f)
        .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
        .slice(0, 8)
        .map(([k, v]) => `${k} ${typeof v === 'number' ? Math.round(v * 100) / 100 : v}`)
        .join(', ');
      return [`\`npm run ${l.script}\``, l.ok ? 'ok' : 'FAILED', ms(l.wallMs / 1000), keys || '(see its output)'];
    });
    out.push(table(['script', 'result', 'wall s', 'figures (last block printed)'], rows));
  }

  out.push(
    `Load average (1 min) around each phase: ${loads.map((l) => `${l.phase.split(':')[0]} ${l.before.toFixed(2)}→${l.after.toFixed(2)}`).join('; ')}.`,
  );
  return out.join('\n\n');
}

/** BENCH_RENDER=dist/bench/results.json: writes the section again from a run's raw figures (same settings). */
function renderOnly(file: string): void {
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  loads.push(...saved.loads);
  runLoadBefore = saved.loadBeforeRun ?? saved.machine?.loadAtStart;
  const report = render(saved.machine, saved.results, saved.results.cold ?? [], saved.results.later ?? []);
  say(report);
  writeSection(join(ROOT, 'docs/benchmarks.md'), report);
  spawnSync(join(ROOT, 'node_modules/.bin/prettier'), ['--write', 'docs/benchmarks.md'], { cwd: ROOT, stdio: 'ignore' });
}

if (env.BENCH_RENDER) renderOnly(env.BENCH_RENDER);
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
