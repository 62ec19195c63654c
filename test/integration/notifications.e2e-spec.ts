import { parseConfig } from '@cf/config';
import {
  DeadlineReminderService,
  MAIL_SEND_JOB,
  Mailer,
  MailProcessor,
  MailSendJob,
  OutboxRelay,
  OutboxService,
} from '@cf/notifications';
import { Clock } from '@cf/platform';
import { JobHandler, JobQueue } from '@cf/queue';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { completeDraft, fundId, newInstitution, openFundCode } from '../support/proposal-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const WORKER_MAIN = resolve(__dirname, '../../dist/apps/worker/apps/worker/src/main.js');
const DAY = 24 * 3600 * 1000;

async function until<T>(fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const unique = () => randomBytes(4).toString('hex');

/** An .eml with its quoted-printable parts decoded, to read the text as people see it. */
function readable(eml: string): string {
  const joined = eml.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** The .eml files written for an outbox row (the file name ends with its id), decoded. */
function emlsOf(t: TestApp, outboxId: string): string[] {
  const dir = join(t.env.DATA_DIR, 'mail');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(`-${outboxId}.eml`))
    .map((f) => readable(readFileSync(join(dir, f), 'latin1')));
}

function allEmls(t: TestApp): string[] {
  const dir = join(t.env.DATA_DIR, 'mail');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => readable(readFileSync(join(dir, f), 'latin1')));
}

const receipt = (to: string, language: 'en' | 'fr' = 'en') => ({
  to,
  template: 'submission_receipt' as const,
  language,
  data: {
    trackingNumber: `MCF-${unique()}`,
    proposalTitle: 'Advanced welding for local employers',
    fundName: language === 'fr' ? 'Fonds pour les défis liés aux microcertifications' : 'Micro-credentials Challenge Fund',
    submittedAtLocal: 'June 25, 2021 at 11:58 p.m. (Toronto time)',
    version: 1,
  },
});

const outboxRow = (ds: DataSource, id: string) =>
  ds
    .query(`SELECT delivered_at, dispatched_at, attempts, last_error FROM outbox WHERE id = $1`, [id])
    .then((r: { delivered_at: Date | null; dispatched_at: Date | null; attempts: number; last_error: string | null }[]) => r[0]);

describe('the mail outbox, jobs in-process', () => {
  let t: TestApp;
  let outbox: OutboxService;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '100' });
    outbox = t.app.get(OutboxService);
  });
  afterAll(() => t.stop());

  it('delivers a committed mail as one .eml file, even when it is dispatched several times at once', async () => {
    const to = `receipt-${unique()}@example.org`;
    const id = await t.dataSource.transaction((m) => outbox.enqueueMail(m, receipt(to, 'fr')));
    expect(id).toEqual(expect.any(String));
    // the relay and two stray jobs for the same row, all at once
    const queue = t.app.get(JobQueue);
    await Promise.all([
      t.app.get(OutboxRelay).pollOnce(),
      queue.enqueue(MAIL_SEND_JOB, { outboxId: id }, { jobId: `${id}-dup1` }),
      queue.enqueue(MAIL_SEND_JOB, { outboxId: id }, { jobId: `${id}-dup2` }),
    ]);
    await until(async () => (await outboxRow(t.dataSource, id!)).delivered_at);
    // delivered rows are never due again, and a late duplicate job changes nothing
    await t.dataSource.query(`UPDATE outbox SET next_attempt_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    await t.app.get(OutboxRelay).pollOnce();
    await queue.enqueue(MAIL_SEND_JOB, { outboxId: id }, { jobId: `${id}-late` });
    await sleep(400);

    const emls = emlsOf(t, id!);
    expect(emls).toHaveLength(1);
    const eml = emls[0];
    expect(eml).toContain(`Message-ID: <${id}@challenge-fund.local>`);
    expect(eml).toContain(`To: ${to}`);
    expect(eml).toContain('Content-Language: fr');
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m); // "Accusé de réception ...", encoded
    expect(eml).toContain('Nous avons bien reçu votre proposition');
    expect(allEmls(t).filter((e) => e.includes(`To: ${to}`))).toHaveLength(1);
  });

  it('lets the retry of a job whose runner died mid-send take its lease back at once, and no other job (issue 7)', async () => {
    const to = `crashed-sender-${unique()}@example.org`;
    // not due for a day: only the jobs below touch it
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO outbox (topic, payload, next_attempt_at) VALUES ('mail', $1::jsonb, now() + interval '1 day') RETURNING id`,
      [JSON.stringify(receipt(to))],
    );
    const processor: JobHandler<MailSendJob> = t.app.get(MailProcessor);
    const send = jest.spyOn(t.app.get(Mailer), 'send');
    send.mockImplementationOnce(() => new Promise(() => undefined)); // its worker is killed while it sends: no answer
    const job = (jobId: string, attempt = 1) => ({ id: jobId, name: MAIL_SEND_JOB, attempt, runner: 'worker' as const });
    void processor.handle({ outboxId: id }, job(`${id}-1`));
    await until(async () => (await t.dataSource.query(`SELECT locked_until FROM outbox WHERE id = $1`, [id]))[0].locked_until);
    try {
      // another job of the row (a re-dispatch) leaves it alone while the lease holds
      await processor.handle({ outboxId: id }, job(`${id}-2`));
      expect(send).toHaveBeenCalledTimes(1);
      expect(await outboxRow(t.dataSource, id)).toMatchObject({ delivered_at: null });
      // the same job run again (BullMQ's retry of a stalled job, once the killed worker's lock expired) takes it back
      await processor.handle({ outboxId: id }, job(`${id}-1`, 2));
      expect((await outboxRow(t.dataSource, id)).delivered_at).not.toBeNull();
      expect(emlsOf(t, id)).toHaveLength(1);
    } finally {
      send.mockRestore();
    }
  });

  it('records a sent mail through a database blip instead of sending it again (issue 7)', async () => {
    const to = `blip-${unique()}@example.org`;
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO outbox (topic, payload, next_attempt_at) VALUES ('mail', $1::jsonb, now() + interval '1 day') RETURNING id`,
      [JSON.stringify(receipt(to))],
    );
    const processor: JobHandler<MailSendJob> = t.app.get(MailProcessor);
    // PostgreSQL restarts just as the mail has gone: the first two marks fail
    const mark = jest.spyOn((t.app.get(MailProcessor) as unknown as { outbox: OutboxService }).outbox, 'markDelivered');
    mark.mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    mark.mockRejectedValueOnce(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    try {
      await processor.handle({ outboxId: id }, { id: `${id}-1`, name: MAIL_SEND_JOB, attempt: 1, runner: 'worker' });
    } finally {
      mark.mockRestore();
    }
    expect((await outboxRow(t.dataSource, id)).delivered_at).not.toBeNull();
    expect(emlsOf(t, id)).toHaveLength(1);
  });

  it('writes nothing for a transaction that rolls back', async () => {
    const to = `rolled-back-${unique()}@example.org`;
    await expect(
      t.dataSource.transaction(async (m) => {
        await outbox.enqueueMail(m, receipt(to));
        throw new Error('the submission failed');
      }),
    ).rejects.toThrow('the submission failed');
    await t.app.get(OutboxRelay).pollOnce();
    await sleep(300);
    expect(await t.dataSource.query(`SELECT id FROM outbox WHERE payload->>'to' = $1`, [to])).toEqual([]);
    expect(allEmls(t).filter((e) => e.includes(to))).toEqual([]);
  });

  it('refuses a mail that cannot be rendered, so the caller rolls back', async () => {
    await expect(
      t.dataSource.transaction((m) => outbox.enqueueMail(m, { ...receipt('x@example.org'), data: { trackingNumber: 'MCF-1' } })),
    ).rejects.toThrow(/missing or invalid proposalTitle, fundName, submittedAtLocal, version/);
    await expect(t.dataSource.transaction((m) => outbox.enqueueMail(m, receipt('not an address')))).rejects.toThrow(
      'not an email address',
    );
  });

  it('writes a mail with a dedupe key once', async () => {
    const mail = { ...receipt(`dedupe-${unique()}@example.org`), dedupeKey: `test:${unique()}` };
    const first = await t.dataSource.transaction((m) => outbox.enqueueMail(m, mail));
    const second = await t.dataSource.transaction((m) => outbox.enqueueMail(m, mail));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await t.dataSource.query(`SELECT id FROM outbox WHERE dedupe_key = $1`, [mail.dedupeKey])).toHaveLength(1);
  });

  describe('deadline reminders', () => {
    const clock = () => t.app.get(Clock);
    afterEach(() => clock().setForTesting(null));

    async function scenario() {
      const tag = unique();
      const ds = t.dataSource;
      // far from any demo fund; on a Toronto evening in June (EDT)
      const closesAt = new Date(Date.UTC(2040, 5, 15, 3, 59) + Math.floor(Math.random() * 1000) * 60_000);
      const [fund] = await ds.query(
        `INSERT INTO funds (code, name_en, name_fr, envelope_cents, opens_at, closes_at, eligible_institution_types, status)
         VALUES ($1, $2, $3, 1500000000, $4, $5, '{public_college}', 'open') RETURNING id`,
        [`T-${tag}`.toUpperCase(), `Test Fund ${tag}`, `Fonds d’essai ${tag}`, new Date(closesAt.getTime() - 60 * DAY), closesAt],
      );
      const [otherFund] = await ds.query(
        `INSERT INTO funds (code, name_en, name_fr, envelope_cents, opens_at, closes_at, eligible_institution_types, status)
         VALUES ($1, 'Other', 'Autre', 100, $2, $3, '{public_college}', 'open') RETURNING id`,
        [`O-${tag}`.toUpperCase(), new Date(closesAt.getTime() - 60 * DAY), new Date(closesAt.getTime() + 30 * DAY)],
      );
      const institution = async (name: string) =>
        (
          await ds.query(`INSERT INTO institutions (name, type, region) VALUES ($1, 'public_college', 'toronto') RETURNING id`, [
            `${name} ${tag}`,
          ])
        )[0].id as string;
      const user = (email: string, institutionId: string, language: string, roles = '{applicant}', active = true) =>
        ds.query(
          `INSERT INTO users (email, password_hash, display_name, roles, institution_id, preferred_language, is_active)
           VALUES ($1, 'x', $1, $2, $3, $4, $5)`,
          [`${email}-${tag}@example.org`, roles, institutionId, language, active],
        );
      const proposal = (fundId: string, institutionId: string, title: string, status = 'draft') =>
        ds.query(`INSERT INTO proposals (fund_id, institution_id, title, status) VALUES ($1, $2, $3, $4)`, [
          fundId,
          institutionId,
          title,
          status,
        ]);

      const withDrafts = await institution('College with drafts');
      await user('en-applicant', withDrafts, 'en');
      await user('fr-applicant', withDrafts, 'fr');
      await user('inactive-applicant', withDrafts, 'en', '{applicant}', false);
      await user('reviewer', withDrafts, 'en', '{reviewer}');
      await proposal(fund.id, withDrafts, 'Welding for the auto sector');
      await proposal(fund.id, withDrafts, '');
      const submitted = await institution('College that submitted');
      await user('submitted-applicant', submitted, 'en');
      await proposal(fund.id, submitted, 'Done', 'submitted');
      const elsewhere = await institution('College drafting elsewhere');
      await user('elsewhere-applicant', elsewhere, 'en');
      await proposal(otherFund.id, elsewhere, 'Other fund draft');
      return { tag, fundId: fund.id as string, closesAt };
    }

    const remindersOf = (fundId: string, tag: string) =>
      t.dataSource.query(
        `SELECT id, payload FROM outbox
          WHERE payload->>'template' = 'deadline_reminder' AND dedupe_key LIKE $1 AND payload->>'to' LIKE $2
          ORDER BY payload->>'to'`,
        [`deadline_reminder:${fundId}:%`, `%-${tag}@example.org`],
      ) as Promise<
        {
          id: string;
          payload: { to: string; language: string; data: { fundName: string; closesAtLocal: string; proposalTitles: string[] } };
        }[]
      >;

    it('sends the 7-day reminder once, to the active applicants of institutions with drafts, in their language', async () => {
      const { tag, fundId, closesAt } = await scenario();
      const sweeper = t.app.get(DeadlineReminderService);
      clock().setForTesting(new Date(closesAt.getTime() - 6 * DAY));
      await sweeper.sweep();
      const rows = await remindersOf(fundId, tag);
      expect(rows.map((r) => [r.payload.to, r.payload.language])).toEqual([
        [`en-applicant-${tag}@example.org`, 'en'],
        [`fr-applicant-${tag}@example.org`, 'fr'],
      ]);
      const [en, fr] = rows.map((r) => r.payload.data);
      expect(en).toEqual({
        fundName: `Test Fund ${tag}`,
        closesAtLocal: expect.stringMatching(/^June 1[45], 2040 at \d{1,2}:\d{2} [ap]\.m\. \(Toronto time\)$/),
        proposalTitles: ['Welding for the auto sector', ''],
      });
      expect(fr.fundName).toBe(`Fonds d’essai ${tag}`);
      expect(fr.closesAtLocal).toMatch(/^1[45] juin 2040 à \d{1,2} h \d{2} \(heure de Toronto\)$/);
      expect(await t.dataSource.query(`SELECT kind FROM fund_reminders WHERE fund_id = $1`, [fundId])).toEqual([{ kind: 'd7' }]);

      // a second sweep, even a day later, sends nothing more
      await sweeper.sweep();
      clock().setForTesting(new Date(closesAt.getTime() - 5 * DAY));
      await sweeper.sweep();
      expect(await remindersOf(fundId, tag)).toHaveLength(2);

      // and both are delivered, in their language
      const frEml = await until(() => emlsOf(t, rows[1].id)[0]);
      expect(frEml).toContain(`To: ${rows[1].payload.to}`);
      expect(frEml).toContain('Content-Language: fr');
      expect(frEml).toMatch(/date limite de soumission au programme/);
      expect(frEml).toContain('(ébauche sans titre)');
      const enEml = await until(() => emlsOf(t, rows[0].id)[0]);
      expect(enEml).toContain('Your institution has proposals that have not been submitted yet');
      expect(enEml).toContain('(untitled draft)');
    });

    it('sends the 1-day reminder in the last day, once, and nothing after closing', async () => {
      const { tag, fundId, closesAt } = await scenario();
      const sweeper = t.app.get(DeadlineReminderService);
      clock().setForTesting(new Date(closesAt.getTime() - 12 * 3600 * 1000));
      await sweeper.sweep();
      await sweeper.sweep();
      expect((await remindersOf(fundId, tag)).map((r) => r.payload.to)).toEqual([
        `en-applicant-${tag}@example.org`,
        `fr-applicant-${tag}@example.org`,
      ]);
      expect(await t.dataSource.query(`SELECT kind FROM fund_reminders WHERE fund_id = $1`, [fundId])).toEqual([{ kind: 'd1' }]);
      clock().setForTesting(new Date(closesAt.getTime() + 1000));
      await sweeper.sweep();
      expect(await remindersOf(fundId, tag)).toHaveLength(2);
    });
  });
});

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** A throwaway redis-server, so this test can stop and restart Redis without touching the shared one. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  await until(() => out.includes('Ready to accept connections') || child.exitCode !== null, 5000);
  if (child.exitCode !== null) throw new Error(`redis-server did not start: ${out}`);
  return child;
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

describe('the mail outbox while Redis is down', () => {
  let t: TestApp;
  let redis: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let port: number;
  let workerLog = '';

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`Build the worker first (npm run build:server): ${WORKER_MAIN} is missing`);
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_PREFIX: `cftest${unique()}`, OUTBOX_POLL_MS: '100' });
  });
  afterAll(async () => {
    await stop(worker);
    await t?.stop();
    await stop(redis);
  });

  it('keeps mail pending while Redis is down (a submission still gets its receipt), and a worker delivers it once Redis is back, lost jobs included', async () => {
    const admin = await t.token('admin@example.org');
    const outbox = t.app.get(OutboxService);

    // a mail handed to the queue while no worker runs: its job dies with this Redis (no persistence)
    const lostTo = `lost-job-${unique()}@example.org`;
    const lost = (await t.dataSource.transaction((m) => outbox.enqueueMail(m, receipt(lostTo))))!;
    await until(async () => (await outboxRow(t.dataSource, lost)).attempts === 1);

    await stop(redis, 'SIGKILL');
    const to = `redis-down-${unique()}@example.org`;
    const id = (await t.dataSource.transaction((m) => outbox.enqueueMail(m, receipt(to))))!;
    // the API keeps answering
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${admin}`);
    expect(me.status).toBe(200);
    // and a submission gets its receipt: the receipt mail waits in the outbox, committed with it
    const applicant = await newInstitution(t);
    const draft = await completeDraft(t, applicant.token, await fundId(t, await openFundCode(t)));
    const submitted = await t
      .http()
      .post(`/api/proposals/${draft.id}/submit`)
      .set('Authorization', `Bearer ${applicant.token}`)
      .set('Idempotency-Key', randomBytes(16).toString('hex'));
    expect(submitted.status).toBe(201);
    expect(submitted.body.trackingNumber).toMatch(/^MCF-\d{4}-\d{6}$/);
    const [receiptRow] = await t.dataSource.query(`SELECT id FROM outbox WHERE payload->>'to' = $1`, [applicant.email]);
    expect(await outboxRow(t.dataSource, receiptRow.id)).toMatchObject({ delivered_at: null });
    // the relay tried, the queue refused: the row stays pending, nothing was sent
    await until(async () => (await outboxRow(t.dataSource, id)).last_error?.startsWith('enqueue:'));
    await sleep(300);
    expect(await outboxRow(t.dataSource, id)).toMatchObject({ delivered_at: null, dispatched_at: null, attempts: 0 });
    expect(emlsOf(t, id)).toEqual([]);

    redis = await startRedis(port);
    const env = { ...t.env, PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn' };
    parseConfig(env);
    worker = spawn(process.execPath, [WORKER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout!.on('data', (d) => (workerLog += d));
    worker.stderr!.on('data', (d) => (workerLog += d));
    const explain = (rowId: string) => async (e: Error) => {
      throw new Error(`${e.message}; row ${JSON.stringify(await outboxRow(t.dataSource, rowId))}; worker output:\n${workerLog}`);
    };

    const eml = await until(() => emlsOf(t, id)[0], 15000).catch(explain(id));
    expect(eml).toContain(`To: ${to}`);
    expect(eml).toContain(`Message-ID: <${id}@challenge-fund.local>`);
    const delivered = await until(async () => {
      const r = await outboxRow(t.dataSource, id);
      return r.delivered_at && r;
    });
    expect(delivered.attempts).toBe(1);
    const receiptEml = await until(() => emlsOf(t, receiptRow.id)[0], 15000).catch(explain(receiptRow.id));
    expect(receiptEml).toContain(`To: ${applicant.email}`);
    expect(receiptEml).toContain(submitted.body.trackingNumber);

    // the lost job is handed over again once its re-dispatch delay passes (made to pass here)
    expect(await outboxRow(t.dataSource, lost)).toMatchObject({ delivered_at: null, attempts: 1 });
    await t.dataSource.query(`UPDATE outbox SET next_attempt_at = now() WHERE id = $1`, [lost]);
    const lostEml = await until(() => emlsOf(t, lost)[0], 10000).catch(explain(lost));
    expect(lostEml).toContain(`To: ${lostTo}`);
    await until(async () => (await outboxRow(t.dataSource, lost)).delivered_at);
    expect((await outboxRow(t.dataSource, lost)).attempts).toBe(2);
    expect(emlsOf(t, id)).toHaveLength(1);
    expect(emlsOf(t, lost)).toHaveLength(1);
  }, 30_000);
});
