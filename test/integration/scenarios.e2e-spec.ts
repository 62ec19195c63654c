import { ScenarioComputeProcessor } from '@cf/awards';
import { eligibleProposal, fullReview, newReviewer, reviewFund } from '../support/review-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('awards: what-if scenarios (optimizer, comparison, one-step recommendations)', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.token('officer@example.org');
    approver = await t.token('approver@example.org');
  });
  afterAll(() => t.stop());

  /**
   * A fund with $600,000 left and four scored proposals: A (score 9, $500k), B (8, $300k), C (7, $300k), D (4, $100k).
   * Down the ranking: A, then B no longer fits (stop). The optimum: B + C.
   */
  async function scoredFund() {
    const fund = await reviewFund(t);
    await t.dataSource.query(`UPDATE funds SET envelope_cents = 60000000 WHERE id = $1`, [fund.id]);
    const reviewer = await newReviewer(t);
    const plan: [string, number, number][] = [
      ['A', 9, 50_000_000],
      ['B', 8, 30_000_000],
      ['C', 7, 30_000_000],
      ['D', 4, 10_000_000],
    ];
    const ids: Record<string, string> = {};
    for (const [name, score, cents] of plan) {
      const p = await eligibleProposal(t, fund.id, { title: `Scenario ${name}` });
      ids[name] = p.id;
      const a = await t.http().post('/api/assignments').set(bearer(officer)).send({ proposalId: p.id, reviewerId: reviewer.id });
      expect(a.status).toBe(201);
      expect(
        (await t.http().put(`/api/assignments/${a.body.id}/review`).set(bearer(reviewer.token)).send(fullReview(score))).status,
      ).toBe(200);
      expect((await t.http().post(`/api/assignments/${a.body.id}/review/submit`).set(bearer(reviewer.token))).status).toBe(200);
      await t.dataSource.query(`UPDATE proposals SET status = 'reviewed', requested_cents = $2 WHERE id = $1`, [p.id, cents]);
    }
    return { fund, ids };
  }

  const create = (body: object, token = officer) => t.http().post('/api/scenarios').set(bearer(token)).send(body);

  async function solved(id: string) {
    for (let i = 0; i < 200; i++) {
      const res = await t.http().get(`/api/scenarios/${id}`).set(bearer(officer));
      expect(res.status).toBe(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`scenario ${id} not solved`);
  }

  it('solves named scenarios in the background, beats the ranking order, and compares them side by side', async () => {
    const { fund, ids } = await scoredFund();
    const optimal = await create({ fundId: fund.id, name: 'Best portfolio', params: {} });
    expect(optimal.status).toBe(201);
    expect(optimal.body).toMatchObject({ status: 'queued', envelopeCents: 60_000_000, committedCents: 0, outcome: null });
    const greedy = await create({ fundId: fund.id, name: 'Ranking order', params: { method: 'greedy' } });
    expect(greedy.status).toBe(201);

    const best = await solved(optimal.body.id);
    expect(best.outcome).toMatchObject({
      status: 'optimal',
      gap: 0,
      candidates: 4,
      count: 2,
      totalCents: 60_000_000,
      violations: [],
    });
    expect(best.outcome.selected.map((s: { proposalId: string }) => s.proposalId)).toEqual([ids.B, ids.C]);
    const order = await solved(greedy.body.id);
    expect(order.outcome.selected.map((s: { proposalId: string }) => s.proposalId)).toEqual([ids.A]);
    expect(best.outcome.totalMerit).toBeGreaterThan(order.outcome.totalMerit);
    expect(best.outcome.greedy.totalMerit).toBeCloseTo(order.outcome.totalMerit, 6);

    const cmp = await t
      .http()
      .get('/api/scenarios/compare')
      .query({ ids: `${best.id},${order.id}` })
      .set(bearer(approver));
    expect(cmp.status).toBe(200);
    expect(cmp.body.baseId).toBe(best.id);
    const [base, other] = cmp.body.scenarios;
    expect(base).toMatchObject({ name: 'Best portfolio', envelopeUsedCents: 60_000_000, byRegion: { central: { count: 2 } } });
    expect(other.movedIn.map((m: { proposalId: string }) => m.proposalId)).toEqual([ids.A]);
    expect(other.movedOut.map((m: { proposalId: string }) => m.proposalId)).toEqual([ids.B, ids.C]);
    expect(other).toMatchObject({ envelopeUsedCents: 50_000_000, count: 1 });

    // listed per fund for react-admin
    const list = await t
      .http()
      .get('/api/scenarios')
      .query({ filter: JSON.stringify({ fundId: fund.id }) })
      .set(bearer(officer));
    expect(list.headers['content-range']).toBe('scenarios 0-1/2');

    // the job is idempotent: running it again for the same version changes nothing
    const before = (await t.dataSource.query(`SELECT outcome, computed_at FROM award_scenarios WHERE id = $1`, [best.id]))[0];
    await t.app.get(ScenarioComputeProcessor).handle({ scenarioId: best.id, version: 1 });
    expect((await t.dataSource.query(`SELECT outcome, computed_at FROM award_scenarios WHERE id = $1`, [best.id]))[0]).toEqual(
      before,
    );
  });

  it('weights, cut-line, partial funding and constraints change the outcome; impossible ones are explained', async () => {
    const { fund, ids } = await scoredFund();
    const cut = await solved((await create({ fundId: fund.id, name: 'Cut at 75', params: { cutLine: 75 } })).body.id);
    expect(cut.outcome.candidates).toBe(2); // A (90) and B (80) on a 0-10 scale; C (70) and D (40) are cut
    expect(cut.outcome.selected.map((s: { proposalId: string }) => s.proposalId)).toEqual([ids.A]);

    const partial = await solved(
      (await create({ fundId: fund.id, name: 'Half allowed', params: { partial: { minPercent: 50, step: 50 } } })).body.id,
    );
    expect(partial.outcome.status).toBe('optimal');
    expect(partial.outcome.totalMerit).toBeGreaterThanOrEqual(cut.outcome.totalMerit);
    expect(partial.outcome.totalCents).toBeLessThanOrEqual(60_000_000);

    const cap = await solved(
      (await create({ fundId: fund.id, name: 'Target 1000', params: { targetMicroCredentials: 1000 } })).body.id,
    );
    expect(cap.outcome).toMatchObject({ status: 'infeasible', count: 0 });
    expect(cap.outcome.message).toMatch(/micro-credentials/);

    const reweighted = await solved(
      (await create({ fundId: fund.id, name: 'Reweighted', params: { criterionWeights: { employer_responsive: 50 } } })).body.id,
    );
    expect(reweighted.params.criterionWeights).toEqual({ employer_responsive: 50 });
    expect(reweighted.outcome.status).toBe('optimal');
  });

  it('names the field and the reason for bad parameters; 409 for a name taken; officers only write', async () => {
    const fund = await reviewFund(t);
    const bad = async (params: object, field: string) => {
      const res = await create({ fundId: fund.id, name: `Bad ${field}`, params });
      expect({ status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        status: 400,
        fields: [field],
      });
    };
    await bad({ criterionWeights: { nope: 1 } }, 'params.criterionWeights.nope');
    await bad({ minShareByRegion: { atlantis: 0.2 } }, 'params.minShareByRegion');
    await bad({ minShareByRegion: { northern: 1.5 } }, 'params.minShareByRegion');
    await bad({ minShareByRegion: { northern: 0.6, toronto: 0.6 } }, 'params.minShareByRegion');
    await bad({ cutLine: 'high' }, 'params.cutLine');
    await bad({ partial: { minPercent: 0, step: 10 } }, 'params.partial.minPercent');
    await bad({ objective: 'luck' }, 'params.objective');
    await bad({ maxPerInstitutionCents: 1.5 }, 'params.maxPerInstitutionCents');
    expect((await create({ fundId: '00000000-0000-4000-8000-000000000000', name: 'X', params: {} })).body.errors).toEqual([
      { field: 'fundId', reason: 'is not a fund' },
    ]);
    expect((await create({ fundId: fund.id, name: 'Once', params: {} })).status).toBe(201);
    const dup = await create({ fundId: fund.id, name: ' once ', params: {} });
    expect({ status: dup.status, code: dup.body.code }).toEqual({ status: 409, code: 'SCENARIO_NAME_TAKEN' });
    expect((await create({ fundId: fund.id, name: 'Approver', params: {} }, approver)).status).toBe(403);
    const applicant = await t.token('applicant@example.org');
    expect((await t.http().get('/api/scenarios').set(bearer(applicant))).status).toBe(403);
    expect((await t.http().get('/api/scenarios/compare').query({ ids: 'x' }).set(bearer(officer))).body.errors[0].field).toBe(
      'ids.0',
    );
  });

  it('turns a scenario into recommendations in one step; another person confirms them within the envelope', async () => {
    const { fund, ids } = await scoredFund();
    const best = await solved((await create({ fundId: fund.id, name: 'Apply me', params: {} })).body.id);
    // meanwhile, C got its own recommendation: it is skipped, B is recommended
    const c = await t
      .http()
      .post('/api/decisions')
      .set(bearer(officer))
      .send({ proposalId: ids.C, kind: 'waitlist', rationale: 'Hold.' });
    expect(c.status).toBe(201);

    const res = await t
      .http()
      .post(`/api/scenarios/${best.id}/apply`)
      .set(bearer(officer))
      .send({ rationale: 'Best merit within the envelope.' });
    expect(res.status).toBe(200);
    expect(res.body.recommended).toHaveLength(1);
    expect(res.body.skipped).toEqual([{ proposalId: ids.C, reason: 'already has a recommended waitlist decision' }]);
    const decision = (await t.http().get(`/api/decisions/${res.body.recommended[0]}`).set(bearer(officer))).body;
    expect(decision).toMatchObject({
      proposalId: ids.B,
      kind: 'fund_full',
      status: 'recommended',
      amountCents: 30_000_000,
      rationale: 'Best merit within the envelope. (scenario “Apply me”)',
    });
    // applying again makes nothing twice
    const again = await t.http().post(`/api/scenarios/${best.id}/apply`).set(bearer(officer)).send({ rationale: 'Again.' });
    expect(again.body.recommended).toEqual([]);
    expect(again.body.skipped).toHaveLength(2);
    const trail = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [best.id]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['scenario.create', 'scenario.apply', 'scenario.apply']);

    // the approver confirms; a recompute sees the money committed and B no longer a candidate
    expect((await t.http().post(`/api/decisions/${decision.id}/confirm`).set(bearer(approver)).send({})).status).toBe(200);
    const recomputed = await t.http().post(`/api/scenarios/${best.id}/recompute`).set(bearer(officer));
    expect(recomputed.body).toMatchObject({ status: 'queued', version: 2, committedCents: 30_000_000 });
    const after = await solved(best.id);
    expect(after.outcome.selected.map((s: { proposalId: string }) => s.proposalId)).not.toContain(ids.B);
    expect(after.outcome.totalCents).toBeLessThanOrEqual(30_000_000);
    // an unsolvable scenario cannot be applied
    const impossible = await solved(
      (await create({ fundId: fund.id, name: 'Impossible', params: { targetMicroCredentials: 99 } })).body.id,
    );
    const refused = await t.http().post(`/api/scenarios/${impossible.id}/apply`).set(bearer(officer)).send({ rationale: 'No.' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SCENARIO_NOT_SOLVED' });
  });
});
