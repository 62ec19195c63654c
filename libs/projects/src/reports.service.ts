import { AuditService } from '@cf/audit';
import { AuthUser, Clock, ConflictError, DomainError, ListQuery, NotFoundError, Page, ValidationFailedError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { today } from './domain/overdue-policy';
import { ReportKind } from './domain/project-plan';
import { figureProblems, ReportFigures, submitProblems } from './domain/report-rules';
import { MILESTONE_MACHINE, MilestoneStatus, REPORT_MACHINE, ReportStatus, transition } from './domain/status-machines';
import { ReportDto, RescheduleDto, SaveReportDto } from './dto/project.dto';
import { AgreementService } from './agreement.service';
import { assertRunning, ProjectAccess } from './project-access';
import { OPEN_REPORTS_SQL, REPORT_SELECT, ReportRow, toReportDto } from './project.queries';

export interface ReportFilter {
  id?: string[];
  projectId?: string;
  fundId?: string;
  institutionId?: string;
  status?: ReportStatus;
  kind?: ReportKind;
  overdue?: boolean;
}

const SORTS: Record<string, string> = { dueOn: 'r.due_on', submittedAt: 'r.submitted_at', status: 'r.status', title: 'r.title' };

interface LockedReport {
  id: string;
  kind: ReportKind;
  title: string;
  status: ReportStatus;
  due_on: string;
  version: number;
}

/**
 * Interim and final reports on a schedule: the institution saves a draft and submits it (figures checked), an
 * officer accepts it or returns it with comments. The final report carries the "final report" milestone: submitted,
 * the milestone is delivered; accepted, it is accepted (and the last tranche can be released).
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
    private readonly agreements: AgreementService,
  ) {}

  async list(user: AuthUser, projectId: string): Promise<ReportDto[]> {
    const m = this.dataSource.manager;
    await this.access.loadReadable(m, user, projectId);
    const rows: ReportRow[] = await m.query(`${REPORT_SELECT} WHERE r.project_id = $1 ORDER BY r.position`, [projectId]);
    const now = this.clock.now();
    return rows.map((r) => toReportDto(r, now));
  }

  /** Reports across projects (the officers' follow-up, the institution's own), with the list contract. */
  async search(user: AuthUser, query: ListQuery<ReportFilter>): Promise<Page<ReportDto>> {
    const now = this.clock.now();
    const params: unknown[] = [];
    const where = [this.access.scope(user, params, 'pr')];
    const f = query.filter;
    if (f.id) where.push(`r.id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.projectId) where.push(`r.project_id = $${params.push(f.projectId)}`);
    if (f.fundId) where.push(`pr.fund_id = $${params.push(f.fundId)}`);
    if (f.institutionId) where.push(`pr.institution_id = $${params.push(f.institutionId)}`);
    if (f.status) where.push(`r.status = $${params.push(f.status)}`);
    if (f.kind) where.push(`r.kind = $${params.push(f.kind)}`);
    if (f.overdue !== undefined) {
      const overdue = `(pr.status IN ('agreement_pending','active') AND r.status IN (${OPEN_REPORTS_SQL}) AND r.due_on < $${params.push(today(now))}::date)`;
      where.push(f.overdue ? overdue : `NOT ${overdue}`);
    }
    const m = this.dataSource.manager;
    const sql = `${REPORT_SELECT} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM (${sql}) c`, params);
    const rows: ReportRow[] = await m.query(
      `${sql} ORDER BY ${SORTS[query.sort.field] ?? 'r.due_on'} ${query.sort.order} NULLS LAST, r.id LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    return { items: rows.map((r) => toReportDto(r, now, true)), total };
  }

  async get(user: AuthUser, projectId: string, reportId: string): Promise<ReportDto> {
    const m = this.dataSource.manager;
    await this.access.loadReadable(m, user, projectId);
    return this.read(m, projectId, reportId);
  }

  async save(user: AuthUser, projectId: string, reportId: string, dto: SaveReportDto): Promise<ReportDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadOwn(m, user, projectId);
      assertRunning(p);
      const r = await this.lock(m, projectId, reportId, dto.version);
      const step = transition(REPORT_MACHINE, 'report', r.status, 'save');
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: r.status });
      const before = await this.figures(m, reportId);
      const after: ReportFigures = {
        enrolments: dto.enrolments === undefined ? before.enrolments : dto.enrolments,
        completions: dto.completions === undefined ? before.completions : dto.completions,
        employedOrAdvanced: dto.employedOrAdvanced === undefined ? before.employedOrAdvanced : dto.employedOrAdvanced,
        employerPartners: dto.employerPartners === undefined ? before.employerPartners : dto.employerPartners,
        spending: dto.spending ?? before.spending,
        narrative: dto.narrative ?? before.narrative,
      };
      const problems = figureProblems(after, Number(p.award_cents));
      if (problems.length) throw new ValidationFailedError(problems);
      await this.write(m, user, reportId, after, step.to);
      await this.audit.record(m, {
        actorId: user.id,
        action: 'project.report_save',
        entityType: 'project_report',
        entityId: reportId,
        changes: { projectId, status: { from: r.status, to: step.to }, ...this.changed(before, after) },
      });
      return this.read(m, projectId, reportId);
    });
  }

  async submit(user: AuthUser, projectId: string, reportId: string, version: number): Promise<ReportDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadOwn(m, user, projectId);
      assertRunning(p);
      const r = await this.lock(m, projectId, reportId, version);
      const step = transition(REPORT_MACHINE, 'report', r.status, 'submit');
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: r.status });
      const figures = await this.figures(m, reportId);
      const problems = submitProblems(figures, r.kind, Number(p.award_cents));
      if (problems.length) {
        throw new DomainError('REPORT_INCOMPLETE', problems.map((x) => `${x.field}: ${x.reason}`).join('; '), 422, {
          errors: problems,
        });
      }
      const now = this.clock.now();
      await m.query(
        `UPDATE project_reports SET status = 'submitted', submitted_at = $2, submitted_by = $3, version = version + 1 WHERE id = $1`,
        [reportId, now, user.id],
      );
      if (r.kind === 'final') await this.followFinalMilestone(m, user, projectId, 'deliver', `Final report submitted`, now);
      await this.audit.record(m, {
        actorId: user.id,
        action: 'project.report_submit',
        entityType: 'project_report',
        entityId: reportId,
        changes: { projectId, status: { from: r.status, to: 'submitted' }, figures },
      });
      return this.read(m, projectId, reportId);
    });
  }

  async review(
    officer: AuthUser,
    projectId: string,
    reportId: string,
    action: 'accept' | 'return',
    comment: string | undefined,
  ): Promise<ReportDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadForOfficer(m, officer, projectId);
      assertRunning(p);
      const r = await this.lock(m, projectId, reportId);
      const step = transition(REPORT_MACHINE, 'report', r.status, action);
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: r.status });
      const now = this.clock.now();
      await m.query(
        `UPDATE project_reports SET status = $2, reviewed_at = $3, reviewed_by = $4, review_comment = $5, version = version + 1 WHERE id = $1`,
        [reportId, step.to, now, officer.id, comment?.trim() || null],
      );
      if (r.kind === 'final') {
        if (action === 'accept')
          await this.agreements.completeMilestone(m, officer, projectId, 'final_report', 'Final report accepted', now);
        else await this.followFinalMilestone(m, officer, projectId, 'return', comment?.trim() || 'Final report returned', now);
      }
      await this.audit.record(m, {
        actorId: officer.id,
        action: `project.report_${action}`,
        entityType: 'project_report',
        entityId: reportId,
        changes: { projectId, status: { from: r.status, to: step.to }, comment: comment?.trim() || null },
      });
      return this.read(m, projectId, reportId);
    });
  }

  /** An officer moves a report's due date; its reminder and overdue notice may then go out again. */
  async reschedule(officer: AuthUser, projectId: string, reportId: string, dto: RescheduleDto): Promise<ReportDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadForOfficer(m, officer, projectId);
      assertRunning(p);
      const r = await this.lock(m, projectId, reportId);
      const step = transition(REPORT_MACHINE, 'report', r.status, 'reschedule');
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: r.status });
      await m.query(
        `UPDATE project_reports SET due_on = $2, reminded_at = NULL, overdue_notified_at = NULL, version = version + 1 WHERE id = $1`,
        [reportId, dto.dueOn],
      );
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'project.report_reschedule',
        entityType: 'project_report',
        entityId: reportId,
        changes: { projectId, dueOn: { from: r.due_on, to: dto.dueOn }, reason: dto.reason.trim() },
      });
      return this.read(m, projectId, reportId);
    });
  }

  private async followFinalMilestone(
    m: EntityManager,
    actor: AuthUser,
    projectId: string,
    action: 'deliver' | 'return',
    note: string,
    now: Date,
  ): Promise<void> {
    const rows: { id: string; status: MilestoneStatus }[] = await m.query(
      `SELECT id, status FROM project_milestones WHERE project_id = $1 AND kind = 'final_report' FOR UPDATE`,
      [projectId],
    );
    for (const ms of rows) {
      const step = transition(MILESTONE_MACHINE, 'milestone', ms.status, action);
      if (!step.ok) continue;
      const set =
        action === 'deliver'
          ? 'delivered_at = $2, delivered_by = $3, delivery_note = $4'
          : 'reviewed_at = $2, reviewed_by = $3, review_comment = $4';
      await m.query(`UPDATE project_milestones SET status = $5, ${set}, version = version + 1 WHERE id = $1`, [
        ms.id,
        now,
        actor.id,
        note,
        step.to,
      ]);
      await this.audit.record(m, {
        actorId: actor.id,
        action: `project.milestone_${action}`,
        entityType: 'project_milestone',
        entityId: ms.id,
        changes: { projectId, kind: 'final_report', status: { from: ms.status, to: step.to }, automatic: true, note },
      });
    }
  }

  private async read(m: EntityManager, projectId: string, reportId: string): Promise<ReportDto> {
    const [row] = await m.query(`${REPORT_SELECT} WHERE r.id = $1 AND r.project_id = $2`, [reportId, projectId]);
    if (!row) throw new NotFoundError('Report', reportId);
    return toReportDto(row, this.clock.now());
  }

  private async lock(m: EntityManager, projectId: string, reportId: string, version?: number): Promise<LockedReport> {
    const [r]: LockedReport[] = await m.query(
      `SELECT id, kind, title, status, due_on::text AS due_on, version FROM project_reports WHERE id = $1 AND project_id = $2 FOR UPDATE`,
      [reportId, projectId],
    );
    if (!r) throw new NotFoundError('Report', reportId);
    if (version !== undefined && version !== r.version) {
      throw new ConflictError('STALE_VERSION', 'The report changed since it was read; reload it', { current: r.version });
    }
    return r;
  }

  private async figures(m: EntityManager, reportId: string): Promise<ReportFigures> {
    const [r] = await m.query(
      `SELECT enrolments, completions, employed_or_advanced, employer_partners, narrative,
              coalesce((SELECT json_agg(json_build_object('category', category, 'amountCents', amount_cents) ORDER BY category)
                          FROM project_report_spending WHERE report_id = $1), '[]') AS spending
         FROM project_reports WHERE id = $1`,
      [reportId],
    );
    return {
      enrolments: r.enrolments,
      completions: r.completions,
      employedOrAdvanced: r.employed_or_advanced,
      employerPartners: r.employer_partners,
      narrative: r.narrative,
      spending: (r.spending as { category: string; amountCents: string | number }[]).map((s) => ({
        category: s.category,
        amountCents: Number(s.amountCents),
      })),
    };
  }

  private async write(m: EntityManager, user: AuthUser, reportId: string, f: ReportFigures, status: ReportStatus): Promise<void> {
    await m.query(
      `UPDATE project_reports SET status = $2, enrolments = $3, completions = $4, employed_or_advanced = $5, employer_partners = $6,
              narrative = $7, saved_at = $8, saved_by = $9, version = version + 1
        WHERE id = $1`,
      [
        reportId,
        status,
        f.enrolments,
        f.completions,
        f.employedOrAdvanced,
        f.employerPartners,
        f.narrative,
        this.clock.now(),
        user.id,
      ],
    );
    await m.query(`DELETE FROM project_report_spending WHERE report_id = $1`, [reportId]);
    for (const line of f.spending) {
      await m.query(`INSERT INTO project_report_spending (report_id, category, amount_cents) VALUES ($1, $2, $3)`, [
        reportId,
        line.category,
        line.amountCents,
      ]);
    }
  }

  private changed(before: ReportFigures, after: ReportFigures): Record<string, { from: unknown; to: unknown }> {
    const out: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(after) as (keyof ReportFigures)[]) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: before[key], to: after[key] };
    }
    return out;
  }
}
