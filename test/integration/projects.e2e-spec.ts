import { Clock } from '@cf/platform';
import { ProjectsService, ReportReminderService } from '@cf/projects';
import { randomUUID } from 'node:crypto';
import { PDF } from '../support/proposal-fixtures';
import { eligibleProposal, reviewFund } from '../support/review-fixtures';
import { apiRoutes, concrete } from '../support/routes';
import { call, startTestApp, TestApp } from '../support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('funded projects (issue 6)', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let approver: string;
  let applicant: string; // George Brown College
  let otherApplicant: string; // Collège Boréal
  let gbc: string;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '40' });
    clock = t.app.get(Clock);
    officer = await t.token('officer@example.org');
    approver = await t.token('approver@example.org');
    applicant = await t.token('applicant@example.org');
    otherApplicant = await t.token('applicant2@example.org');
    gbc = (await t.dataSource.query(`SELECT id FROM institutions WHERE name = 'George Brown College'`))[0].id;
  }, 60_000);
  afterEach(() => clock.setForTesting(null));
  afterAll(() => t.stop());

  /** A reviewed proposal of George Brown College on a fund of its own, recommended and confirmed: its project. */
  async function awarded(opts: { requestedCents?: number; amountCents?: number } = {}) {
    const requested = opts.requestedCents ?? 30_000_000;
    const fund = await reviewFund(t);
    const p = await eligibleProposal(t, fund.id);
    await t.dataSource.query(
      `UPDATE proposals SET status = 'reviewed', requested_cents = $2, institution_id = $3 WHERE id = $1`,
      [p.id, requested, gbc],
    );
    const partial = opts.amountCents !== undefined && opts.amountCents < requested;
    const rec = await t
      .http()
      .post('/api/decisions')
      .set(bearer(officer))
      .send({
        proposalId: p.id,
        kind: partial ? 'fund_partial' : 'fund_full',
        amountCents: partial ? opts.amountCents : undefined,
        rationale: 'Strong employer partnerships.',
      });
    expect(rec.status).toBe(201);
    const ok = await t.http().post(`/api/decisions/${rec.body.id}/confirm`).set(bearer(approver)).send({});
    expect(ok.status).toBe(200);
    const list = await t
      .http()
      .get(`/api/projects?filter=${encodeURIComponent(JSON.stringify({ fundId: fund.id }))}`)
      .set(bearer(officer));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    return { fund, proposalId: p.id, decisionId: rec.body.id as string, project: list.body[0] };
  }

  const get = (path: string, token = officer) => t.http().get(`/api/projects/${path}`).set(bearer(token));
  const post = (path: string, body: object = {}, token = officer) =>
    t.http().post(`/api/projects/${path}`).set(bearer(token)).send(body);

  /** Agreement sent, signed copy uploaded by the institution, signature recorded: the project is active. */
  async function sign(projectId: string, signedOn?: string) {
    if ((await get(projectId)).body.agreement.status === 'draft') {
      expect((await post(`${projectId}/agreement/send`)).status).toBe(200);
    }
    const up = await t
      .http()
      .post(`/api/projects/${projectId}/agreement/document`)
      .set(bearer(applicant))
      .attach('file', PDF, 'agreement-signed.pdf');
    expect(up.status).toBe(200);
    const signed = await post(`${projectId}/agreement/sign`, { signedOn: signedOn ?? (await get(projectId)).body.startOn });
    expect(signed.status).toBe(200);
    return signed.body;
  }

  const ledger = async (fundId: string) =>
    (await t.dataSource.query(`SELECT committed_cents, disbursed_cents FROM fund_ledgers WHERE fund_id = $1`, [fundId]))[0];

  describe('a confirmed award becomes a project', () => {
    it('in the confirmation: the awarded amount, the default schedule, tranches summing exactly to the award', async () => {
      const { project, decisionId, proposalId } = await awarded({ requestedCents: 30_000_000, amountCents: 25_000_001 });
      expect(project).toMatchObject({
        awardDecisionId: decisionId,
        proposalId,
        institutionId: gbc,
        institutionName: 'George Brown College',
        institutionType: 'public_college',
        region: 'toronto',
        status: 'agreement_pending',
        awardCents: 25_000_001, // a partial award's project gets what was awarded
        disbursedCents: 0,
        remainingCents: 25_000_001,
        agreement: { status: 'draft', document: null },
        milestonesTotal: 4,
        milestonesAccepted: 0,
        atRisk: false,
      });
      const tranches = (await get(`${project.id}/tranches`)).body;
      expect(tranches.map((x: { basisPoints: number }) => x.basisPoints)).toEqual([5000, 4000, 1000]);
      expect(tranches.map((x: { amountCents: number }) => x.amountCents)).toEqual([12_500_001, 10_000_000, 2_500_000]);
      expect(tranches.reduce((a: number, x: { amountCents: number }) => a + x.amountCents, 0)).toBe(25_000_001);
      const milestones = (await get(`${project.id}/milestones`)).body;
      expect(milestones.map((m: { kind: string }) => m.kind)).toEqual([
        'agreement_signed',
        'micro_credential_launched',
        'enrolment_open',
        'final_report',
      ]);
      expect(
        tranches.map((x: { milestoneId: string }) => milestones.findIndex((m: { id: string }) => m.id === x.milestoneId)),
      ).toEqual([0, 1, 3]);
      const reports = (await get(`${project.id}/reports`)).body;
      expect(reports.map((r: { kind: string; status: string }) => [r.kind, r.status])).toEqual([
        ['interim', 'not_started'],
        ['interim', 'not_started'],
        ['final', 'not_started'],
      ]);
      const trail = await t.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [project.id]);
      expect(trail.map((r: { action: string }) => r.action)).toEqual(['project.create']);

      // Idempotent: the same confirmation again makes nothing new.
      const [d] = await t.dataSource.query(`SELECT * FROM award_decisions WHERE id = $1`, [decisionId]);
      const again = await t.dataSource.transaction((m) =>
        t.app.get(ProjectsService).createFromAward(m, {
          decisionId,
          fundId: d.fund_id,
          proposalId,
          kind: d.kind,
          amountCents: Number(d.amount_cents),
          at: new Date(),
          actor: {
            id: d.decided_by,
            email: 'x@example.org',
            displayName: 'x',
            roles: ['approver'],
            institutionId: null,
            preferredLanguage: 'en',
          },
        }),
      );
      expect(again).toBeNull();
      expect(
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM projects WHERE award_decision_id = $1`, [decisionId]))[0].n,
      ).toBe(1);

      // The database keeps the tranches summing to the award.
      await expect(
        t.dataSource.query(
          `INSERT INTO project_tranches (project_id, position, milestone_id, basis_points, amount_cents) VALUES ($1, 9, $2, 0, 100)`,
          [project.id, milestones[2].id],
        ),
      ).rejects.toThrow(/project_tranches_sum_award/);
      await expect(
        t.dataSource.query(`UPDATE projects SET disbursed_cents = award_cents + 1 WHERE id = $1`, [project.id]),
      ).rejects.toThrow(/projects_disbursed_within_award/);
    });

    it('seeds the micro-credentials from the proposal as submitted (the demo awards)', async () => {
      const rows = await t.dataSource.query(
        `SELECT pr.id, jsonb_array_length(s.snapshot->'microCredentials') AS proposed,
                (SELECT count(*)::int FROM project_micro_credentials mc WHERE mc.project_id = pr.id) AS seeded
           FROM projects pr JOIN proposals p ON p.id = pr.proposal_id
           JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
           JOIN funds f ON f.id = pr.fund_id AND f.code = 'MCF-2021'`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.seeded).toBe(r.proposed);
      const mcs = (await get(`${rows[0].id}/micro-credentials`)).body;
      expect(mcs[0]).toMatchObject({
        osapStatus: expect.any(String),
        sector: expect.any(String),
        proposalItemId: expect.any(String),
      });
    });

    it('does not make a project for a waitlist decision', async () => {
      const fund = await reviewFund(t);
      const p = await eligibleProposal(t, fund.id);
      await t.dataSource.query(`UPDATE proposals SET status = 'reviewed', requested_cents = 1000000 WHERE id = $1`, [p.id]);
      const rec = await t
        .http()
        .post('/api/decisions')
        .set(bearer(officer))
        .send({ proposalId: p.id, kind: 'waitlist', rationale: 'Below the line.' });
      await t.http().post(`/api/decisions/${rec.body.id}/confirm`).set(bearer(approver)).send({});
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM projects WHERE proposal_id = $1`, [p.id]))[0].n).toBe(0);
    });
  });

  it('runs a project to completion: agreement, milestones, payments, reports, micro-credentials, close', async () => {
    const { project, fund } = await awarded({ requestedCents: 10_000_000 });
    const id = project.id;
    const before = await ledger(fund.id);

    // The agreement: sign only once sent and uploaded.
    expect((await post(`${id}/agreement/sign`, { signedOn: project.startOn })).body.code).toBe('AGREEMENT_DRAFT');
    expect((await post(`${id}/agreement/send`)).body.agreement.status).toBe('sent');
    expect((await post(`${id}/agreement/sign`, { signedOn: project.startOn })).body.code).toBe('AGREEMENT_DOCUMENT_MISSING');
    const notPdf = await t
      .http()
      .post(`/api/projects/${id}/agreement/document`)
      .set(bearer(applicant))
      .attach('file', Buffer.from('just text, not a PDF'), 'agreement.pdf');
    expect(notPdf.status).toBe(415);
    const signed = await sign(id);
    expect(signed).toMatchObject({ status: 'active', agreement: { status: 'signed', signedOn: project.startOn } });
    expect(signed.agreement.document).toMatchObject({ fileName: 'agreement-signed.pdf', contentType: 'application/pdf' });
    const doc = await get(`${id}/agreement/document`, applicant);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');

    let milestones = (await get(`${id}/milestones`)).body;
    expect(milestones[0]).toMatchObject({ kind: 'agreement_signed', status: 'accepted', automatic: true });
    let tranches = (await get(`${id}/tranches`)).body;
    expect(tranches.map((x: { releasable: boolean }) => x.releasable)).toEqual([true, false, false]);

    // Payment 1: the institution cannot release; the officer can, once.
    expect((await post(`${id}/tranches/${tranches[0].id}/release`, {}, applicant)).status).toBe(403);
    const paid = await post(`${id}/tranches/${tranches[0].id}/release`, { note: 'First instalment' });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ amountCents: 5_000_000, trancheId: tranches[0].id, note: 'First instalment' });
    const twice = await post(`${id}/tranches/${tranches[0].id}/release`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('TRANCHE_RELEASED');
    const early = await post(`${id}/tranches/${tranches[1].id}/release`);
    expect(early.body.code).toBe('MILESTONE_NOT_ACCEPTED');
    expect(await ledger(fund.id)).toEqual({ ...before, disbursed_cents: String(Number(before.disbursed_cents) + 5_000_000) });
    expect((await get(id)).body).toMatchObject({ disbursedCents: 5_000_000, remainingCents: 5_000_000 });

    // Micro-credentials: the institution launches one; the milestone needs it.
    const launched = milestones[1];
    expect((await post(`${id}/milestones/${launched.id}/deliver`, { note: 'Launched.' }, applicant)).body.code).toBe(
      'NO_LAUNCHED_MICRO_CREDENTIAL',
    );
    const mc = await post(
      `${id}/micro-credentials`,
      {
        title: 'Robotics Maintenance Essentials',
        sector: 'advanced_manufacturing',
        areaOfFocus: 'robotics',
        deliveryMode: 'hybrid',
        hours: 40,
        plannedLaunchOn: project.startOn,
        launchedOn: project.startOn,
        osapStatus: 'submitted',
        osapStatusOn: project.startOn,
        expectedEnrolment: 30,
        enrolled: 25,
        completed: 0,
        workIntegratedLearning: true,
        stackable: false,
      },
      applicant,
    );
    expect(mc.status).toBe(201);
    expect(mc.body).toMatchObject({
      launched: true,
      osapStatus: 'submitted',
      enrolled: 25,
      institutionName: 'George Brown College',
    });
    const approved = await t
      .http()
      .put(`/api/projects/${id}/micro-credentials/${mc.body.id}`)
      .set(bearer(applicant))
      .send({ ...mc.body, osapStatus: 'approved', enrolled: 28, completed: 20, version: mc.body.version });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ osapStatus: 'approved', enrolled: 28, completed: 20, version: 2 });
    const stale = await t
      .http()
      .put(`/api/projects/${id}/micro-credentials/${mc.body.id}`)
      .set(bearer(applicant))
      .send({ ...mc.body, version: 1 });
    expect(stale.body.code).toBe('STALE_VERSION');
    expect((await post(`${id}/micro-credentials`, { ...mc.body }, officer)).status).toBe(403); // officers read
    const catalogue = await t
      .http()
      .get(`/api/micro-credentials?filter=${encodeURIComponent(JSON.stringify({ projectId: id, osapStatus: 'approved' }))}`)
      .set(bearer(officer));
    expect(catalogue.body.map((x: { id: string }) => x.id)).toEqual([mc.body.id]);
    expect(catalogue.headers['content-range']).toBe('micro-credentials 0-0/1');

    // Milestone 2: delivered, returned with a comment, delivered again, accepted; then payment 2.
    const delivered = await post(
      `${id}/milestones/${launched.id}/deliver`,
      { note: 'Launched in January.', evidenceUrl: 'https://example.org/robotics' },
      applicant,
    );
    expect(delivered.body).toMatchObject({ status: 'delivered', deliveredByName: expect.any(String) });
    const returned = await post(`${id}/milestones/${launched.id}/return`, { comment: 'Add the enrolment page.' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: 'Add the enrolment page.' });
    await post(`${id}/milestones/${launched.id}/deliver`, { note: 'Enrolment page added.' }, applicant);
    expect((await post(`${id}/milestones/${launched.id}/accept`, { comment: 'Thank you.' })).body.status).toBe('accepted');
    expect((await post(`${id}/milestones/${launched.id}/accept`)).body.code).toBe('MILESTONE_ACCEPTED');
    expect((await post(`${id}/tranches/${tranches[1].id}/release`)).status).toBe(201);
    await post(`${id}/milestones/${milestones[2].id}/deliver`, { note: 'Enrolment open.' }, applicant);
    await post(`${id}/milestones/${milestones[2].id}/accept`);
    expect((await post(`${id}/milestones/${milestones[3].id}/deliver`, { note: 'x' }, applicant)).body.code).toBe(
      'MILESTONE_AUTOMATIC',
    );

    // Reports: draft, submit (checked), returned, resubmitted, accepted; the final report carries the last milestone.
    const reports = (await get(`${id}/reports`)).body;
    const put = (r: { id: string }, body: object) =>
      t.http().put(`/api/projects/${id}/reports/${r.id}`).set(bearer(applicant)).send(body);
    const draft = await put(reports[0], { version: 1, enrolments: 25, narrative: 'On track.' });
    expect(draft.body).toMatchObject({ status: 'draft', enrolments: 25, completions: null, version: 2 });
    const incomplete = await post(`${id}/reports/${reports[0].id}/submit`, { version: 2 }, applicant);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('REPORT_INCOMPLETE');
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'completions',
      'employedOrAdvanced',
      'employerPartners',
    ]);
    const full = await put(reports[0], {
      version: 2,
      completions: 10,
      employedOrAdvanced: 6,
      employerPartners: 3,
      spending: [
        { category: 'curriculum_development', amountCents: 2_000_000 },
        { category: 'learner_supports', amountCents: 500_000 },
      ],
    });
    expect(full.body).toMatchObject({ spendingTotalCents: 2_500_000, version: 3 });
    expect((await post(`${id}/reports/${reports[0].id}/submit`, { version: 3 }, applicant)).body.status).toBe('submitted');
    expect((await put(reports[0], { version: 4, enrolments: 1 })).body.code).toBe('REPORT_SUBMITTED');
    expect((await post(`${id}/reports/${reports[0].id}/return`, { comment: 'Split the spending by term.' })).body.status).toBe(
      'returned',
    );
    const resubmitted = await post(`${id}/reports/${reports[0].id}/submit`, { version: 5 }, applicant);
    expect(resubmitted.body.status).toBe('submitted');
    expect((await post(`${id}/reports/${reports[0].id}/accept`)).body).toMatchObject({
      status: 'accepted',
      reviewedByName: expect.any(String),
    });
    for (const r of reports.slice(1)) {
      await put(r, {
        version: 1,
        enrolments: 28,
        completions: 20,
        employedOrAdvanced: 15,
        employerPartners: 4,
        spending: [{ category: 'technology', amountCents: 1_000_000 }],
      });
      expect((await post(`${id}/reports/${r.id}/submit`, { version: 2 }, applicant)).body.status).toBe('submitted');
    }
    milestones = (await get(`${id}/milestones`)).body;
    expect(milestones[3].status).toBe('delivered'); // the final report is in
    expect((await post(`${id}/close`)).body.code).toBe('PROJECT_NOT_CLOSABLE');
    for (const r of reports.slice(1)) await post(`${id}/reports/${r.id}/accept`);
    milestones = (await get(`${id}/milestones`)).body;
    expect(milestones.map((m: { status: string }) => m.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    tranches = (await get(`${id}/tranches`)).body;
    expect((await post(`${id}/tranches/${tranches[2].id}/release`)).status).toBe(201);
    const closed = await post(`${id}/close`, { note: 'All delivered.' });
    expect(closed.body).toMatchObject({ status: 'closed', disbursedCents: 10_000_000, remainingCents: 0, milestonesAccepted: 4 });
    expect(await ledger(fund.id)).toEqual({ ...before, disbursed_cents: String(Number(before.disbursed_cents) + 10_000_000) });
    const payments = (await get(`${id}/payments`)).body;
    expect(payments.map((p: { amountCents: number }) => p.amountCents)).toEqual([5_000_000, 4_000_000, 1_000_000]);
    await expect(t.dataSource.query(`DELETE FROM project_payments WHERE project_id = $1`, [id])).rejects.toThrow(/append-only/);

    const actions = await t.dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_id = $1 OR changes->>'projectId' = $1::text GROUP BY action ORDER BY action`,
      [id],
    );
    expect(Object.fromEntries(actions.map((a: { action: string; n: number }) => [a.action, a.n]))).toMatchObject({
      'project.create': 1,
      'project.agreement_send': 1,
      'project.agreement_upload': 1,
      'project.agreement_sign': 1,
      'project.payment_release': 3,
      'project.milestone_deliver': 4, // twice the launch, the enrolment, the final report (automatic)
      'project.milestone_return': 1,
      'project.report_submit': 4,
      'project.report_return': 1,
      'project.micro_credential_create': 1,
      'project.micro_credential_update': 1,
      'project.close': 1,
    });
  });

  it('concurrent tranche releases never take disbursed above the award, round after round', async () => {
    for (let round = 0; round < 10; round++) {
      const { project, fund } = await awarded({ requestedCents: 9_000_000 + round * 1_234_567 });
      const id = project.id;
      await sign(id);
      // Every milestone accepted, so every tranche may be released at once.
      await t.dataSource.query(`UPDATE project_milestones SET status = 'accepted', reviewed_at = now() WHERE project_id = $1`, [
        id,
      ]);
      // Extra tranches beyond the award, written around the database's own guard (as a bug might): 3 × 40 % more.
      const milestone = (await get(`${id}/milestones`)).body[2].id;
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query(`SET session_replication_role = replica`);
        for (let i = 0; i < 3; i++) {
          await runner.query(
            `INSERT INTO project_tranches (project_id, position, milestone_id, basis_points, amount_cents) VALUES ($1, $2, $3, 4000, $4)`,
            [id, 10 + i, milestone, Math.round(project.awardCents * 0.4)],
          );
        }
      } finally {
        await runner.query(`SET session_replication_role = origin`);
        await runner.release();
      }
      const tranches = (await get(`${id}/tranches`)).body as { id: string; amountCents: number }[];
      expect(tranches).toHaveLength(6);
      expect(tranches.reduce((a, x) => a + x.amountCents, 0)).toBeGreaterThan(project.awardCents);
      const before = await ledger(fund.id);
      // 36 parallel releases: each of the 6 tranches 6 times.
      const attempts = tranches.flatMap((x) => Array.from({ length: 6 }, () => x.id));
      const results = await Promise.all(attempts.map((tid) => post(`${id}/tranches/${tid}/release`)));
      const paid = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status !== 201);
      for (const r of refused) {
        expect(r.status).toBe(409);
        expect(['TRANCHE_RELEASED', 'AWARD_EXCEEDED']).toContain(r.body.code);
      }
      // Each tranche paid at most once.
      expect(new Set(paid.map((r) => r.body.trancheId)).size).toBe(paid.length);
      const [p] = await t.dataSource.query(`SELECT award_cents, disbursed_cents FROM projects WHERE id = $1`, [id]);
      const [{ sum, n }] = await t.dataSource.query(
        `SELECT coalesce(sum(amount_cents), 0)::bigint AS sum, count(*)::int AS n FROM project_payments WHERE project_id = $1`,
        [id],
      );
      expect(Number(p.disbursed_cents)).toBeLessThanOrEqual(Number(p.award_cents));
      expect(Number(p.disbursed_cents)).toBe(Number(sum));
      expect(n).toBe(paid.length);
      expect(paid.reduce((a, r) => a + r.body.amountCents, 0)).toBe(Number(sum));
      const released = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM project_tranches WHERE project_id = $1 AND status = 'released'`,
        [id],
      );
      expect(released[0].n).toBe(paid.length);
      const after = await ledger(fund.id);
      expect(Number(after.disbursed_cents) - Number(before.disbursed_cents)).toBe(Number(sum));
      expect(Number(after.disbursed_cents)).toBeLessThanOrEqual(Number(after.committed_cents));
      const [{ fundPaid }] = await t.dataSource.query(
        `SELECT coalesce(sum(amount_cents), 0)::bigint AS "fundPaid" FROM project_payments WHERE fund_id = $1`,
        [fund.id],
      );
      expect(Number(after.disbursed_cents)).toBe(Number(fundPaid));
      // Something was refused for exceeding the award: the extra tranches could not all fit.
      expect(refused.some((r) => r.body.code === 'AWARD_EXCEEDED') || Number(sum) === Number(p.award_cents)).toBe(true);
    }
  }, 240_000);

  it('refuses to rescind an award once money was paid; before that, the project is cancelled', async () => {
    const paid = await awarded({ requestedCents: 8_000_000 });
    await sign(paid.project.id);
    const tranche = (await get(`${paid.project.id}/tranches`)).body[0];
    expect((await post(`${paid.project.id}/tranches/${tranche.id}/release`)).status).toBe(201);
    const before = await ledger(paid.fund.id);
    const refused = await t
      .http()
      .post(`/api/decisions/${paid.decisionId}/rescind`)
      .set(bearer(approver))
      .send({ reason: 'Partner left.' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'PROJECT_DISBURSED', disbursedCents: 4_000_000 });
    expect(await ledger(paid.fund.id)).toEqual(before);
    expect((await t.dataSource.query(`SELECT status FROM award_decisions WHERE id = $1`, [paid.decisionId]))[0].status).toBe(
      'confirmed',
    );
    expect((await get(paid.project.id)).body.status).toBe('active');

    const unpaid = await awarded({ requestedCents: 6_000_000 });
    const ok = await t
      .http()
      .post(`/api/decisions/${unpaid.decisionId}/rescind`)
      .set(bearer(approver))
      .send({ reason: 'Partner left.' });
    expect(ok.status).toBe(200);
    const cancelled = (await get(unpaid.project.id)).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Partner left.', atRisk: false });
    expect((await post(`${unpaid.project.id}/agreement/send`)).body.code).toBe('PROJECT_CANCELLED');
    expect(await ledger(unpaid.fund.id)).toMatchObject({ committed_cents: '0' });
  });

  describe('overdue detection by the injected clock', () => {
    it('moves with the clock across the due date, in Toronto time, and across a DST change', async () => {
      // Confirmed on 2026-01-05 (Toronto): the agreement is due 30 days later, on 2026-02-04.
      clock.setForTesting(new Date('2026-01-05T15:00:00Z'));
      const { project } = await awarded();
      expect(project.startOn).toBe('2026-01-05');
      const agreement = () => get(`${project.id}/milestones`).then((r) => r.body[0]);
      const atRisk = async () =>
        (
          await t
            .http()
            .get(`/api/projects?filter=${encodeURIComponent(JSON.stringify({ atRisk: true, fundId: project.fundId }))}`)
            .set(bearer(officer))
        ).body.length === 1;
      expect((await agreement()).dueOn).toBe('2026-02-04');

      clock.setForTesting(new Date('2026-02-05T04:59:59.999Z')); // 23:59:59.999 EST on the due date
      expect(await agreement()).toMatchObject({ overdue: false, daysOverdue: 0 });
      expect(await atRisk()).toBe(false);
      clock.setForTesting(new Date('2026-02-05T05:00:00.000Z')); // midnight in Toronto
      expect(await agreement()).toMatchObject({ overdue: true, daysOverdue: 1 });
      expect(await atRisk()).toBe(true);
      expect((await get(project.id)).body).toMatchObject({ overdueMilestones: 1, overdueReports: 0, atRisk: true });

      // A report due on the day clocks spring forward (2026-03-08): that day ends at 04:00Z (EDT), not 05:00Z.
      const report = (await get(`${project.id}/reports`)).body[0];
      const moved = await post(`${project.id}/reports/${report.id}/reschedule`, {
        dueOn: '2026-03-08',
        reason: 'Amended agreement.',
      });
      expect(moved.body.dueOn).toBe('2026-03-08');
      const reportNow = () => get(`${project.id}/reports/${report.id}`).then((r) => r.body);
      clock.setForTesting(new Date('2026-03-09T03:59:59Z'));
      expect((await reportNow()).overdue).toBe(false);
      clock.setForTesting(new Date('2026-03-09T04:00:00Z'));
      expect((await reportNow()).overdue).toBe(true);
      const overdueList = await t
        .http()
        .get(`/api/project-reports?filter=${encodeURIComponent(JSON.stringify({ projectId: project.id, overdue: true }))}`)
        .set(bearer(officer));
      expect(overdueList.body.map((r: { id: string }) => r.id)).toEqual([report.id]);

      // And back before it: not overdue again (the flag is computed, never stored).
      clock.setForTesting(new Date('2026-03-01T12:00:00Z'));
      expect((await reportNow()).overdue).toBe(false);
      // A submitted report is not overdue, even late.
      clock.setForTesting(new Date('2026-04-01T12:00:00Z'));
      const filled = await t
        .http()
        .put(`/api/projects/${project.id}/reports/${report.id}`)
        .set(bearer(applicant))
        .send({ version: report.version + 1, enrolments: 1, completions: 0, employedOrAdvanced: 0, employerPartners: 1 });
      expect(filled.status).toBe(200);
      await post(`${project.id}/reports/${report.id}/submit`, { version: filled.body.version }, applicant);
      expect((await reportNow()).overdue).toBe(false);
    });

    it('reminds the institution before a report is due and notices it once overdue, once each, by the outbox', async () => {
      clock.setForTesting(new Date('2026-01-05T15:00:00Z'));
      const { project } = await awarded();
      const report = (await get(`${project.id}/reports`)).body[0]; // due 2026-07-05
      expect(report.dueOn).toBe('2026-07-05');
      const sweeper = t.app.get(ReportReminderService);
      const mails = async () =>
        t.dataSource.query(
          `SELECT payload->>'template' AS template, payload->>'to' AS "to", payload->'data'->>'reportTitle' AS title, payload->>'language' AS language
             FROM outbox WHERE dedupe_key LIKE $1 ORDER BY created_at, payload->>'to'`,
          [`%:${report.id}:%`],
        );
      clock.setForTesting(new Date('2026-06-20T12:00:00Z')); // 15 days before
      await sweeper.sweep();
      expect(await mails()).toEqual([]);
      clock.setForTesting(new Date('2026-06-21T12:00:00Z')); // 14 days before
      await sweeper.sweep();
      await sweeper.sweep();
      expect(await mails()).toEqual([
        { template: 'project_report_reminder', to: 'applicant@example.org', title: 'Interim report 1', language: 'en' },
      ]);
      clock.setForTesting(new Date('2026-07-06T03:59:00Z')); // 23:59 EDT on the due date: not overdue yet
      await sweeper.sweep();
      expect(await mails()).toHaveLength(1);
      clock.setForTesting(new Date('2026-07-06T04:00:00Z'));
      await sweeper.sweep();
      await sweeper.sweep();
      expect((await mails()).map((m: { template: string }) => m.template)).toEqual([
        'project_report_reminder',
        'project_report_overdue',
      ]);
      expect((await get(`${project.id}/reports/${report.id}`)).body).toMatchObject({
        overdue: true,
        remindedAt: expect.any(String),
      });
    });
  });

  it('the demo: four funded projects on the 2021 fund at different stages', async () => {
    const [fund] = await t.dataSource.query(`SELECT id FROM funds WHERE code = 'MCF-2021'`);
    const list = await t
      .http()
      .get(
        `/api/projects?filter=${encodeURIComponent(JSON.stringify({ fundId: fund.id }))}&sort=${encodeURIComponent('["endOn","ASC"]')}`,
      )
      .set(bearer(officer));
    expect(list.body).toHaveLength(4);
    const by = Object.fromEntries(list.body.map((p: { institutionName: string }) => [p.institutionName, p]));
    // Just signed: active, nothing paid, the first tranche releasable.
    expect(by['Fanshawe College']).toMatchObject({
      status: 'active',
      disbursedCents: 0,
      agreement: { status: 'signed' },
      atRisk: false,
    });
    expect((await get(`${by['Fanshawe College'].id}/tranches`)).body[0].releasable).toBe(true);
    // First tranche paid; a micro-credential launched, OSAP-approved, with enrolments.
    const first = by['Algonquin College'];
    expect((await get(`${first.id}/payments`)).body).toHaveLength(1);
    expect((await get(`${first.id}/micro-credentials`)).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ launched: true, osapStatus: 'approved', enrolled: 34 })]),
    );
    // An interim report submitted, awaiting review, and one overdue.
    const reporting = by['Collège Boréal'];
    expect(reporting).toMatchObject({ atRisk: true, overdueReports: 1 });
    const reports = (await get(`${reporting.id}/reports`)).body;
    expect(reports.map((r: { status: string; overdue: boolean }) => [r.status, r.overdue])).toEqual([
      ['submitted', false],
      ['not_started', true],
      ['not_started', false],
    ]);
    // Near completion: everything accepted and paid but the final report (a draft) and the last tranche.
    const near = by['George Brown College'];
    expect(near).toMatchObject({
      milestonesAccepted: 3,
      milestonesTotal: 4,
      remainingCents: near.awardCents - near.disbursedCents,
    });
    expect((await get(`${near.id}/reports`, applicant)).body.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'draft',
    ]);
    expect((await get(`${near.id}/tranches`)).body.map((x: { status: string }) => x.status)).toEqual([
      'released',
      'released',
      'scheduled',
    ]);
    // Money: the fund's ledger equals the payments.
    const [l] = await t.dataSource.query(`SELECT disbursed_cents FROM fund_ledgers WHERE fund_id = $1`, [fund.id]);
    const [{ paid }] = await t.dataSource.query(
      `SELECT sum(amount_cents)::bigint AS paid FROM project_payments WHERE fund_id = $1`,
      [fund.id],
    );
    expect(l.disbursed_cents).toBe(paid);
  });

  describe('access', () => {
    it('answers 404 to an applicant of another institution on every project route, and leaves it out of lists', async () => {
      const { project, fund } = await awarded();
      const id = project.id;
      const ids = {
        id,
        milestoneId: (await get(`${id}/milestones`)).body[1].id,
        trancheId: (await get(`${id}/tranches`)).body[0].id,
        reportId: (await get(`${id}/reports`)).body[0].id,
        microCredentialId: (
          await post(
            `${id}/micro-credentials`,
            {
              title: 'Welding Inspection',
              sector: 'construction_trades',
              areaOfFocus: 'welding',
              deliveryMode: 'in_person',
              hours: 30,
              osapStatus: 'not_submitted',
              expectedEnrolment: 20,
              enrolled: 0,
              completed: 0,
              workIntegratedLearning: false,
              stackable: false,
            },
            applicant,
          )
        ).body.id,
      };
      const validBodies: Record<string, object> = {
        'POST /api/projects/:id/milestones/:milestoneId/deliver': { note: 'Delivered.' },
        'PUT /api/projects/:id/reports/:reportId': { version: 1 },
        'POST /api/projects/:id/reports/:reportId/submit': { version: 1 },
        'POST /api/projects/:id/micro-credentials': {
          title: 'X',
          sector: 'other',
          areaOfFocus: '',
          deliveryMode: 'online',
          hours: 1,
          osapStatus: 'not_submitted',
          expectedEnrolment: 0,
          enrolled: 0,
          completed: 0,
          workIntegratedLearning: false,
          stackable: false,
        },
        'PUT /api/projects/:id/micro-credentials/:microCredentialId': {
          title: 'X',
          sector: 'other',
          areaOfFocus: '',
          deliveryMode: 'online',
          hours: 1,
          osapStatus: 'not_submitted',
          expectedEnrolment: 0,
          enrolled: 0,
          completed: 0,
          workIntegratedLearning: false,
          stackable: false,
          version: 1,
        },
      };
      const routes = apiRoutes(t.app).filter((r) => r.path.startsWith('/api/projects/:id'));
      expect(routes.length).toBeGreaterThanOrEqual(20);
      const seen: Record<string, number> = {};
      for (const r of routes) {
        const key = `${r.method} ${r.path}`;
        const send = async (projectId: string) => {
          let req = call(t, r.method, concrete(r.path, { ...ids, id: projectId })).set(bearer(otherApplicant));
          if (r.path.endsWith('/agreement/document') && r.method === 'POST') req = req.attach('file', PDF, 'a.pdf');
          else if (r.method !== 'GET')
            req = req.send(
              validBodies[key] ?? {
                note: 'x',
                comment: 'x',
                signedOn: '2026-01-01',
                dueOn: '2026-01-01',
                reason: 'x',
                version: 1,
              },
            );
          return req;
        };
        const theirs = await send(id);
        const none = await send(randomUUID());
        // The answer is the same as for a project that does not exist: nothing is revealed.
        expect({ key, status: theirs.status }).toEqual({ key, status: none.status });
        seen[key] = theirs.status;
      }
      // Routes open to applicants answer 404; officers' routes answer 403 whatever the project.
      for (const [key, status] of Object.entries(seen)) {
        const officersOnly = /(accept|return|reschedule|release|close|agreement\/send|agreement\/sign)$/.test(key);
        expect({ key, status }).toEqual({ key, status: officersOnly ? 403 : 404 });
      }
      // Nothing changed.
      expect((await get(id)).body).toMatchObject({
        version: project.version,
        status: 'agreement_pending',
        agreement: { document: null },
      });

      for (const [resource, filter] of [
        ['projects', { fundId: fund.id }],
        ['project-reports', { projectId: id }],
        ['micro-credentials', { projectId: id }],
      ] as const) {
        const url = `/api/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
        const theirs = await t.http().get(url).set(bearer(otherApplicant));
        expect({ resource, status: theirs.status, body: theirs.body }).toEqual({ resource, status: 200, body: [] });
        const own = await t.http().get(url).set(bearer(applicant));
        expect(own.body.length).toBeGreaterThan(0);
      }
      const reviewer = await t.token('reviewer@example.org');
      expect((await t.http().get('/api/projects').set(bearer(reviewer))).status).toBe(403);
      expect((await get(id, reviewer)).status).toBe(403);
    });
  });

  it('answers bad input with 400 naming the field', async () => {
    const { project } = await awarded();
    const id = project.id;
    const reportId = (await get(`${id}/reports`)).body[0].id;
    const fieldsOf = (res: { status: number; body: { errors?: { field: string }[] } }) => ({
      status: res.status,
      fields: (res.body.errors ?? []).map((e) => e.field),
    });
    await post(`${id}/agreement/send`);
    expect(fieldsOf(await post(`${id}/agreement/sign`, { signedOn: '2026-02-30' }))).toEqual({
      status: 400,
      fields: ['signedOn'],
    });
    expect(fieldsOf(await post(`${id}/agreement/sign`, {}))).toEqual({ status: 400, fields: ['signedOn'] });
    const put = (body: object) => t.http().put(`/api/projects/${id}/reports/${reportId}`).set(bearer(applicant)).send(body);
    expect(fieldsOf(await put({ version: 1, enrolments: -1 }))).toEqual({ status: 400, fields: ['enrolments'] });
    expect(fieldsOf(await put({ version: 1, spending: [{ category: 'yachts', amountCents: 1 }] }))).toEqual({
      status: 400,
      fields: ['spending.0.category'],
    });
    expect(fieldsOf(await put({ version: 1, spending: [{ category: 'technology', amountCents: 1.5 }] }))).toEqual({
      status: 400,
      fields: ['spending.0.amountCents'],
    });
    expect(fieldsOf(await put({ enrolments: 3 }))).toEqual({ status: 400, fields: ['version'] });
    expect(fieldsOf(await put({ version: 1, enrolments: 10, completions: 11 }))).toEqual({
      status: 400,
      fields: ['completions'],
    });
    expect(
      fieldsOf(await put({ version: 1, spending: [{ category: 'technology', amountCents: project.awardCents + 1 }] })),
    ).toEqual({
      status: 400,
      fields: ['spending'],
    });
    const ms = (await get(`${id}/milestones`)).body[1].id;
    expect(fieldsOf(await post(`${id}/milestones/${ms}/deliver`, { note: ' ' }, applicant))).toEqual({
      status: 400,
      fields: ['note'],
    });
    expect(
      fieldsOf(await post(`${id}/milestones/${ms}/deliver`, { note: 'x', evidenceUrl: 'javascript:alert(1)' }, applicant)),
    ).toEqual({
      status: 400,
      fields: ['evidenceUrl'],
    });
    expect(fieldsOf(await post(`${id}/milestones/${ms}/return`, {}))).toEqual({ status: 400, fields: ['comment'] });
    expect(fieldsOf(await post(`${id}/milestones/${ms}/reschedule`, { dueOn: 'soon', reason: 'x' }))).toEqual({
      status: 400,
      fields: ['dueOn'],
    });
    const mc = {
      title: 'X',
      sector: 'other',
      areaOfFocus: '',
      deliveryMode: 'online',
      hours: 1,
      osapStatus: 'not_submitted',
      expectedEnrolment: 0,
      enrolled: 0,
      completed: 0,
      workIntegratedLearning: false,
      stackable: false,
    };
    expect(fieldsOf(await post(`${id}/micro-credentials`, { ...mc, osapStatus: 'maybe' }, applicant))).toEqual({
      status: 400,
      fields: ['osapStatus'],
    });
    expect(fieldsOf(await post(`${id}/micro-credentials`, { ...mc, deliveryMode: 'carrier pigeon' }, applicant))).toEqual({
      status: 400,
      fields: ['deliveryMode'],
    });
    expect(
      fieldsOf(await post(`${id}/micro-credentials`, { ...mc, enrolled: 5, completed: 6, launchedOn: '2021-01-01' }, applicant)),
    ).toEqual({
      status: 400,
      fields: ['completed'],
    });
    expect(fieldsOf(await post(`${id}/micro-credentials`, { ...mc, osapStatus: 'approved' }, applicant))).toEqual({
      status: 400,
      fields: ['osapStatusOn'],
    });
    expect(fieldsOf(await post(`${id}/tranches/${randomUUID()}/release`, { note: 42 }))).toEqual({
      status: 400,
      fields: ['note'],
    });
    expect(fieldsOf(await get(`not-a-uuid`))).toMatchObject({ status: 400 });
    const badList = await t
      .http()
      .get(`/api/projects?filter=${encodeURIComponent('{"status":"done","colour":1}')}`)
      .set(bearer(officer));
    expect(fieldsOf(badList)).toEqual({ status: 400, fields: ['filter.status', 'filter'] });
    const badSort = await t
      .http()
      .get(`/api/projects?sort=${encodeURIComponent('["secret","ASC"]')}`)
      .set(bearer(officer));
    expect(fieldsOf(badSort)).toEqual({ status: 400, fields: ['sort'] });
    // Nothing was written by the refused requests.
    expect((await get(`${id}/reports/${reportId}`)).body).toMatchObject({ status: 'not_started', version: 1 });
    expect((await get(`${id}/micro-credentials`)).body).toEqual([]);
  });
});
