import { Clock, NotFoundError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { atRiskFigures, AwardMoney, enrolmentsByMonth, monthOf, moneyBy, OverdueItem } from './domain/dashboard-figures';
import { today as todayIn } from './domain/overdue-policy';
import { ProjectStatus } from './domain/status-machines';
import { AtRiskProjectDto, DashboardMicroCredentialsDto, FundDashboardDto } from './dto/dashboard.dto';
import { OPEN_REPORTS_SQL } from './project.queries';

interface FundRow {
  id: string;
  code: string;
  name_en: string;
  name_fr: string;
  target_credentials: number;
  envelope_cents: string;
  committed_cents: string;
  disbursed_cents: string;
}

interface AwardRow {
  amount_cents: string;
  disbursed_cents: string;
  region: string;
  institution_type: string;
  sectors: string[];
  project_status: ProjectStatus | null;
  start_on: string | null;
}

interface AtRiskRow {
  id: string;
  title: string;
  tracking_number: string | null;
  status: ProjectStatus;
  institution_id: string;
  institution_name: string;
  award_cents: string;
  disbursed_cents: string;
  overdue: OverdueItem[];
  next_due_on: string | null;
}

interface LaunchRow {
  month: string | null;
  count: number;
  enrolled: number;
  osap_approved: number;
  expected: number;
}

/**
 * The program officers' dashboard of a fund (issue 6): four read-only statements, whatever the number of projects
 * (the fund and its ledger; the confirmed awards with their institution and sectors; the overdue items of the running
 * projects; the micro-credentials counted per launch month), then the grouping in `domain/dashboard-figures.ts`.
 * "Today" is the date in Toronto by the injected Clock, passed to every statement: never the database's now().
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async forFund(fundId: string): Promise<FundDashboardDto> {
    const now = this.clock.now();
    const today = todayIn(now);
    // one snapshot for the four reads, so the totals agree with the ledger even while payments go on
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const fund = await this.fundWithLedger(m, fundId);
      const awards = await this.confirmedAwards(m, fundId);
      const atRisk = await this.projectsAtRisk(m, fundId, today);
      const launches = await this.microCredentialsByLaunchMonth(m, fundId, today);

      const money: AwardMoney[] = awards.map((a) => ({
        committedCents: Number(a.amount_cents),
        disbursedCents: Number(a.disbursed_cents),
        region: a.region,
        institutionType: a.institution_type,
        sectors: a.sectors,
      }));
      const committed = money.reduce((s, a) => s + a.committedCents, 0);
      const disbursed = money.reduce((s, a) => s + a.disbursedCents, 0);
      const starts = awards
        .filter((a) => a.start_on && a.project_status !== 'cancelled')
        .map((a) => a.start_on!)
        .sort();
      return {
        fundId: fund.id,
        fundCode: fund.code,
        fundNameEn: fund.name_en,
        fundNameFr: fund.name_fr,
        today,
        asOf: now.toISOString(),
        ledger: {
          envelopeCents: Number(fund.envelope_cents),
          committedCents: Number(fund.committed_cents),
          disbursedCents: Number(fund.disbursed_cents),
        },
        totals: {
          awards: awards.length,
          projects: awards.filter((a) => a.project_status && a.project_status !== 'cancelled').length,
          committedCents: committed,
          disbursedCents: disbursed,
          remainingCents: committed - disbursed,
          atRiskProjects: atRisk.length,
        },
        atRisk,
        byRegion: moneyBy(money, (a) => [a.region]),
        byInstitutionType: moneyBy(money, (a) => [a.institutionType]),
        bySector: moneyBy(money, (a) => a.sectors),
        microCredentials: this.microCredentialFigures(launches, fund.target_credentials),
        enrolmentsByMonth: starts.length ? enrolmentsByMonth(launches, monthOf(starts[0]), monthOf(today)) : [],
      };
    });
  }

  private async fundWithLedger(m: EntityManager, fundId: string): Promise<FundRow> {
    const [fund]: FundRow[] = await m.query(
      `SELECT f.id, f.code, f.name_en, f.name_fr, f.target_credentials, l.envelope_cents, l.committed_cents, l.disbursed_cents
         FROM funds f JOIN fund_ledgers l ON l.fund_id = f.id
        WHERE f.id = $1`,
      [fundId],
    );
    if (!fund) throw new NotFoundError('Fund', fundId);
    return fund;
  }

  /**
   * What the ledger commits: the confirmed fund decisions (full or partial), with the lead institution's region and
   * type, the project's sectors (the proposal's for an award without a project) and what its project was paid.
   */
  private confirmedAwards(m: EntityManager, fundId: string): Promise<AwardRow[]> {
    return m.query(
      `SELECT d.amount_cents, coalesce(pr.disbursed_cents, 0) AS disbursed_cents, i.region, i.type AS institution_type,
              coalesce(pr.sectors, p.sectors) AS sectors, pr.status AS project_status, pr.start_on::text AS start_on
         FROM award_decisions d
         JOIN proposals p ON p.id = d.proposal_id
         JOIN institutions i ON i.id = p.institution_id
         LEFT JOIN projects pr ON pr.award_decision_id = d.id
        WHERE d.fund_id = $1 AND d.status = 'confirmed' AND d.kind IN ('fund_full','fund_partial')`,
      [fundId],
    );
  }

  /**
   * Running projects (agreement pending or active) with a milestone not accepted or a report still owed whose due
   * date is before today: what is overdue, since when, and the next due date not passed yet. Most days overdue first.
   */
  private async projectsAtRisk(m: EntityManager, fundId: string, today: string): Promise<AtRiskProjectDto[]> {
    const rows: AtRiskRow[] = await m.query(
      `WITH open_items AS (
         SELECT ms.project_id, 'milestone' AS kind, ms.id, ms.title, ms.kind AS item_kind, ms.due_on
           FROM project_milestones ms WHERE ms.status <> 'accepted'
         UNION ALL
         SELECT r.project_id, 'report', r.id, r.title, r.kind, r.due_on
           FROM project_reports r WHERE r.status IN (${OPEN_REPORTS_SQL}))
       SELECT pr.id, pr.title, pr.tracking_number, pr.status, pr.institution_id, i.name AS institution_name,
              pr.award_cents, pr.disbursed_cents,
              json_agg(json_build_object('kind', o.kind, 'id', o.id, 'title', o.title, 'itemKind', o.item_kind,
                                         'dueOn', o.due_on::text) ORDER BY o.due_on, o.kind, o.title)
                FILTER (WHERE o.due_on < $2::date) AS overdue,
              (min(o.due_on) FILTER (WHERE o.due_on >= $2::date))::text AS next_due_on
         FROM projects pr
         JOIN institutions i ON i.id = pr.institution_id
         JOIN open_items o ON o.project_id = pr.id
        WHERE pr.fund_id = $1 AND pr.status IN ('agreement_pending','active')
        GROUP BY pr.id, i.name
       HAVING bool_or(o.due_on < $2::date)`,
      [fundId, today],
    );
    const out: AtRiskProjectDto[] = [];
    for (const r of rows) {
      const figures = atRiskFigures(r.overdue, today);
      if (!figures) continue;
      out.push({
        projectId: r.id,
        title: r.title,
        trackingNumber: r.tracking_number,
        status: r.status,
        institutionId: r.institution_id,
        institutionName: r.institution_name,
        awardCents: Number(r.award_cents),
        disbursedCents: Number(r.disbursed_cents),
        overdueSince: figures.overdueSince,
        daysOverdue: figures.daysOverdue,
        nextDueOn: r.next_due_on,
        overdue: figures.items,
      });
    }
    return out.sort(
      (a, b) => b.daysOverdue - a.daysOverdue || a.title.localeCompare(b.title) || (a.projectId < b.projectId ? -1 : 1),
    );
  }

  /** The micro-credentials of the fund's projects (cancelled ones excluded), per month of launch (null: not launched). */
  private microCredentialsByLaunchMonth(m: EntityManager, fundId: string, today: string): Promise<LaunchRow[]> {
    return m.query(
      `SELECT CASE WHEN mc.launched_on <= $2::date THEN to_char(mc.launched_on, 'YYYY-MM') END AS month,
              count(*)::int AS count, coalesce(sum(mc.enrolled), 0)::int AS enrolled,
              count(*) FILTER (WHERE mc.osap_status = 'approved')::int AS osap_approved,
              coalesce(sum(mc.expected_enrolment), 0)::int AS expected
         FROM project_micro_credentials mc
         JOIN projects pr ON pr.id = mc.project_id
        WHERE pr.fund_id = $1 AND pr.status <> 'cancelled'
        GROUP BY 1
        ORDER BY 1`,
      [fundId, today],
    );
  }

  private microCredentialFigures(rows: readonly LaunchRow[], target: number): DashboardMicroCredentialsDto {
    const launched = rows.filter((r) => r.month !== null);
    const sum = (list: readonly LaunchRow[], f: (r: LaunchRow) => number) => list.reduce((s, r) => s + f(r), 0);
    return {
      target,
      planned: sum(rows, (r) => r.count),
      launched: sum(launched, (r) => r.count),
      osapApproved: sum(launched, (r) => r.osap_approved),
      enrolled: sum(launched, (r) => r.enrolled),
      expectedEnrolment: sum(rows, (r) => r.expected),
    };
  }
}
