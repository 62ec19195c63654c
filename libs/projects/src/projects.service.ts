import { AuditService } from '@cf/audit';
import { AwardEvent, AwardEvents } from '@cf/awards';
import { formatCents } from '@cf/funds';
import { AuthUser, Clock, ConflictError, likePattern, ListQuery, NotFoundError, Page } from '@cf/platform';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { closeProblems } from './domain/closure';
import { today } from './domain/overdue-policy';
import { planProject } from './domain/project-plan';
import { PROJECT_MACHINE, ProjectStatus, transition } from './domain/status-machines';
import { ProjectDto } from './dto/project.dto';
import { ProjectAccess } from './project-access';
import { projectSelect, ProjectRow, toProjectDto } from './project.queries';

export interface ProjectFilter {
  id?: string[];
  q?: string;
  fundId?: string;
  institutionId?: string;
  status?: ProjectStatus;
  atRisk?: boolean;
  region?: string;
  institutionType?: string;
  sector?: string;
}

const SORTS: Record<string, string> = {
  awardedAt: 'x.awarded_at',
  title: 'x.title',
  trackingNumber: 'x.tracking_number',
  awardCents: 'x.award_cents',
  disbursedCents: 'x.disbursed_cents',
  status: 'x.status',
  endOn: 'x.end_on',
  institutionName: 'x.institution_name',
  nextDueOn: 'x.next_due_on',
};

interface ProposalForProject {
  id: string;
  institution_id: string;
  tracking_number: string | null;
  content: {
    title?: string;
    summary?: string;
    sectors?: string[];
    areasOfFocus?: string[];
    regionsServed?: string[];
    microCredentials?: {
      id?: string;
      title: string;
      hours?: number;
      deliveryMode?: string;
      plannedLaunch?: string;
      expectedEnrolment?: number;
      workIntegratedLearning?: boolean;
      stackable?: boolean;
    }[];
  };
}

/**
 * Funded projects: made from a confirmed award in the confirmation's own transaction (through `AwardEvents`, so the
 * awards context knows nothing of projects), cancelled when the award is rescinded before any payment, closed by an
 * officer when everything is done. Lists and reads go through `ProjectAccess`.
 */
@Injectable()
export class ProjectsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
    private readonly awardEvents: AwardEvents,
  ) {}

  onModuleInit(): void {
    this.awardEvents.onConfirmed(async (m, e) => {
      await this.createFromAward(m, e);
    });
    this.awardEvents.onRescinding((m, e) => this.cancelForRescind(m, e));
  }

  async list(user: AuthUser, query: ListQuery<ProjectFilter>): Promise<Page<ProjectDto>> {
    const params: unknown[] = [today(this.clock.now())];
    const where = [this.access.scope(user, params, 'x')];
    const f = query.filter;
    if (f.id) where.push(`x.id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.q) {
      const i = params.push(likePattern(f.q));
      where.push(`(x.title ILIKE $${i} OR x.tracking_number ILIKE $${i} OR x.institution_name ILIKE $${i})`);
    }
    if (f.fundId) where.push(`x.fund_id = $${params.push(f.fundId)}`);
    if (f.institutionId) where.push(`x.institution_id = $${params.push(f.institutionId)}`);
    if (f.status) where.push(`x.status = $${params.push(f.status)}`);
    if (f.atRisk !== undefined) where.push(`${f.atRisk ? '' : 'NOT '}(x.overdue_milestones + x.overdue_reports > 0)`);
    if (f.region) {
      const i = params.push(f.region);
      where.push(`(x.region = $${i} OR $${i} = ANY(x.regions_served))`);
    }
    if (f.institutionType) where.push(`x.institution_type = $${params.push(f.institutionType)}`);
    if (f.sector) where.push(`$${params.push(f.sector)} = ANY(x.sectors)`);
    const sql = `SELECT * FROM (${projectSelect('$1')}) x WHERE ${where.join(' AND ')}`;
    const m = this.dataSource.manager;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM (${sql}) c`, params);
    const order = SORTS[query.sort.field] ?? 'x.awarded_at';
    const rows: ProjectRow[] = await m.query(
      `${sql} ORDER BY ${order} ${query.sort.order} NULLS LAST, x.id LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    return { items: rows.map(toProjectDto), total };
  }

  async get(user: AuthUser, id: string, m: EntityManager = this.dataSource.manager): Promise<ProjectDto> {
    await this.access.loadReadable(m, user, id);
    return this.read(m, id);
  }

  /** The project as staff see it (no access check: callers checked). */
  async read(m: EntityManager, id: string): Promise<ProjectDto> {
    const [row] = await m.query(`${projectSelect('$1')} WHERE pr.id = $2`, [today(this.clock.now()), id]);
    if (!row) throw new NotFoundError('Project', id);
    return toProjectDto(row);
  }

  /**
   * A confirmed award becomes a project, in the confirmation's transaction: the proposal as submitted (title,
   * sectors, micro-credentials), the award as the amount (a partial award's project gets what was awarded), and the
   * default schedule from the confirmation date in Toronto. Idempotent: one project per award decision.
   */
  async createFromAward(m: EntityManager, e: AwardEvent): Promise<string | null> {
    const [p]: ProposalForProject[] = await m.query(
      `SELECT p.id, p.institution_id, p.tracking_number,
              coalesce(s.snapshot, jsonb_build_object('title', p.title, 'summary', p.summary, 'sectors', to_jsonb(p.sectors),
                       'areasOfFocus', to_jsonb(p.areas_of_focus), 'regionsServed', to_jsonb(p.regions_served),
                       'microCredentials', p.micro_credentials)) AS content
         FROM proposals p
         LEFT JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
        WHERE p.id = $1`,
      [e.proposalId],
    );
    if (!p) throw new NotFoundError('Proposal', e.proposalId);
    const c = p.content ?? {};
    const plan = planProject(e.amountCents, today(e.at));
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO projects (award_decision_id, fund_id, proposal_id, institution_id, tracking_number, title, summary, sectors,
                             areas_of_focus, regions_served, award_cents, awarded_at, start_on, end_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (award_decision_id) DO NOTHING RETURNING id`,
      [
        e.decisionId,
        e.fundId,
        p.id,
        p.institution_id,
        p.tracking_number,
        (c.title ?? '').trim() || p.tracking_number || 'Funded project',
        c.summary ?? '',
        c.sectors ?? [],
        c.areasOfFocus ?? [],
        c.regionsServed ?? [],
        e.amountCents,
        e.at,
        plan.startOn,
        plan.endOn,
      ],
    );
    if (!inserted.length) return null; // this award already has its project
    const projectId = inserted[0].id;
    const milestoneIds: string[] = [];
    for (const ms of plan.milestones) {
      const [row] = await m.query(
        `INSERT INTO project_milestones (project_id, position, kind, title, deliverable, due_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [projectId, ms.position, ms.kind, ms.title, ms.deliverable, ms.dueOn],
      );
      milestoneIds.push(row.id);
    }
    for (const t of plan.tranches) {
      await m.query(
        `INSERT INTO project_tranches (project_id, position, milestone_id, basis_points, amount_cents) VALUES ($1, $2, $3, $4, $5)`,
        [projectId, t.position, milestoneIds[t.milestonePosition], t.basisPoints, t.amountCents],
      );
    }
    for (const r of plan.reports) {
      await m.query(`INSERT INTO project_reports (project_id, position, kind, title, due_on) VALUES ($1, $2, $3, $4, $5)`, [
        projectId,
        r.position,
        r.kind,
        r.title,
        r.dueOn,
      ]);
    }
    const credentials = (c.microCredentials ?? []).filter((mc) => (mc.title ?? '').trim());
    for (const mc of credentials) {
      await m.query(
        `INSERT INTO project_micro_credentials (project_id, proposal_item_id, title, sector, area_of_focus, delivery_mode, hours,
                                                planned_launch_on, expected_enrolment, work_integrated_learning, stackable)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          projectId,
          mc.id ?? null,
          mc.title.trim(),
          c.sectors?.[0] ?? 'other',
          c.areasOfFocus?.[0] ?? '',
          ['online', 'in_person', 'hybrid'].includes(mc.deliveryMode ?? '') ? mc.deliveryMode : 'online',
          Number.isInteger(mc.hours) && mc.hours! >= 0 ? mc.hours : 0,
          /^\d{4}-\d{2}-\d{2}$/.test(mc.plannedLaunch ?? '') ? mc.plannedLaunch : null,
          Number.isInteger(mc.expectedEnrolment) && mc.expectedEnrolment! >= 0 ? mc.expectedEnrolment : 0,
          mc.workIntegratedLearning === true,
          mc.stackable === true,
        ],
      );
    }
    await this.audit.record(m, {
      actorId: e.actor.id,
      action: 'project.create',
      entityType: 'project',
      entityId: projectId,
      changes: {
        awardDecisionId: e.decisionId,
        proposalId: p.id,
        awardCents: e.amountCents,
        startOn: plan.startOn,
        endOn: plan.endOn,
        tranches: plan.tranches.map((t) => ({ basisPoints: t.basisPoints, amountCents: t.amountCents })),
        milestones: plan.milestones.map((ms) => ({ kind: ms.kind, dueOn: ms.dueOn })),
        reports: plan.reports.map((r) => ({ kind: r.kind, dueOn: r.dueOn })),
        microCredentials: credentials.length,
      },
    });
    return projectId;
  }

  /** Rescinding an award: refused once the project was paid anything (409), otherwise the project is cancelled. */
  async cancelForRescind(m: EntityManager, e: AwardEvent): Promise<void> {
    const [p]: { id: string; status: ProjectStatus; disbursed_cents: string }[] = await m.query(
      `SELECT id, status, disbursed_cents FROM projects WHERE award_decision_id = $1 FOR UPDATE`,
      [e.decisionId],
    );
    if (!p) return;
    const disbursed = Number(p.disbursed_cents);
    if (disbursed > 0) {
      throw new ConflictError(
        'PROJECT_DISBURSED',
        `${formatCents(disbursed)} was already paid to this award's project; an award with money paid out cannot be rescinded`,
        { projectId: p.id, disbursedCents: disbursed },
      );
    }
    if (p.status === 'cancelled') return;
    const step = transition(PROJECT_MACHINE, 'project', p.status, 'cancel');
    if (!step.ok) throw new ConflictError(step.code, step.message, { projectId: p.id, status: p.status });
    await m.query(
      `UPDATE projects SET status = 'cancelled', cancelled_at = $2, cancel_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [p.id, e.at, e.reason ?? null],
    );
    await this.audit.record(m, {
      actorId: e.actor.id,
      action: 'project.cancel',
      entityType: 'project',
      entityId: p.id,
      changes: { status: { from: p.status, to: 'cancelled' }, awardDecisionId: e.decisionId, reason: e.reason ?? null },
    });
  }

  /** An officer closes a project whose milestones and reports are all accepted and whose tranches are all paid. */
  async close(officer: AuthUser, id: string, note: string | undefined): Promise<ProjectDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadForOfficer(m, officer, id, true);
      const step = transition(PROJECT_MACHINE, 'project', p.status, 'close');
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: p.status });
      const problems = closeProblems({
        milestones: await m.query(`SELECT title, status FROM project_milestones WHERE project_id = $1 ORDER BY position`, [id]),
        reports: await m.query(`SELECT title, status FROM project_reports WHERE project_id = $1 ORDER BY position`, [id]),
        tranches: await m.query(`SELECT position, status FROM project_tranches WHERE project_id = $1 ORDER BY position`, [id]),
      });
      if (problems.length) {
        throw new ConflictError('PROJECT_NOT_CLOSABLE', `The project cannot close yet: ${problems.join('; ')}`, { problems });
      }
      const now = this.clock.now();
      await m.query(
        `UPDATE projects SET status = 'closed', closed_at = $2, closed_by = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, now, officer.id],
      );
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'project.close',
        entityType: 'project',
        entityId: id,
        changes: { status: { from: p.status, to: 'closed' }, note: note?.trim() || null },
      });
      return this.read(m, id);
    });
  }
}
