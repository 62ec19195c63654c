import { randomUUID } from 'node:crypto';
import { eligibleProposal, reviewFund } from '../support/review-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const ENVELOPE = 1_500_000_000; // $15,000,000.00

describe('awards: the envelope and four-eyes decisions', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;
  let officerId: string;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '20' });
    officer = await t.token('officer@example.org');
    approver = await t.token('approver@example.org');
    officerId = (await t.dataSource.query(`SELECT id FROM users WHERE email = 'officer@example.org'`))[0].id;
  });
  afterAll(() => t.stop());

  /** A proposal whose reviews are complete, requesting `requestedCents` (the fixture's snapshot has no budget). */
  async function reviewed(fund: string, requestedCents: number): Promise<string> {
    const p = await eligibleProposal(t, fund);
    await t.dataSource.query(`UPDATE proposals SET status = 'reviewed', requested_cents = $2 WHERE id = $1`, [
      p.id,
      requestedCents,
    ]);
    return p.id;
  }

  const ledger = async (fund: string) => (await t.http().get(`/api/funds/${fund}/ledger`).set(bearer(officer))).body;

  it('an approver cannot confirm their own recommendation; another person can, and only then is money committed', async () => {
    const fund = await reviewFund(t);
    const id = await reviewed(fund.id, 30_000_000);
    const rec = await t.http().post('/api/decisions').set(bearer(officer)).send({
      proposalId: id,
      kind: 'fund_partial',
      amountCents: 25_000_000,
      conditions: 'Report enrolment quarterly.',
      rationale: 'Strong, but the marketing line is high.',
    });
    expect(rec.status).toBe(201);
    expect(rec.body).toMatchObject({ status: 'recommended', amountCents: 25_000_000, requestedCents: 30_000_000 });
    expect(await ledger(fund.id)).toMatchObject({ committedCents: 0, recommendedCents: 25_000_000, remainingCents: ENVELOPE });

    const own = await t.http().post(`/api/decisions/${rec.body.id}/confirm`).set(bearer(officer)).send({});
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES');

    // A person holding both roles is still one person.
    const admin = await t.token('admin@example.org');
    const both = await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({
        email: `both-${randomUUID().slice(0, 8)}@example.org`,
        displayName: 'Both Roles',
        roles: ['program_officer', 'approver'],
        preferredLanguage: 'en',
        password: 'both-roles-password',
      });
    const bothToken = await t.token(both.body.email, 'both-roles-password');
    const id2 = await reviewed(fund.id, 10_000_000);
    const rec2 = await t
      .http()
      .post('/api/decisions')
      .set(bearer(bothToken))
      .send({ proposalId: id2, kind: 'fund_full', rationale: 'Excellent.' });
    expect(rec2.status).toBe(201);
    expect((await t.http().post(`/api/decisions/${rec2.body.id}/confirm`).set(bearer(bothToken)).send({})).body.code).toBe(
      'FOUR_EYES',
    );
    // And the database refuses it too, whatever the code does.
    await expect(
      t.dataSource.query(
        `UPDATE award_decisions SET status = 'confirmed', decided_by = recommended_by, decided_at = now() WHERE id = $1`,
        [rec2.body.id],
      ),
    ).rejects.toThrow(/award_decisions_four_eyes/);

    const ok = await t.http().post(`/api/decisions/${rec.body.id}/confirm`).set(bearer(approver)).send({ note: 'Agreed.' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'confirmed', decidedByName: 'Amir Approver', decisionNote: 'Agreed.' });
    expect(await ledger(fund.id)).toMatchObject({ committedCents: 25_000_000, remainingCents: ENVELOPE - 25_000_000, awards: 1 });
    expect((await t.dataSource.query(`SELECT status FROM proposals WHERE id = $1`, [id]))[0].status).toBe('awarded');
    const trail = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [rec.body.id]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['award.recommend', 'award.confirm']);
  });

  it('validates recommendations per field, one live decision per proposal', async () => {
    const fund = await reviewFund(t);
    const id = await reviewed(fund.id, 5_000_000);
    const send = (body: object) =>
      t
        .http()
        .post('/api/decisions')
        .set(bearer(officer))
        .send({ proposalId: id, rationale: 'Because.', ...body });
    expect((await send({ kind: 'fund_partial', amountCents: 5_000_000 })).body.errors).toEqual([
      { field: 'amountCents', reason: expect.stringContaining('less than the request') },
    ]);
    expect((await send({ kind: 'fund_partial' })).body.errors).toEqual([
      { field: 'amountCents', reason: 'is required to fund in part' },
    ]);
    expect((await send({ kind: 'grant' })).body.errors[0].field).toBe('kind');
    expect((await send({ kind: 'decline', rationale: ' ' })).body.errors).toEqual([
      { field: 'rationale', reason: 'is required' },
    ]);
    expect((await send({ kind: 'fund_full' })).status).toBe(201);
    expect((await send({ kind: 'decline' })).body.code).toBe('DECISION_EXISTS');
    const notReviewed = (await eligibleProposal(t, fund.id)).id;
    const early = await t
      .http()
      .post('/api/decisions')
      .set(bearer(officer))
      .send({ proposalId: notReviewed, kind: 'decline', rationale: 'x' });
    expect(early.body.code).toBe('NOT_DECIDABLE');
  });

  it('50 parallel confirmations that together exceed the envelope never commit more than it, 20 times over', async () => {
    for (let round = 0; round < 20; round++) {
      // A fund of $15,000,000 and 50 recommendations of $100,000 to $600,000: about $17.5M in all.
      const fund = await reviewFund(t);
      expect((await ledger(fund.id)).envelopeCents).toBe(ENVELOPE);
      const amounts = Array.from({ length: 50 }, (_, i) => 10_000_000 + ((i * 7919 + round * 104_729) % 50) * 1_000_000);
      expect(amounts.reduce((a, b) => a + b, 0)).toBeGreaterThan(ENVELOPE);
      const ids: string[] = [];
      for (const amount of amounts) {
        const p = await reviewed(fund.id, amount);
        const [d] = await t.dataSource.query(
          `INSERT INTO award_decisions (fund_id, proposal_id, kind, amount_cents, requested_cents, rationale, recommended_by)
           VALUES ($1, $2, 'fund_full', $3, $3, 'Ranked high', $4) RETURNING id`,
          [fund.id, p, amount, officerId],
        );
        ids.push(d.id);
      }
      const results = await Promise.all(
        ids.map((id) => t.http().post(`/api/decisions/${id}/confirm`).set(bearer(approver)).send({})),
      );
      const [l] = await t.dataSource.query(`SELECT envelope_cents, committed_cents FROM fund_ledgers WHERE fund_id = $1`, [
        fund.id,
      ]);
      const [{ sum }] = await t.dataSource.query(
        `SELECT coalesce(sum(amount_cents), 0)::bigint AS sum FROM award_decisions
          WHERE fund_id = $1 AND status = 'confirmed' AND kind IN ('fund_full','fund_partial')`,
        [fund.id],
      );
      const committed = Number(l.committed_cents);
      const remaining = ENVELOPE - committed;
      expect(committed).toBeLessThanOrEqual(ENVELOPE);
      expect(committed).toBe(Number(sum));
      const confirmed = results.filter((r) => r.status === 200);
      const refused = results.filter((r) => r.status !== 200);
      expect(confirmed.map((r) => r.body.amountCents).reduce((a, b) => a + b, 0)).toBe(committed);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.status).toBe(409);
        expect(r.body.code).toBe('ENVELOPE_EXCEEDED');
        expect(typeof r.body.remainingCents).toBe('number');
        // Remaining only shrinks: whatever was refused did not fit then, and does not fit now.
        expect(r.body.amountCents).toBeGreaterThan(remaining);
      }
    }
  }, 240_000);

  it('the same test catches a read-then-write version (the control)', async () => {
    // A read-then-write confirmation on a copy of the ledger without the CHECK: each reads committed, decides, then
    // writes the new absolute total. When the reads happen before the writes, as they can under load, every
    // confirmation "fits" and the writes overwrite each other: the invariants the test above checks both fail.
    await t.dataSource.query(
      `CREATE TEMP TABLE IF NOT EXISTS naive_ledger (id int PRIMARY KEY, envelope bigint, committed bigint)`,
    );
    const run = async () => {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query(`DELETE FROM naive_ledger`);
        await runner.query(`INSERT INTO naive_ledger VALUES (1, $1, 0)`, [ENVELOPE]);
        const amounts = Array.from({ length: 50 }, (_, i) => 10_000_000 + (i % 50) * 1_000_000);
        const reads = await Promise.all(amounts.map(() => runner.query(`SELECT committed FROM naive_ledger WHERE id = 1`)));
        const accepted: number[] = [];
        for (const [i, [row]] of reads.entries()) {
          const next = Number(row.committed) + amounts[i];
          if (next <= ENVELOPE) {
            await runner.query(`UPDATE naive_ledger SET committed = $1 WHERE id = 1`, [next]);
            accepted.push(amounts[i]);
          }
        }
        const [{ committed }] = await runner.query(`SELECT committed FROM naive_ledger WHERE id = 1`);
        return { committed: Number(committed), accepted: accepted.reduce((a, b) => a + b, 0) };
      } finally {
        await runner.release();
      }
    };
    const naive = await run();
    expect(naive.accepted).toBeGreaterThan(ENVELOPE); // over-committed
    expect(naive.committed).not.toBe(naive.accepted); // and the ledger no longer equals the sum of the awards
  });

  it('rescinding releases the money; a waitlisted proposal is promoted when money is released', async () => {
    const fund = await reviewFund(t);
    await t.dataSource.query(`UPDATE funds SET envelope_cents = 10000000 WHERE id = $1`, [fund.id]);
    expect((await ledger(fund.id)).envelopeCents).toBe(10_000_000);
    const big = await reviewed(fund.id, 8_000_000);
    const next = await reviewed(fund.id, 5_000_000);
    const recBig = await t
      .http()
      .post('/api/decisions')
      .set(bearer(officer))
      .send({ proposalId: big, kind: 'fund_full', rationale: 'First.' });
    await t.http().post(`/api/decisions/${recBig.body.id}/confirm`).set(bearer(approver)).send({});
    const wait = await t
      .http()
      .post('/api/decisions')
      .set(bearer(officer))
      .send({ proposalId: next, kind: 'waitlist', rationale: 'If money frees up.' });
    expect((await t.http().post(`/api/decisions/${wait.body.id}/confirm`).set(bearer(approver)).send({})).body.status).toBe(
      'confirmed',
    );
    expect(await ledger(fund.id)).toMatchObject({ committedCents: 8_000_000, remainingCents: 2_000_000, waitlisted: 1 });

    // Lowering the envelope below what is committed is refused by the database, as a 409.
    const lower = await t.dataSource
      .query(`UPDATE funds SET envelope_cents = 7000000 WHERE id = $1`, [fund.id])
      .catch((e: Error) => e);
    expect(String(lower)).toMatch(/fund_ledgers_committed_within_envelope/);

    const promoteEarly = await t
      .http()
      .post('/api/decisions')
      .set(bearer(officer))
      .send({ proposalId: next, kind: 'fund_full', rationale: 'Promoted.' });
    expect(promoteEarly.status).toBe(201);
    const tooMuch = await t.http().post(`/api/decisions/${promoteEarly.body.id}/confirm`).set(bearer(approver)).send({});
    expect(tooMuch.body).toMatchObject({ code: 'ENVELOPE_EXCEEDED', remainingCents: 2_000_000 });

    const rescinded = await t
      .http()
      .post(`/api/decisions/${recBig.body.id}/rescind`)
      .set(bearer(approver))
      .send({ reason: 'The partner withdrew.' });
    expect(rescinded.body.status).toBe('rescinded');
    expect(await ledger(fund.id)).toMatchObject({ committedCents: 0, remainingCents: 10_000_000 });
    expect((await t.dataSource.query(`SELECT status FROM proposals WHERE id = $1`, [big]))[0].status).toBe('declined');

    const promoted = await t.http().post(`/api/decisions/${promoteEarly.body.id}/confirm`).set(bearer(approver)).send({});
    expect(promoted.body.status).toBe('confirmed');
    expect(await ledger(fund.id)).toMatchObject({ committedCents: 5_000_000, waitlisted: 0, awards: 1 });
    const history = await t
      .http()
      .get('/api/decisions')
      .query({ filter: JSON.stringify({ proposalId: next }) })
      .set(bearer(officer));
    expect(history.body.map((d: { kind: string; status: string }) => `${d.kind}:${d.status}`).sort()).toEqual([
      'fund_full:confirmed',
      'waitlist:superseded',
    ]);
  });

  it('the demo: confirmed awards, a partial one with conditions, a waitlist and a pending recommendation on the 2021 fund', async () => {
    const [fund] = await t.dataSource.query(`SELECT id FROM funds WHERE code = 'MCF-2021'`);
    const l = await ledger(fund.id);
    // Two awards from the first round of decisions, two more funded for the projects' demo (libs/demo/demo-projects.ts).
    expect(l).toMatchObject({ envelopeCents: ENVELOPE, awards: 4, waitlisted: 1 });
    expect(l.committedCents).toBeGreaterThan(0);
    expect(l.recommendedCents).toBeGreaterThan(0);
    const decisions = (
      await t
        .http()
        .get('/api/decisions')
        .query({ filter: JSON.stringify({ fundId: fund.id }) })
        .set(bearer(officer))
    ).body;
    expect(decisions.map((d: { kind: string; status: string }) => `${d.kind}:${d.status}`).sort()).toEqual([
      'fund_full:confirmed',
      'fund_full:confirmed',
      'fund_full:confirmed',
      'fund_full:recommended',
      'fund_partial:confirmed',
      'waitlist:confirmed',
    ]);
    const confirmed = decisions.filter(
      (d: { status: string; kind: string }) => d.status === 'confirmed' && d.kind !== 'waitlist',
    );
    expect(confirmed.reduce((a: number, d: { amountCents: number }) => a + d.amountCents, 0)).toBe(l.committedCents);
    expect(decisions.find((d: { kind: string }) => d.kind === 'fund_partial').conditions).not.toBe('');
  });
});
