/**
 * Fault suite (issue 7): a submit rush while the scenario kills and restarts what production runs.
 *
 * The built API and two workers run as processes against a PostgreSQL cluster and a redis-server of the suite's own
 * (never the machine's shared ones), mail goes to an SMTP sink that answers each message after a short delay. A pool
 * of applicants edits and submits continuously, retrying each submit with the same Idempotency-Key after a network
 * error, a timeout or a 5xx. Meanwhile, in turn: `kill -9` of the API (restarted at once: it must answer
 * /api/health within 5 s), `kill -9` of one worker (restarted), a restart of PostgreSQL (the API must recover its
 * pool by itself) and Redis stopped for 30 s (its queued jobs are lost with it). After the rush:
 *
 * - every 2xx receipt has exactly one stored submission with its tracking number, version and timestamp, made with
 *   its key; all answers for one key agree; no proposal has two submissions from one key; no submission was made that
 *   no client got a receipt for;
 * - every submission has one receipt mail in the outbox, every outbox row is delivered, and the sink received each
 *   one (a resend after a crash between the SMTP answer and the delivery mark carries the same Message-ID);
 * - no request was answered 500, no client gave up, no process died unless killed.
 *
 * Run: npm run test:faults (FAULTS_APPLICANTS, FAULTS_THINK_MS, FAULTS_REDIS_DOWN_MS, FAULTS_DRAIN_MS, FAULTS_SMTP_DELAY_MS;
 * FAULTS_KEEP=1 keeps the folder with the logs). See docs/operations.md.
 */
import { hash } from 'argon2';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { Applicant, ClientPool, networkKind } from './client-pool';
import { ExitRecord, freePort, OwnPostgres, OwnRedis, ProductProcess, sleep, SmtpSink, until } from './harness';

const ROOT = resolve(__dirname, '../..');
const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

const APPLICANTS = Number(process.env.FAULTS_APPLICANTS ?? 40);
const REDIS_DOWN_MS = Number(process.env.FAULTS_REDIS_DOWN_MS ?? 30_000);
const DRAIN_MS = Number(process.env.FAULTS_DRAIN_MS ?? 180_000);
const SMTP_DELAY_MS = Number(process.env.FAULTS_SMTP_DELAY_MS ?? 50);
/** Each applicant's pause between two cycles (submit, read, edit): 40 applicants make about 35 submits a second. */
const THINK_MS = Number(process.env.FAULTS_THINK_MS ?? 1000);
const API_RESTART_LIMIT_MS = 5000;
/** Jobs one worker runs at once (BullWorkerHost). */
const WORKER_CONCURRENCY = 8;
const PASSWORD = 'fault-suite-password';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

interface Phase {
  name: string;
  start: number;
  end: number;
  figures: Record<string, number | string | boolean>;
}

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

async function healthStatus(baseUrl: string, timeoutMs = 2000): Promise<number | string> {
  try {
    const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.text();
    return res.status;
  } catch (error) {
    return networkKind(error);
  }
}

async function call(baseUrl: string, path: string, init: RequestInit & { token?: string } = {}): Promise<any> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (typeof init.body === 'string') headers['Content-Type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

/** A draft of the fund with every section filled (the fields of test/support/proposal-fixtures.ts `completeDraft`). */
async function completeDraft(baseUrl: string, token: string, fundId: string, employerId: string, criteria: string[]) {
  const created = await call(baseUrl, '/api/proposals', {
    method: 'POST',
    token,
    body: JSON.stringify({ fundId, title: 'Welding Robotics Upskilling' }),
  });
  const form = new FormData();
  form.append('kind', 'letter_of_support');
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'letter.pdf');
  const letter = await call(baseUrl, `/api/proposals/${created.id}/attachments`, { method: 'POST', token, body: form });
  const narrative =
    'Employers co-designed this training after reviewing regional vacancy data; graduates get interviews. '.repeat(2);
  const launch = new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10);
  await call(baseUrl, `/api/proposals/${created.id}`, {
    method: 'PATCH',
    token,
    body: JSON.stringify({
      version: created.version,
      summary: 'Two stackable micro-credentials in collaborative welding robotics for manufacturing workers in the region.',
      sectors: ['advanced_manufacturing'],
      areasOfFocus: ['robotics'],
      regionsServed: ['central'],
      microCredentials: [
        {
          title: 'Collaborative Robot Programming',
          hours: 40,
          deliveryMode: 'hybrid',
          workIntegratedLearning: true,
          plannedLaunch: launch,
          expectedEnrolment: 60,
          intendsOsap: true,
          stackable: true,
        },
      ],
      partners: [
        {
          partnerOrganizationId: employerId,
          role: 'co_designer',
          cashCents: 1_000_000,
          inKindCents: 250_000,
          hiringIntent: 12,
          placements: 10,
          letterAttachmentId: letter.id,
        },
      ],
      budget: [{ category: 'curriculum_development', description: 'Design', requestedCents: 4_000_000, partnerCents: 1_000_000 }],
      narratives: Object.fromEntries(criteria.map((c) => [c, narrative])),
      contacts: [{ name: 'Pat Lead', email: 'pat@example.org', phone: '416-555-0101', role: 'Lead' }],
    }),
  });
  const readiness = await call(baseUrl, `/api/proposals/${created.id}/readiness`, { token });
  if (!readiness.ready) throw new Error(`the draft is not ready: ${JSON.stringify(readiness.problems)}`);
  return created.id as string;
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

describe('faults during a submit rush', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-faults-'));
  const exits: ExitRecord[] = [];
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let sink: SmtpSink;
  let api: ProductProcess;
  const workers: ProductProcess[] = [];
  let db: Pool;
  let baseUrl: string;
  let failed = false;

  afterAll(async () => {
    await Promise.allSettled([api?.close(), ...workers.map((w) => w.close())]);
    await db?.end().catch(() => undefined);
    await redis?.stop().catch(() => undefined);
    await sink?.close();
    pg?.destroy();
    if (failed || process.env.FAULTS_KEEP) process.stdout.write(`\nFault suite folder (logs): ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('keeps every receipt, creates no duplicate and loses no mail through kill -9, a PostgreSQL restart and a Redis outage', async () => {
    const suiteStart = Date.now();
    try {
      for (const f of [API_MAIN, WORKER_MAIN])
        if (!existsSync(f)) throw new Error(`Build the server first (npm run build:server): ${f} is missing`);

      // --- the suite's own services ----------------------------------------------------------------------------
      const [pgPort, redisPort, apiPort] = [await freePort(), await freePort(), await freePort()];
      pg = new OwnPostgres(dir, pgPort);
      pg.init();
      pg.start();
      const admin = new Pool({ connectionString: pg.url, max: 1 });
      await admin.query(`CREATE DATABASE cf`);
      await admin.end();
      db = new Pool({ connectionString: pg.urlOf('cf'), max: 3 });
      db.on('error', () => undefined); // idle clients cut by the restart: the next query reconnects
      redis = new OwnRedis(redisPort);
      await redis.start();
      sink = new SmtpSink(SMTP_DELAY_MS);
      const smtpPort = await sink.listen();

      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(apiPort),
        DATABASE_URL: pg.urlOf('cf'),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: 'cffaults',
        JWT_SECRET: randomBytes(32).toString('hex'),
        JWT_ACCESS_TTL_SECONDS: '3600',
        LOG_LEVEL: 'warn',
        DATA_DIR: join(dir, 'data'),
        SEED_DEMO: 'false',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        OUTBOX_POLL_MS: '250',
        DB_POOL_SIZE: '10',
      };
      baseUrl = `http://127.0.0.1:${apiPort}`;
      api = new ProductProcess('api', API_MAIN, env, join(dir, 'api.log'), ROOT, exits);
      api.start();
      await until(async () => (await healthStatus(baseUrl)) === 200, 60_000, 'the API to start (migrations)', 100).catch(
        (e: Error) => {
          throw new Error(`${e.message}\n${tail(join(dir, 'api.log'))}`);
        },
      );

      // --- data: an open fund (deadline in a month), institutions, applicants, complete drafts --------------------
      const passwordHash = await hash(PASSWORD);
      const [fund] = (
        await db.query(
          `INSERT INTO funds (code, name_en, name_fr, envelope_cents, opens_at, closes_at, eligible_institution_types,
                             submissions_per_institution, status)
           VALUES ('FAULTS-1', 'Fault Suite Fund', 'Fonds de la suite de pannes', 1500000000, now() - interval '1 day',
                   now() + interval '30 days', '{public_college}', 1, 'open') RETURNING id`,
        )
      ).rows;
      const criteria = ['employer_responsive', 'upskilling', 'community_need'];
      await db.query(
        `INSERT INTO fund_criteria (fund_id, code, position, title_en, title_fr, weight, scale_min, scale_max)
         SELECT $1, c, ord - 1, initcap(replace(c, '_', ' ')), initcap(replace(c, '_', ' ')), 1, 0, 10
           FROM unnest($2::text[]) WITH ORDINALITY AS t(c, ord)`,
        [fund.id, criteria],
      );
      const [employer] = (
        await db.query(
          `INSERT INTO partner_organizations (name, kind, sector, region, size)
           VALUES ('Fault Robotics Inc.', 'employer', 'advanced_manufacturing', 'central', 'medium') RETURNING id`,
        )
      ).rows;
      const users: { email: string }[] = (
        await db.query(
          `WITH i AS (
             INSERT INTO institutions (name, type, region, address)
             SELECT 'Fault College ' || g, 'public_college', 'central', g || ' Fault Rd, Toronto, ON'
               FROM generate_series(1, $1) g RETURNING id, name)
           INSERT INTO users (email, display_name, roles, institution_id, preferred_language, password_hash)
           SELECT lower(replace(i.name, ' ', '-')) || '@example.org', i.name, '{applicant}', i.id,
                  CASE WHEN right(i.name, 1) IN ('1','3','5') THEN 'fr' ELSE 'en' END, $2
             FROM i RETURNING email`,
          [APPLICANTS, passwordHash],
        )
      ).rows;
      const applicants: Applicant[] = await inBatches(users, 4, async ({ email }) => {
        const login = await call(baseUrl, '/api/auth/login', {
          method: 'POST',
          body: JSON.stringify({ email, password: PASSWORD }),
        });
        const proposalId = await completeDraft(baseUrl, login.accessToken, fund.id, employer.id, criteria);
        return { email, token: login.accessToken as string, proposalId };
      });

      for (const n of [1, 2]) {
        const w = new ProductProcess(`worker${n}`, WORKER_MAIN, env, join(dir, `worker${n}.log`), ROOT, exits);
        w.start();
        workers.push(w);
      }
      const workerReady = (n: number, starts: number) =>
        until(
          () => {
            const log = existsSync(join(dir, `worker${n}.log`)) ? readFileSync(join(dir, `worker${n}.log`), 'utf8') : '';
            return (
              (log.match(/ start #/g) ?? []).length >= starts &&
              log.slice(log.lastIndexOf(' start #')).includes('Worker is consuming jobs')
            );
          },
          30_000,
          `worker${n} to start`,
        );
      await Promise.all([workerReady(1, 1), workerReady(2, 1)]);
      const setupMs = Date.now() - suiteStart;

      // --- the rush, and the faults in turn --------------------------------------------------------------------
      const pool = new ClientPool(baseUrl, applicants, 60_000, THINK_MS);
      const phases: Phase[] = [];
      const phase = async (name: string, fn: (p: Phase) => Promise<void>) => {
        const p: Phase = { name, start: Date.now(), end: 0, figures: {} };
        phases.push(p);
        await fn(p);
        p.end = Date.now();
        p.figures.ok = pool.okSince(p.start);
      };
      /** How long after `since` clients got a receipt again (for a request sent after `since`, with `sentAfter`). */
      const firstReceiptAfter = async (since: number, what: string, sentAfter = false) =>
        (await until(() => pool.firstOkAfter(since, sentAfter), 30_000, `a receipt after ${what}`)) - since;
      const undelivered = async () =>
        Number((await db.query(`SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL`)).rows[0].n);

      pool.start();
      await phase('warm-up', async () => {
        await sleep(5000);
      });

      await phase('kill -9 the API', async (p) => {
        const pidBefore = api.pid;
        const killedAt = Date.now();
        await api.kill9();
        const spawnedAt = Date.now();
        api.start(); // a supervisor restarts it at once
        await until(async () => (await healthStatus(baseUrl)) === 200, 30_000, 'the API to answer after its restart', 25);
        p.figures.restartToHealthyMs = Date.now() - spawnedAt;
        // answers already on their way when it died do not count
        p.figures.killToFirstReceiptMs = await firstReceiptAfter(killedAt, 'the API restart', true);
        p.figures.newPid = api.pid !== pidBefore;
        await sleep(3000);
      });

      let sendingWhenKilled: string[] = [];
      let workerKilledAt = 0;
      await phase('kill -9 a worker', async (p) => {
        // the mail relay slows down, so both workers hold sends in flight: the one killed dies mid-send
        sink.delayMs = 5000;
        const sending = async () =>
          (await db.query(`SELECT id FROM outbox WHERE delivered_at IS NULL AND locked_until > now()`)).rows.map(
            (r: { id: string }) => r.id,
          );
        await until(async () => (await sending()).length >= 8, 15_000, 'sends in flight', 100);
        sendingWhenKilled = await sending();
        workerKilledAt = Date.now();
        await workers[0].kill9();
        sink.delayMs = SMTP_DELAY_MS;
        p.figures.sendingWhenKilled = sendingWhenKilled.length;
        await sleep(2000);
        const restartAt = Date.now();
        workers[0].start();
        await workerReady(1, 2);
        p.figures.workerRestartMs = Date.now() - restartAt;
        await sleep(3000);
      });

      await phase('restart PostgreSQL', async (p) => {
        const apiPid = api.pid;
        const stopAt = Date.now();
        pg.stop('fast');
        p.figures.stopMs = Date.now() - stopAt;
        await sleep(2000);
        const startAt = Date.now();
        pg.start();
        p.figures.startMs = Date.now() - startAt;
        p.figures.startToFirstReceiptMs = await firstReceiptAfter(startAt, 'the PostgreSQL restart');
        await until(async () => (await healthStatus(baseUrl)) === 200, 30_000, 'the API to be healthy after PostgreSQL', 50);
        p.figures.startToHealthyMs = Date.now() - startAt;
        p.figures.apiKeptItsProcess = api.pid === apiPid && api.alive;
        await sleep(3000);
      });

      let outageRows: string[] = [];
      await phase(`stop Redis for ${REDIS_DOWN_MS / 1000} s`, async (p) => {
        const stoppedAt = new Date();
        await redis.stop('SIGTERM');
        await sleep(2000);
        p.figures.healthWhileDown = String(await healthStatus(baseUrl, 10_000)); // its Redis check waits 2 s
        await sleep(REDIS_DOWN_MS - 2000);
        const rows = await db.query(`SELECT id FROM outbox WHERE created_at >= $1 AND delivered_at IS NULL`, [stoppedAt]);
        outageRows = rows.rows.map((r: { id: string }) => r.id);
        p.figures.receiptsWhileDown = pool.okSince(stoppedAt.getTime());
        p.figures.pendingMailsWhenBack = outageRows.length;
        const startAt = Date.now();
        await redis.start();
        await until(async () => (await healthStatus(baseUrl)) === 200, 30_000, 'the API to be healthy after Redis', 50);
        p.figures.startToHealthyMs = Date.now() - startAt;
        p.figures.outageMailsDeliveredMs =
          (await until(
            async () =>
              Number(
                (
                  await db.query(`SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1) AND delivered_at IS NULL`, [
                    outageRows,
                  ])
                ).rows[0].n,
              ) === 0 && Date.now(),
            60_000,
            'the mails written while Redis was down to be delivered',
            200,
          )) - startAt;
        await sleep(3000);
      });

      await phase('end of the rush', async () => {
        await pool.stop();
      });

      let drainMs = 0;
      await phase('drain', async (p) => {
        const start = Date.now();
        await until(async () => (await undelivered()) === 0, DRAIN_MS, 'every outbox row to be delivered', 500).catch(
          async (e: Error) => {
            const rows = await db.query(
              `SELECT id, attempts, dispatched_at, next_attempt_at, locked_until, last_error FROM outbox
                WHERE delivered_at IS NULL ORDER BY created_at LIMIT 10`,
            );
            throw new Error(`${e.message}: ${await undelivered()} left, e.g. ${JSON.stringify(rows.rows, null, 1)}`);
          },
        );
        drainMs = Date.now() - start;
        p.figures.drainMs = drainMs;
        // the killed worker's sends: taken back by BullMQ's re-run of their jobs, or handed over once their lease ran out
        const [{ last }] = (
          await db.query(`SELECT max(delivered_at) AS last FROM outbox WHERE id = ANY($1)`, [sendingWhenKilled])
        ).rows;
        p.figures.sendsInFlightAtTheKillDeliveredWithinMs = new Date(last).getTime() - workerKilledAt;
      });

      // --- the checks ------------------------------------------------------------------------------------------
      const stored: {
        id: string;
        proposal_id: string;
        version: number;
        tracking_number: string;
        submitted_at: Date;
        idempotency_key: string | null;
      }[] = (
        await db.query(
          `SELECT s.id, s.proposal_id, s.version, s.tracking_number, s.submitted_at, s.idempotency_key
             FROM proposal_submissions s JOIN proposals p ON p.id = s.proposal_id WHERE p.fund_id = $1`,
          [fund.id],
        )
      ).rows;
      const byVersion = new Map(stored.map((s) => [`${s.proposal_id}/${s.version}`, s]));
      const receiptProblems: string[] = [];
      const answerOfKey = new Map<string, string>();
      for (const r of pool.receipts) {
        const s = byVersion.get(`${r.proposalId}/${r.version}`);
        if (!s) receiptProblems.push(`no stored submission for the receipt ${JSON.stringify(r)}`);
        else if (
          s.tracking_number !== r.trackingNumber ||
          s.submitted_at.toISOString() !== r.submittedAt ||
          s.idempotency_key !== r.key
        )
          receiptProblems.push(`the receipt ${JSON.stringify(r)} differs from the stored ${JSON.stringify(s)}`);
        const answer = `${r.trackingNumber}/${r.version}/${r.submittedAt}`;
        if ((answerOfKey.get(r.key) ?? answer) !== answer) receiptProblems.push(`two answers for the key ${r.key}`);
        answerOfKey.set(r.key, answer);
      }
      const duplicates = (
        await db.query(
          `SELECT proposal_id, idempotency_key, count(*)::int AS n FROM proposal_submissions
            WHERE idempotency_key IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`,
        )
      ).rows;
      const receiptedKeys = new Set(pool.receipts.map((r) => r.key));
      const orphans = stored.filter((s) => !s.idempotency_key || !receiptedKeys.has(s.idempotency_key));

      const mails: { id: string; dedupe_key: string; delivered_at: Date | null; attempts: number }[] = (
        await db.query(`SELECT id, dedupe_key, delivered_at, attempts FROM outbox WHERE topic = 'mail'`)
      ).rows;
      const mailOf = new Map(mails.map((m) => [m.dedupe_key, m]));
      const withoutMail = stored.filter((s) => !mailOf.has(`receipt:${s.id}`));
      const copies = new Map<string, number>();
      for (const m of sink.messages) copies.set(m.outboxId, (copies.get(m.outboxId) ?? 0) + 1);
      const receiptMails = stored.map((s) => mailOf.get(`receipt:${s.id}`)).filter((m) => !!m);
      const neverReceived = receiptMails.filter((m) => !copies.get(m.id));
      const resent = receiptMails.filter((m) => (copies.get(m.id) ?? 0) > 1);
      const wrongMessageId = sink.messages.filter((m) => !m.messageId.startsWith(`<${m.outboxId}@`));

      // --- the summary -----------------------------------------------------------------------------------------
      const countKinds = (attempts: { kind: string }[]) => {
        const out: Record<string, number> = {};
        for (const a of attempts) out[a.kind] = (out[a.kind] ?? 0) + 1;
        return out;
      };
      const errorsByKind = countKinds(pool.attempts.filter((a) => !(a.status && a.status < 300)));
      const summary = {
        applicants: APPLICANTS,
        setupMs,
        totalMs: Date.now() - suiteStart,
        submitRequests: pool.attempts.length,
        submit2xx: pool.attempts.filter((a) => a.status && a.status < 300).length,
        replayed: pool.receipts.filter((r) => r.replayed).length,
        submitErrorsByKind: errorsByKind,
        otherRequests: Object.fromEntries(pool.otherRequests),
        submissionsStored: stored.length,
        mails: receiptMails.length,
        mailsResent: resent.length,
        // when each copy of a resent mail arrived, by phase: tells which fault caused it
        resentCopies: resent.map((m) =>
          sink.messages
            .filter((c) => c.outboxId === m.id)
            .map((c) => phases.find((p) => c.at >= p.start && c.at <= (p.end || Infinity))?.name ?? 'after'),
        ),
        phases: phases.map((p) => ({
          phase: p.name,
          ms: p.end - p.start,
          ...p.figures,
          errors: countKinds(pool.attempts.filter((a) => a.at >= p.start && a.at <= p.end && !(a.status && a.status < 300))),
        })),
        unexpectedExits: exits.filter((e) => !e.expected),
      };
      process.stdout.write(`\nFault suite: submit rush\n${JSON.stringify(summary, null, 2)}\n`);

      const api500 = pool.attempts.filter((a) => a.status === 500).length + (pool.otherRequests.get('GET 500') ?? 0);
      expect(receiptProblems).toEqual([]);
      expect(duplicates).toEqual([]);
      expect(orphans).toEqual([]);
      expect(pool.abandoned).toEqual([]);
      expect(pool.refusals).toEqual([]);
      expect(withoutMail).toEqual([]);
      expect(neverReceived).toEqual([]);
      expect(wrongMessageId).toEqual([]);
      // a copy is sent again only when a worker dies between the SMTP server's answer and the delivery mark (the same
      // Message-ID): at most the jobs the killed worker had in hand; a database restart must not cause any
      expect(resent.length).toBeLessThanOrEqual(WORKER_CONCURRENCY);
      expect(summary.unexpectedExits).toEqual([]);
      expect({ submit500: api500, patch500: pool.otherRequests.get('PATCH 500') ?? 0 }).toEqual({ submit500: 0, patch500: 0 });
      expect(stored.length).toBeGreaterThan(APPLICANTS);
      const [apiPhase, , pgPhase, redisPhase] = phases.slice(1);
      expect(apiPhase.figures.restartToHealthyMs).toBeLessThan(API_RESTART_LIMIT_MS);
      expect(pgPhase.figures.apiKeptItsProcess).toBe(true);
      expect(redisPhase.figures.receiptsWhileDown).toBeGreaterThan(0);
      // the API reports Redis down while it is
      expect(redisPhase.figures.healthWhileDown).toBe('503');
    } catch (error) {
      failed = true;
      process.stdout.write(
        `\nLogs (tails):\n--- api\n${tail(join(dir, 'api.log'))}\n--- worker1\n${tail(join(dir, 'worker1.log'))}\n--- worker2\n${tail(
          join(dir, 'worker2.log'),
        )}\n`,
      );
      throw error;
    }
  }, 900_000);
});
