import { Clock } from '@cf/platform';
import { addDays, today } from '@cf/projects';
import { PDF } from '../support/proposal-fixtures';
import { eligibleProposal, reviewFund } from '../support/review-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Group {
  key: string;
  committedCents: number;
  disbursedCents: number;
  awards: number;
}

const sum = (groups: Group[], f: (g: Group) => number) => groups.reduce((s, g) => s + f(g), 0);

/** The program officers' dashboard (issue 6): GET /api/funds/:fundId/dashboard. */
describe('program dashboard (issue 6)', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let approver: string;
  let fund2021: string;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    officer = await t.token('officer@example.org');
    approver = await t.token('approver@example.org');
    fund2021 = (await t.dataSource.query(`SELECT id FROM funds WHERE code = 'MCF-2021'`))[0].id;
  }, 60_000);
  afterEach(() => clock.setForTesting(null));
  afterAll(() => t.stop());

  const dashboard = async (fundId: string, token = officer) => {
    const res = await t.http().get(`/api/funds/${fundId}/dashboard`).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body;
  };
  const ledger = async (fundId: string) =>
    (await t.dataSource.query(`SELECT committed_cents, disbursed_cents FROM fund_ledgers WHERE fund_id = $1`, [fundId]))[0];

  it('is for staff: officers, approvers and admins read it; applicants and reviewers get 403; an unknown fund 404', async () => {
    for (const email of ['officer@example.org', 'approver@example.org', 'admin@example.org']) {
      const res = await t
        .http()
        .get(`/api/funds/${fund2021}/dashboard`)
        .set(bearer(await t.token(email)));
      expect(res.status).toBe(200);
    }
    for (const email of ['applicant@example.org', 'applicant2@example.org', 'reviewer@example.org']) {
      const res = await t
        .http()
        .get(`/api/funds/${fund2021}/dashboard`)
        .set(bearer(await t.token(email)));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await t.http().get(`/api/funds/${fund2021}/dashboard`)).status).toBe(401);
    const unknown = await t.http().get(`/api/funds/00000000-0000-4000-8000-000000000000/dashboard`).set(bearer(officer));
    expect(unknown.status).toBe(404);
    expect((await t.http().get(`/api/funds/not-a-uuid/dashboard`).set(bearer(officer))).status).toBe(400);
  });

  it('shows the demo: the totals are the ledger’s, every grouping sums to them, Collège Boréal’s overdue report', async () => {
    const d = await dashboard(fund2021);
    const now = new Date();
    expect(d).toMatchObject({ fundId: fund2021, fundCode: 'MCF-2021', today: today(now) });

    // the money: the confirmed awards, equal to the fund's ledger; disbursed is the sum of the payments
    const l = await ledger(fund2021);
    expect(d.ledger.committedCents).toBe(Number(l.committed_cents));
    expect(d.ledger.disbursedCents).toBe(Number(l.disbursed_cents));
    expect(d.totals.committedCents).toBe(Number(l.committed_cents));
    expect(d.totals.disbursedCents).toBe(Number(l.disbursed_cents));
    const [payments] = await t.dataSource.query(
      `SELECT coalesce(sum(amount_cents), 0)::bigint AS paid, count(*)::int AS n FROM project_payments WHERE fund_id = $1`,
      [fund2021],
    );
    expect(d.totals.disbursedCents).toBe(Number(payments.paid));
    expect(payments.n).toBe(5); // Algonquin's first tranche, Collège Boréal's and George Brown's first two
    expect(d.totals.remainingCents).toBe(d.totals.committedCents - d.totals.disbursedCents);
    const projects = await t.dataSource.query(
      `SELECT pr.award_cents, pr.disbursed_cents, pr.sectors, i.region, i.type, i.name
         FROM projects pr JOIN institutions i ON i.id = pr.institution_id WHERE pr.fund_id = $1 AND pr.status <> 'cancelled'`,
      [fund2021],
    );
    expect(projects.map((p: { name: string }) => p.name).sort()).toEqual(
      expect.arrayContaining(['Algonquin College', 'Collège Boréal', 'Fanshawe College', 'George Brown College']),
    );
    expect(d.totals.projects).toBe(projects.length);
    expect(d.totals.awards).toBe(projects.length);
    for (const groups of [d.byRegion, d.byInstitutionType, d.bySector] as Group[][]) {
      expect(sum(groups, (g) => g.committedCents)).toBe(d.totals.committedCents);
      expect(sum(groups, (g) => g.disbursedCents)).toBe(d.totals.disbursedCents);
      for (const g of groups) expect(g.disbursedCents).toBeLessThanOrEqual(g.committedCents);
    }
    // by region and by type: each project once, all of its money, in its institution's group
    const byKey = (key: (p: Record<string, string>) => string) => {
      const out = new Map<string, { committedCents: number; disbursedCents: number; awards: number }>();
      for (const p of projects) {
        const g = out.get(key(p)) ?? { committedCents: 0, disbursedCents: 0, awards: 0 };
        g.committedCents += Number(p.award_cents);
        g.disbursedCents += Number(p.disbursed_cents);
        g.awards += 1;
        out.set(key(p), g);
      }
      return out;
    };
    const asMap = (groups: Group[]) => new Map(groups.map(({ key, ...g }) => [key, g]));
    expect(asMap(d.byRegion)).toEqual(byKey((p) => p.region));
    expect(asMap(d.byInstitutionType)).toEqual(byKey((p) => p.type));
    // by sector: a project with several sectors is counted in each, its money split evenly among them
    const sectors = new Set(projects.flatMap((p: { sectors: string[] }) => p.sectors));
    expect(new Set(d.bySector.map((g: Group) => g.key))).toEqual(sectors);
    for (const g of d.bySector as Group[]) {
      const inIt = projects.filter((p: { sectors: string[] }) => p.sectors.includes(g.key));
      expect(g.awards).toBe(inIt.length);
      const share = inIt.reduce(
        (s: number, p: { award_cents: string; sectors: string[] }) => s + Number(p.award_cents) / p.sectors.length,
        0,
      );
      expect(Math.abs(g.committedCents - share)).toBeLessThanOrEqual(inIt.length); // at most a cent per project
    }

    // at risk: Collège Boréal's second interim report (thirteen months in, due at twelve)
    expect(d.totals.atRiskProjects).toBe(1);
    expect(d.atRisk).toHaveLength(1);
    const [risk] = d.atRisk;
    expect(risk).toMatchObject({ institutionName: 'Collège Boréal', status: 'active' });
    expect(risk.overdue).toHaveLength(1);
    const [report] = await t.dataSource.query(
      `SELECT r.id, r.title, r.due_on::text AS due_on FROM project_reports r WHERE r.project_id = $1 AND r.position = 1`,
      [risk.projectId],
    );
    expect(risk.overdue[0]).toMatchObject({
      kind: 'report',
      id: report.id,
      title: report.title,
      itemKind: 'interim',
      dueOn: report.due_on,
    });
    expect(risk.overdueSince).toBe(addDays(report.due_on, 1));
    expect(risk.daysOverdue).toBeGreaterThanOrEqual(1);
    expect(risk.overdue[0].daysOverdue).toBe(risk.daysOverdue);
    expect(risk.nextDueOn > d.today).toBe(true); // the final report or its milestone, not passed yet
    const listed = await t
      .http()
      .get(`/api/projects?filter=${encodeURIComponent(JSON.stringify({ fundId: fund2021, atRisk: true }))}`)
      .set(bearer(officer));
    expect(listed.body.map((p: { id: string }) => p.id)).toEqual([risk.projectId]);

    // micro-credentials: the fund's target (250), the funded ones, those launched by today in Toronto
    const [mc] = await t.dataSource.query(
      `SELECT count(*)::int AS planned, count(*) FILTER (WHERE mc.launched_on <= $2::date)::int AS launched,
              coalesce(sum(mc.enrolled) FILTER (WHERE mc.launched_on <= $2::date), 0)::int AS enrolled,
              count(*) FILTER (WHERE mc.launched_on <= $2::date AND mc.osap_status = 'approved')::int AS osap
         FROM project_micro_credentials mc JOIN projects pr ON pr.id = mc.project_id
        WHERE pr.fund_id = $1 AND pr.status <> 'cancelled'`,
      [fund2021, d.today],
    );
    expect(d.microCredentials).toMatchObject({
      target: 250,
      planned: mc.planned,
      launched: mc.launched,
      enrolled: mc.enrolled,
      osapApproved: mc.osap,
    });
    expect(d.microCredentials.launched).toBeGreaterThanOrEqual(3); // Algonquin's one, Boréal's and George Brown's
    expect(d.microCredentials.planned).toBeGreaterThan(d.microCredentials.launched); // Fanshawe's are not launched yet
    const [algonquin] = await t.dataSource.query(
      `SELECT mc.enrolled, mc.osap_status FROM project_micro_credentials mc JOIN projects pr ON pr.id = mc.project_id
         JOIN institutions i ON i.id = pr.institution_id WHERE i.name = 'Algonquin College' AND mc.launched_on IS NOT NULL`,
    );
    expect(algonquin).toEqual({ enrolled: 34, osap_status: 'approved' });

    // enrolments by month: from the earliest project start (seventeen months back) to this month, cumulative
    const months: { month: string; launched: number; enrolled: number }[] = d.enrolmentsByMonth;
    expect(months.length).toBeGreaterThanOrEqual(17);
    expect(months.at(-1)).toEqual({ month: d.today.slice(0, 7), launched: mc.launched, enrolled: mc.enrolled });
    for (let i = 1; i < months.length; i++) {
      expect(months[i].month > months[i - 1].month).toBe(true);
      expect(months[i].launched).toBeGreaterThanOrEqual(months[i - 1].launched);
      expect(months[i].enrolled).toBeGreaterThanOrEqual(months[i - 1].enrolled);
    }
    expect(months[0].launched).toBe(0); // nothing launched in the first month of the oldest project

    // a launch counts from its date in Toronto: the day before Algonquin's launch, one fewer
    const [launch] = await t.dataSource.query(
      `SELECT mc.launched_on::text AS on FROM project_micro_credentials mc JOIN projects pr ON pr.id = mc.project_id
         JOIN institutions i ON i.id = pr.institution_id WHERE i.name = 'Algonquin College' AND mc.launched_on IS NOT NULL`,
    );
    clock.setForTesting(new Date(`${launch.on}T03:59:00Z`)); // the evening before, in Toronto
    const before = await dashboard(fund2021);
    expect(before.today).toBe(addDays(launch.on, -1));
    clock.setForTesting(new Date(`${launch.on}T16:00:00Z`));
    const on = await dashboard(fund2021);
    expect(on.microCredentials.launched).toBe(before.microCredentials.launched + 1);
    expect(on.microCredentials.enrolled).toBe(before.microCredentials.enrolled + 34);
  });

  describe('overdue detection moves with the clock', () => {
    /** Recommended by the officer, confirmed by the approver: the project (and its money) appears. */
    async function award(fundId: string, proposalId: string) {
      const rec = await t
        .http()
        .post('/api/decisions')
        .set(bearer(officer))
        .send({ proposalId, kind: 'fund_full', rationale: 'Strong employer partnerships.' });
      expect(rec.status).toBe(201);
      const ok = await t.http().post(`/api/decisions/${rec.body.id}/confirm`).set(bearer(approver)).send({});
      expect(ok.status).toBe(200);
      const [project] = await t.dataSource.query(`SELECT id, title FROM projects WHERE award_decision_id = $1`, [rec.body.id]);
      return project as { id: string; title: string };
    }
    const post = (path: string, body: object = {}) => t.http().post(`/api/projects/${path}`).set(bearer(officer)).send(body);
    const atRisk = async (fundId: string) =>
      ((await dashboard(fundId)).atRisk as { projectId: string; overdueSince: string; daysOverdue: number }[]).map((r) => [
        r.projectId,
        r.overdueSince,
        r.daysOverdue,
      ]);

    it('enters and leaves the at-risk list across a due date and a DST change; money by group equals the ledger', async () => {
      // Confirmed on 2026-01-05 in Toronto: each agreement is due 30 days later, on 2026-02-04.
      clock.setForTesting(new Date('2026-01-05T15:00:00Z'));
      const fund = await reviewFund(t);
      const p1 = await eligibleProposal(t, fund.id, { sectors: ['health_care', 'mining'], title: 'Alpha health' });
      const p2 = await eligibleProposal(t, fund.id, { sectors: ['digital_technology'], title: 'Beta digital' });
      await t.dataSource.query(`UPDATE proposals SET status = 'reviewed', requested_cents = 30000001 WHERE id = $1`, [p1.id]);
      await t.dataSource.query(`UPDATE proposals SET status = 'reviewed', requested_cents = 12000000 WHERE id = $1`, [p2.id]);
      await t.dataSource.query(`UPDATE institutions SET region = 'northern', type = 'public_university' WHERE id = $1`, [
        p2.institutionId,
      ]);
      const alpha = await award(fund.id, p1.id);
      const beta = await award(fund.id, p2.id);

      let d = await dashboard(fund.id);
      expect(d.today).toBe('2026-01-05');
      expect(d.atRisk).toEqual([]);
      expect(d.totals).toMatchObject({
        awards: 2,
        projects: 2,
        committedCents: 42_000_001,
        disbursedCents: 0,
        atRiskProjects: 0,
      });
      expect(d.ledger).toMatchObject({ committedCents: 42_000_001, disbursedCents: 0 });
      expect(d.byRegion).toEqual([
        { key: 'central', committedCents: 30_000_001, disbursedCents: 0, awards: 1 },
        { key: 'northern', committedCents: 12_000_000, disbursedCents: 0, awards: 1 },
      ]);
      expect(d.byInstitutionType).toEqual([
        { key: 'public_college', committedCents: 30_000_001, disbursedCents: 0, awards: 1 },
        { key: 'public_university', committedCents: 12_000_000, disbursedCents: 0, awards: 1 },
      ]);
      // two sectors: split evenly, the odd cent to the first (in code order)
      expect(d.bySector).toEqual([
        { key: 'health_care', committedCents: 15_000_001, disbursedCents: 0, awards: 1 },
        { key: 'mining', committedCents: 15_000_000, disbursedCents: 0, awards: 1 },
        { key: 'digital_technology', committedCents: 12_000_000, disbursedCents: 0, awards: 1 },
      ]);
      expect(d.microCredentials).toMatchObject({ target: 250, planned: 0, launched: 0, enrolled: 0 });
      expect(d.enrolmentsByMonth).toEqual([{ month: '2026-01', launched: 0, enrolled: 0 }]);

      // the last instant of the due date in Toronto (EST): on time; the next: both projects at risk
      clock.setForTesting(new Date('2026-02-05T04:59:59.999Z'));
      expect(await atRisk(fund.id)).toEqual([]);
      clock.setForTesting(new Date('2026-02-05T05:00:00.000Z'));
      d = await dashboard(fund.id);
      expect(d.today).toBe('2026-02-05');
      expect(d.atRisk.map((r: { title: string }) => r.title)).toEqual(['Alpha health', 'Beta digital']);
      expect(d.atRisk[0]).toMatchObject({
        projectId: alpha.id,
        status: 'agreement_pending',
        overdueSince: '2026-02-05',
        daysOverdue: 1,
        nextDueOn: '2026-05-05', // the micro-credential launch, four months in
        overdue: [{ kind: 'milestone', itemKind: 'agreement_signed', dueOn: '2026-02-04', daysOverdue: 1 }],
      });

      // Alpha's agreement signed (and its first tranche paid): Alpha leaves the list, Beta stays
      expect((await post(`${alpha.id}/agreement/send`)).status).toBe(200);
      const up = await t
        .http()
        .post(`/api/projects/${alpha.id}/agreement/document`)
        .set(bearer(officer))
        .attach('file', PDF, 'agreement-signed.pdf');
      expect(up.status).toBe(200);
      expect((await post(`${alpha.id}/agreement/sign`, { signedOn: '2026-02-05' })).status).toBe(200);
      const tranches = (await t.http().get(`/api/projects/${alpha.id}/tranches`).set(bearer(officer))).body;
      expect((await post(`${alpha.id}/tranches/${tranches[0].id}/release`)).status).toBe(201);
      expect(await atRisk(fund.id)).toEqual([[beta.id, '2026-02-05', 1]]);
      d = await dashboard(fund.id);
      const l = await ledger(fund.id);
      expect(d.totals.disbursedCents).toBe(15_000_001); // 50 % of 30,000,001 cents, rounded by the largest remainder
      expect(d.ledger).toMatchObject({ committedCents: Number(l.committed_cents), disbursedCents: Number(l.disbursed_cents) });
      expect(d.totals.disbursedCents).toBe(Number(l.disbursed_cents));
      for (const groups of [d.byRegion, d.byInstitutionType, d.bySector] as Group[][]) {
        expect(sum(groups, (g) => g.committedCents)).toBe(Number(l.committed_cents));
        expect(sum(groups, (g) => g.disbursedCents)).toBe(Number(l.disbursed_cents));
      }
      expect(d.bySector.find((g: Group) => g.key === 'mining')).toMatchObject({ disbursedCents: 7_500_000 });
      expect(d.bySector.find((g: Group) => g.key === 'health_care')).toMatchObject({ disbursedCents: 7_500_001 });

      // Alpha's first interim report moved to the day clocks spring forward (2026-03-08): that day ends at 04:00Z
      const reports = (await t.http().get(`/api/projects/${alpha.id}/reports`).set(bearer(officer))).body;
      const moved = await post(`${alpha.id}/reports/${reports[0].id}/reschedule`, { dueOn: '2026-03-08', reason: 'Amended.' });
      expect(moved.status).toBe(200);
      clock.setForTesting(new Date('2026-03-09T03:59:59Z')); // 23:59:59 EDT on 2026-03-08
      expect(await atRisk(fund.id)).toEqual([[beta.id, '2026-02-05', 32]]);
      clock.setForTesting(new Date('2026-03-09T04:00:00Z')); // midnight EDT: an hour earlier than in winter
      d = await dashboard(fund.id);
      expect(d.today).toBe('2026-03-09');
      expect(
        d.atRisk.map((r: { projectId: string; overdueSince: string; daysOverdue: number }) => [
          r.projectId,
          r.overdueSince,
          r.daysOverdue,
        ]),
      ).toEqual([
        [beta.id, '2026-02-05', 33],
        [alpha.id, '2026-03-09', 1],
      ]);
      expect(d.atRisk[1].overdue).toEqual([
        { kind: 'report', id: reports[0].id, title: reports[0].title, itemKind: 'interim', dueOn: '2026-03-08', daysOverdue: 1 },
      ]);
      expect(d.enrolmentsByMonth.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);

      // and back before every due date: nobody at risk (computed on every read, never stored)
      clock.setForTesting(new Date('2026-02-01T12:00:00Z'));
      expect(await atRisk(fund.id)).toEqual([]);
      // a cancelled project leaves the list and the money: Beta's award rescinded (nothing paid)
      clock.setForTesting(new Date('2026-03-09T12:00:00Z'));
      const [decision] = await t.dataSource.query(`SELECT award_decision_id AS id FROM projects WHERE id = $1`, [beta.id]);
      const rescinded = await t
        .http()
        .post(`/api/decisions/${decision.id}/rescind`)
        .set(bearer(approver))
        .send({ reason: 'The partner withdrew.' });
      expect(rescinded.status).toBe(200);
      d = await dashboard(fund.id);
      expect(d.atRisk.map((r: { projectId: string }) => r.projectId)).toEqual([alpha.id]);
      expect(d.totals).toMatchObject({ awards: 1, projects: 1, committedCents: 30_000_001, disbursedCents: 15_000_001 });
      expect(d.ledger).toMatchObject({ committedCents: 30_000_001, disbursedCents: 15_000_001 });
      expect(d.byRegion.map((g: Group) => g.key)).toEqual(['central']);
    });
  });
});
