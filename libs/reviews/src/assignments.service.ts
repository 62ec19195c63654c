import { AuditService } from '@cf/audit';
import { formatLocalDateTime, OutboxService } from '@cf/notifications';
import { AuthUser, Clock, ConflictError, formatZoned, ListQuery, NotFoundError, Page, ValidationFailedError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentPair, expertiseCost, solveAssignment } from './domain/assignment-solver';
import { conflictPredicate, conflictsOf } from './domain/conflicts';
import {
  AssignmentDto,
  AutoAssignDto,
  AutoAssignResultDto,
  ConflictDto,
  CreateAssignmentDto,
  ReviewerOptionDto,
  ReviewProgressDto,
  ReviewStatus,
} from './dto/assignment.dto';
import {
  findDeclaredConflicts,
  findLoads,
  findProposalReviewFacts,
  findReviewers,
  findReviewSettings,
  ProposalReviewFacts,
  REVIEWABLE_STATUSES,
  ReviewerRecord,
  torontoToday,
} from './review.queries';
import { ReviewStage } from './review-stage';

export interface AssignmentFilter {
  fundId?: string;
  reviewerId?: string;
  proposalId?: string;
  reviewStatus?: ReviewStatus;
  overdue?: boolean;
}

export interface ConflictFilter {
  fundId?: string;
  proposalId?: string;
  reviewerId?: string;
}

const STAFF = ['program_officer', 'approver', 'admin'];
const DAY_MS = 86_400_000;

const ASSIGNMENT_SORT: Record<string, string> = {
  dueAt: 'a.due_at',
  createdAt: 'a.created_at',
  trackingNumber: 'p.tracking_number',
  reviewerName: 'u.display_name',
};

const ASSIGNMENT_SELECT = `
  SELECT a.id, a.fund_id, f.code AS fund_code, f.time_zone, a.proposal_id, p.tracking_number,
         coalesce(s.snapshot->>'title', p.title) AS title, i.name AS institution_name,
         a.reviewer_id, u.display_name AS reviewer_name, a.source, a.due_at, a.created_at,
         rv.id AS review_id, coalesce(rv.status, 'not_started') AS review_status, rv.submitted_at
    FROM review_assignments a
    JOIN funds f ON f.id = a.fund_id
    JOIN proposals p ON p.id = a.proposal_id
    JOIN institutions i ON i.id = p.institution_id
    JOIN users u ON u.id = a.reviewer_id
    LEFT JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
    LEFT JOIN reviews rv ON rv.assignment_id = a.id`;

interface AssignmentRow {
  id: string;
  fund_id: string;
  fund_code: string;
  time_zone: string;
  proposal_id: string;
  tracking_number: string | null;
  title: string;
  institution_name: string;
  reviewer_id: string;
  reviewer_name: string;
  source: string;
  due_at: Date;
  created_at: Date;
  review_id: string | null;
  review_status: ReviewStatus;
  submitted_at: Date | null;
}

function toAssignmentDto(r: AssignmentRow, now: Date): AssignmentDto {
  const dueAt = new Date(r.due_at);
  return {
    id: r.id,
    fundId: r.fund_id,
    fundCode: r.fund_code,
    proposalId: r.proposal_id,
    trackingNumber: r.tracking_number,
    proposalTitle: r.title,
    institutionName: r.institution_name,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    source: r.source,
    dueAt: dueAt.toISOString(),
    dueAtLocal: formatZoned(dueAt, r.time_zone),
    overdue: r.review_status !== 'submitted' && dueAt.getTime() < now.getTime(),
    reviewStatus: r.review_status,
    reviewId: r.review_id,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

function parseDueAt(value: string | undefined, now: Date, reviewDays: number): Date {
  if (value === undefined) return new Date(now.getTime() + reviewDays * DAY_MS);
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new ValidationFailedError([{ field: 'dueAt', reason: 'is not a valid instant' }]);
  if (at.getTime() <= now.getTime()) throw new ValidationFailedError([{ field: 'dueAt', reason: 'must be in the future' }]);
  return at;
}

/**
 * Who reviews what: manual and automatic assignment, moves, removals, declared conflicts, progress.
 * Every writer of a reviewer's assignments locks the reviewer's row first (in id order when several), so a
 * maximum load holds under concurrency; the database refuses a second active assignment of the same pair.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly stage: ReviewStage,
  ) {}

  // ---------------------------------------------------------------- reads

  async list(user: AuthUser, query: ListQuery<AssignmentFilter & { id?: string[] }>): Promise<Page<AssignmentDto>> {
    const now = this.clock.now();
    const params: unknown[] = [];
    const where = ['a.removed_at IS NULL'];
    if (!user.roles.some((r) => STAFF.includes(r))) where.push(`a.reviewer_id = $${params.push(user.id)}`);
    const f = query.filter;
    if (f.id) where.push(`a.id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.fundId) where.push(`a.fund_id = $${params.push(f.fundId)}`);
    if (f.reviewerId) where.push(`a.reviewer_id = $${params.push(f.reviewerId)}`);
    if (f.proposalId) where.push(`a.proposal_id = $${params.push(f.proposalId)}`);
    if (f.reviewStatus) where.push(`coalesce(rv.status, 'not_started') = $${params.push(f.reviewStatus)}`);
    if (f.overdue !== undefined) {
      where.push(
        `${f.overdue ? '' : 'NOT '}(a.due_at < $${params.push(now)} AND coalesce(rv.status, 'not_started') <> 'submitted')`,
      );
    }
    const m = this.dataSource.manager;
    const filtered = `${ASSIGNMENT_SELECT} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM (${filtered}) x`, params);
    const rows: AssignmentRow[] = await m.query(
      `${filtered} ORDER BY ${ASSIGNMENT_SORT[query.sort.field] ?? 'a.due_at'} ${query.sort.order} NULLS LAST, a.id
       LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    return { items: rows.map((r) => toAssignmentDto(r, now)), total };
  }

  async get(user: AuthUser, id: string): Promise<AssignmentDto> {
    const row = await this.findActive(this.dataSource.manager, id);
    if (!row || (!user.roles.some((r) => STAFF.includes(r)) && row.reviewer_id !== user.id)) {
      throw new NotFoundError('Assignment', id);
    }
    return toAssignmentDto(row, this.clock.now());
  }

  private async findActive(m: EntityManager, id: string): Promise<AssignmentRow | undefined> {
    const [row] = await m.query(`${ASSIGNMENT_SELECT} WHERE a.id = $1 AND a.removed_at IS NULL`, [id]);
    return row;
  }

  // ---------------------------------------------------------------- manual

  async create(officer: AuthUser, dto: CreateAssignmentDto): Promise<AssignmentDto> {
    return this.dataSource.transaction(async (m) => {
      const id = await this.assignOne(m, officer, dto.proposalId, dto.reviewerId, dto.dueAt);
      await this.stage.sync(m, officer, [dto.proposalId]);
      return toAssignmentDto((await this.findActive(m, id))!, this.clock.now());
    });
  }

  /** Moves an unsubmitted assignment to another reviewer (the same checks as a new assignment). */
  async move(officer: AuthUser, id: string, reviewerId: string, reason: string | undefined): Promise<AssignmentDto> {
    return this.dataSource.transaction(async (m) => {
      const old = await this.lockForRemoval(m, id);
      await this.removeRow(m, officer, old, reason?.trim() || `moved to another reviewer`);
      const newId = await this.assignOne(m, officer, old.proposal_id, reviewerId, new Date(old.due_at).toISOString(), true);
      await this.stage.sync(m, officer, [old.proposal_id]);
      return toAssignmentDto((await this.findActive(m, newId))!, this.clock.now());
    });
  }

  async remove(officer: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const old = await this.lockForRemoval(m, id);
      await this.removeRow(m, officer, old, 'removed by a program officer');
      await this.stage.sync(m, officer, [old.proposal_id]);
    });
  }

  private async lockForRemoval(m: EntityManager, id: string) {
    const [a] = await m.query(
      `SELECT a.id, a.proposal_id, a.reviewer_id, a.fund_id, a.due_at, rv.status AS review_status
         FROM review_assignments a LEFT JOIN reviews rv ON rv.assignment_id = a.id
        WHERE a.id = $1 AND a.removed_at IS NULL FOR UPDATE OF a`,
      [id],
    );
    if (!a) throw new NotFoundError('Assignment', id);
    if (a.review_status === 'submitted') {
      throw new ConflictError('REVIEW_SUBMITTED', 'The review of this assignment was submitted; reopen it first', {
        assignmentId: id,
      });
    }
    return a as { id: string; proposal_id: string; reviewer_id: string; fund_id: string; due_at: Date };
  }

  private async removeRow(
    m: EntityManager,
    actor: AuthUser,
    a: { id: string; proposal_id: string; reviewer_id: string },
    reason: string,
  ): Promise<void> {
    await m.query(`UPDATE review_assignments SET removed_at = now(), removed_by = $2, removed_reason = $3 WHERE id = $1`, [
      a.id,
      actor.id,
      reason,
    ]);
    await this.audit.record(m, {
      actorId: actor.id,
      action: 'assignment.remove',
      entityType: 'review_assignment',
      entityId: a.id,
      changes: { proposalId: a.proposal_id, reviewerId: a.reviewer_id, reason },
    });
  }

  /** One assignment with every check: reviewable proposal, active reviewer, no conflict, load under the maximum. */
  private async assignOne(
    m: EntityManager,
    officer: AuthUser,
    proposalId: string,
    reviewerId: string,
    dueAtInput: string | undefined,
    keepDue = false,
  ): Promise<string> {
    const now = this.clock.now();
    const [facts] = await findProposalReviewFacts(m, { ids: [proposalId] });
    if (!facts) throw new ValidationFailedError([{ field: 'proposalId', reason: 'is not a proposal' }]);
    if (!(REVIEWABLE_STATUSES as readonly string[]).includes(facts.status)) {
      throw new ConflictError(
        'NOT_REVIEWABLE',
        `A ${facts.status} proposal cannot be assigned for review; screen it eligible first`,
        {
          status: facts.status,
        },
      );
    }
    const [reviewer] = await findReviewers(m, [reviewerId], true);
    if (!reviewer) throw new ValidationFailedError([{ field: 'reviewerId', reason: 'is not in the reviewer pool' }]);
    if (!reviewer.active) throw new ConflictError('REVIEWER_INACTIVE', `${reviewer.displayName} is not an active reviewer`);
    const settings = (await findReviewSettings(m, facts.fundId))!;
    const conflicts = this.describeConflicts(
      reviewer,
      facts,
      settings.conflictLookbackYears,
      await findDeclaredConflicts(m, [facts.id]),
    );
    if (conflicts.length) {
      throw new ConflictError(
        'CONFLICT_OF_INTEREST',
        `${reviewer.displayName} has a conflict of interest with this proposal: ${conflicts.map((c) => c.detail).join('; ')}`,
        { conflicts },
      );
    }
    const [already] = await m.query(
      `SELECT 1 FROM review_assignments WHERE proposal_id = $1 AND reviewer_id = $2 AND removed_at IS NULL`,
      [proposalId, reviewerId],
    );
    if (already) throw new ConflictError('ALREADY_ASSIGNED', `${reviewer.displayName} is already assigned to this proposal`);
    const load = (await findLoads(m, facts.fundId)).get(reviewerId) ?? 0;
    if (load >= reviewer.maxLoad) {
      throw new ConflictError(
        'MAX_LOAD',
        `${reviewer.displayName} already has ${load} of at most ${reviewer.maxLoad} assignments in this fund`,
        {
          load,
          maxLoad: reviewer.maxLoad,
        },
      );
    }
    const dueAt = keepDue && dueAtInput ? new Date(dueAtInput) : parseDueAt(dueAtInput, now, settings.reviewDays);
    const rows: { id: string }[] = await m.query(
      `INSERT INTO review_assignments (fund_id, proposal_id, reviewer_id, source, due_at, assigned_by)
       VALUES ($1, $2, $3, 'manual', $4, $5)
       ON CONFLICT (proposal_id, reviewer_id) WHERE removed_at IS NULL DO NOTHING RETURNING id`,
      [facts.fundId, proposalId, reviewerId, dueAt, officer.id],
    );
    if (!rows.length) throw new ConflictError('ALREADY_ASSIGNED', `${reviewer.displayName} is already assigned to this proposal`);
    await this.audit.record(m, {
      actorId: officer.id,
      action: 'assignment.create',
      entityType: 'review_assignment',
      entityId: rows[0].id,
      changes: { proposalId, reviewerId, source: 'manual', dueAt: dueAt.toISOString() },
    });
    await this.notifyAssigned(m, reviewer, facts.fundId, [facts], dueAt);
    return rows[0].id;
  }

  /**
   * Automatic and declared conflicts of one reviewer on one proposal, as people read them. `declared` is the
   * proposal's declared conflicts (findDeclaredConflicts), loaded once by the caller.
   */
  private describeConflicts(
    reviewer: ReviewerRecord,
    facts: ProposalReviewFacts,
    lookbackYears: number,
    declared: Map<string, string>,
  ) {
    const reason = declared.get(`${facts.id}:${reviewer.id}`);
    const auto = conflictsOf(reviewer, facts, torontoToday(this.clock.now()), lookbackYears).map((c) => ({
      reason: c.reason,
      detail:
        c.reason === 'lead_institution'
          ? `affiliated with the lead institution (${c.affiliation}${c.endedOn ? `, until ${c.endedOn}` : ''})`
          : `affiliated with the partner ${c.matched} (${c.affiliation}${c.endedOn ? `, until ${c.endedOn}` : ''})`,
    }));
    return reason ? [...auto, { reason: 'declared', detail: `declared: ${reason}` }] : auto;
  }

  private async notifyAssigned(
    m: EntityManager,
    reviewer: ReviewerRecord,
    fundId: string,
    proposals: Pick<ProposalReviewFacts, 'trackingNumber' | 'title'>[],
    dueAt: Date,
  ): Promise<void> {
    if (!proposals.length) return;
    const [fund] = await m.query(`SELECT name_en, name_fr, time_zone FROM funds WHERE id = $1`, [fundId]);
    const lang = reviewer.preferredLanguage;
    await this.outbox.enqueueMail(m, {
      to: reviewer.email,
      language: lang,
      template: 'review_assignment',
      data: {
        fundName: lang === 'fr' ? fund.name_fr : fund.name_en,
        proposals: proposals.map((p) => `${p.trackingNumber ?? ''} – ${p.title}`),
        dueAtLocal: formatLocalDateTime(dueAt, lang, fund.time_zone),
      },
    });
  }

  // ---------------------------------------------------------------- automatic

  /**
   * Assigns k reviewers to every reviewable proposal of the fund with an exact min-cost flow: existing
   * assignments are kept, conflicted pairs (automatic or declared) and inactive reviewers are never used,
   * loads stay within each reviewer's maximum, shared expertise is preferred, and shortfalls are explained.
   * One run per fund at a time (advisory lock), in one transaction.
   */
  async autoAssign(officer: AuthUser, fundId: string, dto: AutoAssignDto): Promise<AutoAssignResultDto> {
    const started = performance.now();
    return this.dataSource.transaction(async (m) => {
      const settings = await findReviewSettings(m, fundId);
      if (!settings) throw new NotFoundError('Fund', fundId);
      const now = this.clock.now();
      const k = dto.k ?? settings.reviewersPerProposal;
      const dueAt = parseDueAt(dto.dueAt, now, settings.reviewDays);
      await m.query(`SELECT pg_advisory_xact_lock(7402, hashtext($1))`, [fundId]);
      const reviewers = await findReviewers(m, undefined, true);
      const proposals = await findProposalReviewFacts(m, { fundId, reviewableOnly: true });
      const existingRows: { proposal_id: string; reviewer_id: string }[] = await m.query(
        `SELECT proposal_id, reviewer_id FROM review_assignments WHERE fund_id = $1 AND removed_at IS NULL`,
        [fundId],
      );
      const existing: AssignmentPair[] = existingRows.map((r) => ({ proposalId: r.proposal_id, reviewerId: r.reviewer_id }));
      const declared = await findDeclaredConflicts(
        m,
        proposals.map((p) => p.id),
      );
      const today = torontoToday(now);
      const proposalById = new Map(proposals.map((p) => [p.id, p]));
      const reviewerById = new Map(reviewers.map((r) => [r.id, r]));
      const active = reviewers.filter((r) => r.active);
      const automatic = conflictPredicate(active, proposals, today, settings.conflictLookbackYears);
      const forbidden = (proposalId: string, reviewerId: string): boolean =>
        declared.has(`${proposalId}:${reviewerId}`) || automatic(proposalId, reviewerId);
      const result = solveAssignment({
        proposals,
        reviewers: active.map((r) => ({ id: r.id, maxLoad: r.maxLoad, sectors: r.sectors, regions: r.regions })),
        k,
        forbidden,
        existing,
      });
      const byReviewer = new Map<string, string[]>();
      for (const a of result.assignments) byReviewer.set(a.reviewerId, [...(byReviewer.get(a.reviewerId) ?? []), a.proposalId]);
      if (!dto.dryRun && result.assignments.length) {
        await m.query(
          `INSERT INTO review_assignments (fund_id, proposal_id, reviewer_id, source, due_at, assigned_by)
           SELECT $1, x.proposal_id, x.reviewer_id, 'auto', $4, $5
             FROM unnest($2::uuid[], $3::uuid[]) AS x(proposal_id, reviewer_id)`,
          [fundId, result.assignments.map((a) => a.proposalId), result.assignments.map((a) => a.reviewerId), dueAt, officer.id],
        );
        for (const [reviewerId, ids] of byReviewer) {
          await this.notifyAssigned(
            m,
            reviewerById.get(reviewerId)!,
            fundId,
            ids.map((id) => proposalById.get(id)!),
            dueAt,
          );
        }
        await this.stage.sync(m, officer, [...new Set(result.assignments.map((a) => a.proposalId))]);
      }
      const loads = await findLoads(m, fundId);
      const response: AutoAssignResultDto = {
        fundId,
        k,
        dryRun: dto.dryRun ?? false,
        proposals: proposals.length,
        created: result.assignments.length,
        kept: existing.filter((e) => proposalById.has(e.proposalId)).length,
        unmet: result.unmet.map((u) => {
          const p = proposalById.get(u.proposalId)!;
          return {
            proposalId: u.proposalId,
            trackingNumber: p.trackingNumber,
            title: p.title,
            assigned: k - u.missing,
            missing: u.missing,
            cause: u.cause,
            explanation: u.reason,
          };
        }),
        loads: active.map((r) => ({
          reviewerId: r.id,
          displayName: r.displayName,
          load: dto.dryRun ? (loads.get(r.id) ?? 0) + (byReviewer.get(r.id)?.length ?? 0) : (loads.get(r.id) ?? 0),
          maxLoad: r.maxLoad,
        })),
        durationMs: Math.round(performance.now() - started),
      };
      await this.audit.record(m, {
        actorId: officer.id,
        action: dto.dryRun ? 'fund.auto_assign_dry_run' : 'fund.auto_assign',
        entityType: 'fund',
        entityId: fundId,
        changes: { k, dueAt: dueAt.toISOString(), created: response.created, kept: response.kept, unmet: response.unmet.length },
      });
      return response;
    });
  }

  // ---------------------------------------------------------------- conflicts

  /** The assigned reviewer declares a conflict: recorded with the reason, the assignment removed. */
  async declareConflict(reviewer: AuthUser, assignmentId: string, reason: string): Promise<ConflictDto> {
    return this.dataSource.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT a.id, a.proposal_id, a.reviewer_id, rv.status AS review_status FROM review_assignments a
           LEFT JOIN reviews rv ON rv.assignment_id = a.id
          WHERE a.id = $1 AND a.removed_at IS NULL FOR UPDATE OF a`,
        [assignmentId],
      );
      if (!a || a.reviewer_id !== reviewer.id) throw new NotFoundError('Assignment', assignmentId);
      if (a.review_status === 'submitted') {
        throw new ConflictError('REVIEW_SUBMITTED', 'Your review was submitted; ask a program officer to reopen it first');
      }
      return this.recordConflictIn(m, reviewer, a.proposal_id, reviewer.id, reason, 'reviewer');
    });
  }

  /** An officer records a conflict (from a disclosure, say): the reviewer is never assigned to the proposal again. */
  async recordConflict(officer: AuthUser, proposalId: string, reviewerId: string, reason: string): Promise<ConflictDto> {
    return this.dataSource.transaction(async (m) => {
      const [p] = await m.query(`SELECT id FROM proposals WHERE id = $1 AND submitted_version > 0`, [proposalId]);
      if (!p) throw new ValidationFailedError([{ field: 'proposalId', reason: 'is not a submitted proposal' }]);
      const [r] = await findReviewers(m, [reviewerId], true);
      if (!r) throw new ValidationFailedError([{ field: 'reviewerId', reason: 'is not in the reviewer pool' }]);
      const [submitted] = await m.query(
        `SELECT 1 FROM review_assignments a JOIN reviews rv ON rv.assignment_id = a.id AND rv.status = 'submitted'
          WHERE a.proposal_id = $1 AND a.reviewer_id = $2 AND a.removed_at IS NULL`,
        [proposalId, reviewerId],
      );
      if (submitted)
        throw new ConflictError('REVIEW_SUBMITTED', 'This reviewer submitted a review of the proposal; reopen it first');
      return this.recordConflictIn(m, officer, proposalId, reviewerId, reason, 'officer');
    });
  }

  private async recordConflictIn(
    m: EntityManager,
    actor: AuthUser,
    proposalId: string,
    reviewerId: string,
    reason: string,
    source: 'reviewer' | 'officer',
  ): Promise<ConflictDto> {
    const text = reason.trim();
    const rows: { id: string }[] = await m.query(
      `INSERT INTO review_conflicts (proposal_id, reviewer_id, source, reason, recorded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (proposal_id, reviewer_id) DO NOTHING RETURNING id`,
      [proposalId, reviewerId, source, text, actor.id],
    );
    if (!rows.length) throw new ConflictError('CONFLICT_ALREADY_RECORDED', 'This conflict of interest is already recorded');
    const [removed]: [{ id: string }[], number] = await m.query(
      `UPDATE review_assignments SET removed_at = now(), removed_by = $3, removed_reason = 'conflict of interest (declared)'
        WHERE proposal_id = $1 AND reviewer_id = $2 AND removed_at IS NULL RETURNING id`,
      [proposalId, reviewerId, actor.id],
    );
    await this.audit.record(m, {
      actorId: actor.id,
      action: 'conflict.record',
      entityType: 'review_conflict',
      entityId: rows[0].id,
      changes: { proposalId, reviewerId, source, reason: text, removedAssignments: removed.map((r) => r.id) },
    });
    await this.stage.sync(m, actor, [proposalId]);
    return (
      await this.listConflicts(
        { filter: { id: [rows[0].id] }, offset: 0, limit: 1, sort: { field: 'createdAt', order: 'DESC' } },
        m,
      )
    ).items[0];
  }

  async listConflicts(
    query: ListQuery<ConflictFilter & { id?: string[] }>,
    m: EntityManager = this.dataSource.manager,
  ): Promise<Page<ConflictDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const f = query.filter;
    if (f.id) where.push(`c.id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.fundId) where.push(`p.fund_id = $${params.push(f.fundId)}`);
    if (f.proposalId) where.push(`c.proposal_id = $${params.push(f.proposalId)}`);
    if (f.reviewerId) where.push(`c.reviewer_id = $${params.push(f.reviewerId)}`);
    const from = `FROM review_conflicts c JOIN proposals p ON p.id = c.proposal_id JOIN users u ON u.id = c.reviewer_id
                  ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await m.query(
      `SELECT c.id, c.proposal_id, p.tracking_number, c.reviewer_id, u.display_name, c.reason, c.source, c.recorded_by, c.created_at
       ${from} ORDER BY c.created_at ${query.sort.order}, c.id LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    return {
      total,
      items: rows.map((r: Record<string, string | Date>) => ({
        id: r.id as string,
        proposalId: r.proposal_id as string,
        trackingNumber: r.tracking_number as string | null,
        reviewerId: r.reviewer_id as string,
        reviewerName: r.display_name as string,
        reason: r.reason as string,
        source: r.source as string,
        recordedBy: r.recorded_by as string,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }

  // ---------------------------------------------------------------- board

  async progress(fundId: string): Promise<ReviewProgressDto> {
    const m = this.dataSource.manager;
    const [fund] = await m.query(`SELECT id FROM funds WHERE id = $1`, [fundId]);
    if (!fund) throw new NotFoundError('Fund', fundId);
    const now = this.clock.now();
    const rows: Record<string, number | string>[] = await m.query(
      `SELECT r.user_id AS reviewer_id, u.display_name, r.max_load,
              count(a.id)::int AS assigned,
              count(a.id) FILTER (WHERE rv.status = 'submitted')::int AS submitted,
              count(a.id) FILTER (WHERE rv.status = 'draft')::int AS draft,
              count(a.id) FILTER (WHERE rv.id IS NULL)::int AS not_started,
              count(a.id) FILTER (WHERE a.due_at < $2 AND coalesce(rv.status, '') <> 'submitted')::int AS overdue
         FROM reviewers r
         JOIN users u ON u.id = r.user_id
         LEFT JOIN review_assignments a ON a.reviewer_id = r.user_id AND a.fund_id = $1 AND a.removed_at IS NULL
         LEFT JOIN reviews rv ON rv.assignment_id = a.id
        WHERE r.active OR a.id IS NOT NULL
        GROUP BY r.user_id, u.display_name, r.max_load
        ORDER BY u.display_name, r.user_id`,
      [fundId, now],
    );
    const [{ proposals }] = await m.query(
      `SELECT count(*)::int AS proposals FROM proposals WHERE fund_id = $1 AND status = ANY($2::text[])`,
      [fundId, [...REVIEWABLE_STATUSES]],
    );
    const reviewers = rows.map((r) => ({
      reviewerId: r.reviewer_id as string,
      displayName: r.display_name as string,
      maxLoad: Number(r.max_load),
      assigned: Number(r.assigned),
      submitted: Number(r.submitted),
      draft: Number(r.draft),
      notStarted: Number(r.not_started),
      overdue: Number(r.overdue),
    }));
    const sum = (key: 'assigned' | 'submitted' | 'draft' | 'notStarted' | 'overdue') => reviewers.reduce((s, r) => s + r[key], 0);
    return {
      totals: {
        proposals,
        assignments: sum('assigned'),
        submitted: sum('submitted'),
        draft: sum('draft'),
        notStarted: sum('notStarted'),
        overdue: sum('overdue'),
      },
      reviewers,
    };
  }

  /** Every active reviewer as a candidate for the proposal: load, expertise, and why they cannot take it. */
  async options(proposalId: string): Promise<ReviewerOptionDto[]> {
    const m = this.dataSource.manager;
    const [facts] = await findProposalReviewFacts(m, { ids: [proposalId] });
    if (!facts || !facts.trackingNumber) throw new NotFoundError('Proposal', proposalId);
    const settings = (await findReviewSettings(m, facts.fundId))!;
    const reviewers = (await findReviewers(m)).filter((r) => r.active);
    const loads = await findLoads(m, facts.fundId);
    const assigned = new Set(
      (
        await m.query(`SELECT reviewer_id FROM review_assignments WHERE proposal_id = $1 AND removed_at IS NULL`, [proposalId])
      ).map((r: { reviewer_id: string }) => r.reviewer_id),
    );
    const declared = await findDeclaredConflicts(m, [proposalId]);
    const out: ReviewerOptionDto[] = [];
    for (const r of reviewers) {
      out.push({
        reviewerId: r.id,
        displayName: r.displayName,
        load: loads.get(r.id) ?? 0,
        maxLoad: r.maxLoad,
        expertise: expertiseCost(facts, r),
        assigned: assigned.has(r.id),
        conflicts: this.describeConflicts(r, facts, settings.conflictLookbackYears, declared),
      });
    }
    return out.sort((a, b) => a.conflicts.length - b.conflicts.length || a.expertise - b.expertise || a.load - b.load);
  }
}
