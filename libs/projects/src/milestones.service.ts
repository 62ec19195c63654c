import { AuditService } from '@cf/audit';
import { AuthUser, Clock, ConflictError, NotFoundError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { today } from './domain/overdue-policy';
import { AUTOMATIC_MILESTONES, MilestoneKind } from './domain/project-plan';
import { MILESTONE_MACHINE, MilestoneStatus, transition } from './domain/status-machines';
import { DeliverMilestoneDto, MilestoneDto, RescheduleDto } from './dto/project.dto';
import { assertRunning, ProjectAccess } from './project-access';
import { MILESTONE_SELECT, MilestoneRow, toMilestoneDto } from './project.queries';

/**
 * Milestones: the institution marks one delivered (with a note and a link to the evidence), an officer accepts it or
 * returns it with a comment; returned, it is delivered again. The agreement and the final report milestones follow
 * their records. Overdue: the due date has passed in Toronto (by the server's clock) and it is not accepted.
 */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
  ) {}

  async list(user: AuthUser, projectId: string): Promise<MilestoneDto[]> {
    const m = this.dataSource.manager;
    await this.access.loadReadable(m, user, projectId);
    const rows: MilestoneRow[] = await m.query(`${MILESTONE_SELECT} WHERE m.project_id = $1 ORDER BY m.position`, [projectId]);
    const now = this.clock.now();
    return rows.map((r) => toMilestoneDto(r, now));
  }

  async deliver(user: AuthUser, projectId: string, milestoneId: string, dto: DeliverMilestoneDto): Promise<MilestoneDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadOwn(m, user, projectId);
      assertRunning(p);
      const ms = await this.lock(m, projectId, milestoneId);
      if (AUTOMATIC_MILESTONES.includes(ms.kind)) {
        throw new ConflictError(
          'MILESTONE_AUTOMATIC',
          ms.kind === 'agreement_signed'
            ? 'This milestone is met when the agreement is signed'
            : 'This milestone is met when the final report is accepted',
          { kind: ms.kind },
        );
      }
      const step = transition(MILESTONE_MACHINE, 'milestone', ms.status, 'deliver');
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: ms.status });
      if (ms.kind === 'micro_credential_launched') {
        const [{ n }] = await m.query(
          `SELECT count(*)::int AS n FROM project_micro_credentials WHERE project_id = $1 AND launched_on <= $2::date`,
          [projectId, today(this.clock.now())],
        );
        if (n === 0) {
          throw new ConflictError(
            'NO_LAUNCHED_MICRO_CREDENTIAL',
            'Record the launch date of at least one micro-credential before delivering this milestone',
          );
        }
      }
      await m.query(
        `UPDATE project_milestones SET status = 'delivered', delivered_at = $2, delivered_by = $3, delivery_note = $4, evidence_url = $5,
                version = version + 1
          WHERE id = $1`,
        [milestoneId, this.clock.now(), user.id, dto.note.trim(), dto.evidenceUrl ?? null],
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: 'project.milestone_deliver',
        entityType: 'project_milestone',
        entityId: milestoneId,
        changes: {
          projectId,
          status: { from: ms.status, to: 'delivered' },
          note: dto.note.trim(),
          evidenceUrl: dto.evidenceUrl ?? null,
        },
      });
      return this.read(m, milestoneId);
    });
  }

  async review(
    officer: AuthUser,
    projectId: string,
    milestoneId: string,
    action: 'accept' | 'return',
    comment: string | undefined,
  ): Promise<MilestoneDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadForOfficer(m, officer, projectId);
      assertRunning(p);
      const ms = await this.lock(m, projectId, milestoneId);
      const step = transition(MILESTONE_MACHINE, 'milestone', ms.status, action);
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: ms.status });
      await m.query(
        `UPDATE project_milestones SET status = $2, reviewed_at = $3, reviewed_by = $4, review_comment = $5, version = version + 1 WHERE id = $1`,
        [milestoneId, step.to, this.clock.now(), officer.id, comment?.trim() || null],
      );
      await this.audit.record(m, {
        actorId: officer.id,
        action: `project.milestone_${action}`,
        entityType: 'project_milestone',
        entityId: milestoneId,
        changes: { projectId, status: { from: ms.status, to: step.to }, comment: comment?.trim() || null },
      });
      return this.read(m, milestoneId);
    });
  }

  /** An officer moves a due date (an amendment to the agreement), with the reason. */
  async reschedule(officer: AuthUser, projectId: string, milestoneId: string, dto: RescheduleDto): Promise<MilestoneDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadForOfficer(m, officer, projectId);
      assertRunning(p);
      const ms = await this.lock(m, projectId, milestoneId);
      const step = transition(MILESTONE_MACHINE, 'milestone', ms.status, 'reschedule');
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: ms.status });
      await m.query(`UPDATE project_milestones SET due_on = $2, version = version + 1 WHERE id = $1`, [milestoneId, dto.dueOn]);
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'project.milestone_reschedule',
        entityType: 'project_milestone',
        entityId: milestoneId,
        changes: { projectId, dueOn: { from: ms.due_on, to: dto.dueOn }, reason: dto.reason.trim() },
      });
      return this.read(m, milestoneId);
    });
  }

  private async read(m: EntityManager, id: string): Promise<MilestoneDto> {
    const [row] = await m.query(`${MILESTONE_SELECT} WHERE m.id = $1`, [id]);
    return toMilestoneDto(row, this.clock.now());
  }

  private async lock(
    m: EntityManager,
    projectId: string,
    milestoneId: string,
  ): Promise<{ id: string; kind: MilestoneKind; status: MilestoneStatus; due_on: string }> {
    const [ms] = await m.query(
      `SELECT id, kind, status, due_on::text AS due_on FROM project_milestones WHERE id = $1 AND project_id = $2 FOR UPDATE`,
      [milestoneId, projectId],
    );
    if (!ms) throw new NotFoundError('Milestone', milestoneId);
    return ms;
  }
}
