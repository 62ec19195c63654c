import { AuditService } from '@cf/audit';
import { AuthUser, Clock, ConflictError, likePattern, ListQuery, NotFoundError, Page, ValidationFailedError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { conflictsOf } from './domain/conflicts';
import {
  CreateReviewerDto,
  ReviewerCandidateDto,
  ReviewerDto,
  ReviewerProfileInput,
  ReviewSettingsDto,
  UpdateReviewerDto,
  UpdateReviewSettingsDto,
} from './dto/reviewer.dto';
import { findProposalReviewFacts, findReviewers, findReviewSettings, ReviewerRecord, torontoToday } from './review.queries';
import { ReviewStage } from './review-stage';

export interface ReviewerFilter {
  q?: string;
  sector?: string;
  region?: string;
  active?: boolean;
}

const STAFF = ['program_officer', 'approver', 'admin'];

export function toReviewerDto(r: ReviewerRecord): ReviewerDto {
  return {
    id: r.id,
    displayName: r.displayName,
    email: r.email,
    preferredLanguage: r.preferredLanguage,
    maxLoad: r.maxLoad,
    sectors: r.sectors,
    regions: r.regions,
    active: r.active,
    affiliations: r.affiliations.map((a) => ({
      id: a.id,
      organizationName: a.name,
      startedOn: a.startedOn,
      endedOn: a.endedOn,
    })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** The reviewer pool (profiles, affiliations, expertise, maximum load) and each fund's review settings. */
@Injectable()
export class ReviewersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly stage: ReviewStage,
  ) {}

  async list(query: ListQuery<ReviewerFilter & { id?: string[] }>): Promise<Page<ReviewerDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const f = query.filter;
    if (f.id) where.push(`r.user_id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.q?.trim())
      where.push(`(u.display_name ILIKE $${params.push(likePattern(f.q.trim()))} OR u.email ILIKE $${params.length})`);
    if (f.sector) where.push(`$${params.push(f.sector)} = ANY(r.sectors)`);
    if (f.region) where.push(`$${params.push(f.region)} = ANY(r.regions)`);
    if (f.active !== undefined) where.push(`r.active = $${params.push(f.active)}`);
    const order =
      { displayName: 'u.display_name', maxLoad: 'r.max_load', updatedAt: 'r.updated_at' }[query.sort.field] ?? 'u.display_name';
    const sql = `FROM reviewers r JOIN users u ON u.id = r.user_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const m = this.dataSource.manager;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total ${sql}`, params);
    const ids: { user_id: string }[] = await m.query(
      `SELECT r.user_id ${sql} ORDER BY ${order} ${query.sort.order}, r.user_id LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    const records = new Map(
      (
        await findReviewers(
          m,
          ids.map((i) => i.user_id),
        )
      ).map((r) => [r.id, r]),
    );
    return { items: ids.map((i) => toReviewerDto(records.get(i.user_id)!)), total };
  }

  /** Active accounts with the reviewer role that are not in the pool yet (officers cannot list users). */
  async candidates(): Promise<ReviewerCandidateDto[]> {
    const rows: { id: string; display_name: string; email: string }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name, u.email FROM users u
        WHERE 'reviewer' = ANY(u.roles) AND u.is_active AND NOT EXISTS (SELECT 1 FROM reviewers r WHERE r.user_id = u.id)
        ORDER BY u.display_name, u.id LIMIT 1000`,
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email }));
  }

  async get(user: AuthUser, id: string): Promise<ReviewerDto> {
    if (!user.roles.some((r) => STAFF.includes(r)) && user.id !== id) throw new NotFoundError('Reviewer', id);
    const [r] = await findReviewers(this.dataSource.manager, [id]);
    if (!r) throw new NotFoundError('Reviewer', id);
    return toReviewerDto(r);
  }

  async create(actor: AuthUser, dto: CreateReviewerDto): Promise<ReviewerDto> {
    checkDates(dto);
    return this.dataSource.transaction(async (m) => {
      const [u] = await m.query(`SELECT id, roles FROM users WHERE id = $1 FOR UPDATE`, [dto.userId]);
      if (!u) throw new ValidationFailedError([{ field: 'userId', reason: 'is not a user' }]);
      if (!u.roles.includes('reviewer')) {
        throw new ValidationFailedError([{ field: 'userId', reason: 'must be a user with the reviewer role' }]);
      }
      const inserted = await m.query(
        `INSERT INTO reviewers (user_id, max_load, sectors, regions, active) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
        [dto.userId, dto.maxLoad, dto.sectors, dto.regions, dto.active ?? true],
      );
      if (!inserted.length)
        throw new ConflictError('ALREADY_REVIEWER', 'This user is already in the reviewer pool', { id: dto.userId });
      await this.writeAffiliations(m, dto.userId, dto);
      const [saved] = await findReviewers(m, [dto.userId]);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'reviewer.create',
        entityType: 'reviewer',
        entityId: dto.userId,
        changes: { profile: { from: null, to: profileOf(saved) } },
      });
      return toReviewerDto(saved);
    });
  }

  /**
   * Replaces the profile. An affiliation that now conflicts with a proposal the reviewer is assigned to
   * (and has not submitted) removes that assignment, in the same transaction.
   */
  async update(actor: AuthUser, id: string, dto: UpdateReviewerDto): Promise<ReviewerDto> {
    checkDates(dto);
    return this.dataSource.transaction(async (m) => {
      const [before] = await findReviewers(m, [id], true);
      if (!before) throw new NotFoundError('Reviewer', id);
      if (before.version !== dto.version) {
        throw new ConflictError('STALE_VERSION', 'This reviewer was changed by someone else; reload and try again', {
          current: toReviewerDto(before),
        });
      }
      await m.query(
        `UPDATE reviewers SET max_load = $2, sectors = $3, regions = $4, active = $5, version = version + 1, updated_at = now()
          WHERE user_id = $1`,
        [id, dto.maxLoad, dto.sectors, dto.regions, dto.active ?? before.active],
      );
      await m.query(`DELETE FROM reviewer_affiliations WHERE reviewer_id = $1`, [id]);
      await this.writeAffiliations(m, id, dto);
      const [after] = await findReviewers(m, [id]);
      const removed = await this.removeNewlyConflicted(m, actor, after);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'reviewer.update',
        entityType: 'reviewer',
        entityId: id,
        changes: { profile: { from: profileOf(before), to: profileOf(after) }, removedAssignments: removed },
      });
      return toReviewerDto(after);
    });
  }

  private async writeAffiliations(m: EntityManager, reviewerId: string, dto: ReviewerProfileInput): Promise<void> {
    for (const [position, a] of dto.affiliations.entries()) {
      await m.query(
        `INSERT INTO reviewer_affiliations (reviewer_id, position, organization_name, started_on, ended_on) VALUES ($1, $2, $3, $4, $5)`,
        [reviewerId, position, a.organizationName.trim(), a.startedOn ?? null, a.endedOn ?? null],
      );
    }
  }

  private async removeNewlyConflicted(m: EntityManager, actor: AuthUser, reviewer: ReviewerRecord): Promise<string[]> {
    const open: { id: string; proposal_id: string; fund_id: string; lookback: number }[] = await m.query(
      `SELECT a.id, a.proposal_id, a.fund_id, coalesce(s.conflict_lookback_years, 2) AS lookback
         FROM review_assignments a
         LEFT JOIN reviews rv ON rv.assignment_id = a.id
         LEFT JOIN fund_review_settings s ON s.fund_id = a.fund_id
        WHERE a.reviewer_id = $1 AND a.removed_at IS NULL AND (rv.status IS NULL OR rv.status = 'draft')`,
      [reviewer.id],
    );
    if (!open.length) return [];
    const facts = new Map((await findProposalReviewFacts(m, { ids: open.map((o) => o.proposal_id) })).map((f) => [f.id, f]));
    const today = torontoToday(this.clock.now());
    const removed = open.filter((o) => conflictsOf(reviewer, facts.get(o.proposal_id)!, today, o.lookback).length > 0);
    if (!removed.length) return [];
    await m.query(
      `UPDATE review_assignments SET removed_at = now(), removed_by = $2, removed_reason = 'conflict of interest (affiliation)'
        WHERE id = ANY($1::uuid[])`,
      [removed.map((r) => r.id), actor.id],
    );
    await this.stage.sync(
      m,
      actor,
      removed.map((r) => r.proposal_id),
    );
    return removed.map((r) => r.id);
  }

  async settings(fundId: string): Promise<ReviewSettingsDto> {
    const s = await findReviewSettings(this.dataSource.manager, fundId);
    if (!s) throw new NotFoundError('Fund', fundId);
    return s;
  }

  async updateSettings(actor: AuthUser, fundId: string, dto: UpdateReviewSettingsDto): Promise<ReviewSettingsDto> {
    return this.dataSource.transaction(async (m) => {
      const [fund] = await m.query(`SELECT id FROM funds WHERE id = $1 FOR UPDATE`, [fundId]);
      if (!fund) throw new NotFoundError('Fund', fundId);
      const before = (await findReviewSettings(m, fundId))!;
      if (before.version !== dto.version && !(before.version === 0 && dto.version === 1)) {
        throw new ConflictError('STALE_VERSION', 'These settings were changed by someone else; reload and try again', {
          current: before,
        });
      }
      await m.query(
        `INSERT INTO fund_review_settings (fund_id, reviewers_per_proposal, conflict_lookback_years, review_days, reminder_days_before,
                                           disagreement_threshold, min_reviews_to_normalize, peer_scores_after_submit)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (fund_id) DO UPDATE SET reviewers_per_proposal = $2, conflict_lookback_years = $3, review_days = $4,
           reminder_days_before = $5, disagreement_threshold = $6, min_reviews_to_normalize = $7, peer_scores_after_submit = $8,
           version = fund_review_settings.version + 1, updated_at = now()`,
        [
          fundId,
          dto.reviewersPerProposal,
          dto.conflictLookbackYears,
          dto.reviewDays,
          dto.reminderDaysBefore,
          dto.disagreementThreshold,
          dto.minReviewsToNormalize,
          dto.peerScoresAfterSubmit,
        ],
      );
      const after = (await findReviewSettings(m, fundId))!;
      const { version: _b, ...from } = before;
      const { version: _a, ...to } = after;
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'fund.review_settings',
        entityType: 'fund',
        entityId: fundId,
        changes: { settings: { from, to } },
      });
      return after;
    });
  }
}

function profileOf(r: ReviewerRecord) {
  return {
    maxLoad: r.maxLoad,
    sectors: r.sectors,
    regions: r.regions,
    active: r.active,
    affiliations: r.affiliations.map(({ name, startedOn, endedOn }) => ({ name, startedOn, endedOn })),
  };
}

function checkDates(dto: ReviewerProfileInput): void {
  const problems = dto.affiliations.flatMap((a, i) => {
    const out: { field: string; reason: string }[] = [];
    for (const key of ['startedOn', 'endedOn'] as const) {
      const v = a[key];
      if (v && Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
        out.push({ field: `affiliations.${i}.${key}`, reason: 'is not a calendar date' });
      else if (v && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
        out.push({ field: `affiliations.${i}.${key}`, reason: 'is not a calendar date' });
      }
    }
    if (a.startedOn && a.endedOn && a.endedOn < a.startedOn)
      out.push({ field: `affiliations.${i}.endedOn`, reason: 'is before startedOn' });
    return out;
  });
  if (problems.length) throw new ValidationFailedError(problems);
}
