import { AuditService } from '@cf/audit';
import {
  AuthUser,
  Clock,
  ConflictError,
  DomainError,
  ForbiddenError,
  ListQuery,
  NotFoundError,
  Page,
  ValidationFailedError,
} from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CriterionScore, draftProblems, Recommendation, submitProblems, weightedTotal } from './domain/scoring';
import { ReviewStatus } from './dto/assignment.dto';
import { PeerReviewDto, ReviewDto, RubricCriterionDto, SaveReviewDto } from './dto/review.dto';
import { findReviewSettings, REVIEWABLE_STATUSES } from './review.queries';
import { ReviewStage } from './review-stage';

export interface ReviewFilter {
  fundId?: string;
  proposalId?: string;
  reviewerId?: string;
  status?: 'draft' | 'submitted';
}

const STAFF = ['program_officer', 'approver', 'admin'];

interface AssignmentFacts {
  id: string;
  fund_id: string;
  proposal_id: string;
  reviewer_id: string;
  proposal_status: string;
}

interface ReviewRow {
  id: string;
  assignment_id: string;
  proposal_id: string;
  reviewer_id: string;
  reviewer_name: string;
  fund_id: string;
  status: 'draft' | 'submitted';
  overall_comment: string;
  recommendation: Recommendation | null;
  submitted_at: Date | null;
  version: number;
  scores: { code: string; score: number | null; comment: string }[];
}

type Rubric = (RubricCriterionDto & { id: string })[];

const REVIEW_SELECT = `
  SELECT rv.id, rv.assignment_id, rv.proposal_id, rv.reviewer_id, u.display_name AS reviewer_name, rv.fund_id, rv.status,
         rv.overall_comment, rv.recommendation, rv.submitted_at, rv.version,
         coalesce((SELECT json_agg(json_build_object('code', c.code, 'score', sc.score, 'comment', sc.comment) ORDER BY c.position)
                     FROM review_scores sc JOIN fund_criteria c ON c.id = sc.criterion_id
                    WHERE sc.review_id = rv.id), '[]') AS scores
    FROM reviews rv JOIN users u ON u.id = rv.reviewer_id`;

/**
 * Scoring: a reviewer's draft, its submission (then locked), an officer's reopening. Blind: a reviewer only
 * ever reads their own review here, and the others' only through peerReviews, after submitting their own and
 * only when the fund allows it. Staff read every review.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly stage: ReviewStage,
  ) {}

  async get(user: AuthUser, assignmentId: string): Promise<ReviewDto> {
    const m = this.dataSource.manager;
    const a = await this.assignment(m, user, assignmentId, { staffMayRead: true });
    return this.toDto(m, a, await this.findReview(m, assignmentId), this.isStaff(user));
  }

  async save(user: AuthUser, assignmentId: string, dto: SaveReviewDto): Promise<ReviewDto> {
    return this.dataSource.transaction(async (m) => {
      const a = await this.assignment(m, user, assignmentId, { lock: true });
      this.assertOpen(a);
      const rubric = await this.rubric(m, a.fund_id);
      const current = await this.findReview(m, assignmentId);
      if (current?.status === 'submitted') {
        throw new ConflictError('REVIEW_LOCKED', 'This review was submitted and is locked; a program officer can reopen it');
      }
      if (dto.version !== undefined && dto.version !== (current?.version ?? 0)) {
        throw new ConflictError('STALE_VERSION', 'This review was saved elsewhere since you read it; reload and try again', {
          current: await this.toDto(m, a, current, false),
        });
      }
      const given: CriterionScore[] = (dto.scores ?? []).map((s) => ({
        criterionCode: s.criterionCode,
        score: s.score,
        comment: s.comment ?? '',
      }));
      const problems = draftProblems(rubric, given);
      if (problems.length) throw new ValidationFailedError(problems);
      const before = current ? contentOf(current) : null;
      let reviewId = current?.id;
      if (!reviewId) {
        const [row] = await m.query(
          `INSERT INTO reviews (assignment_id, fund_id, proposal_id, reviewer_id, overall_comment, recommendation)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [a.id, a.fund_id, a.proposal_id, a.reviewer_id, dto.overallComment ?? '', dto.recommendation ?? null],
        );
        reviewId = row.id as string;
      } else {
        await m.query(
          `UPDATE reviews SET overall_comment = coalesce($2, overall_comment),
                  recommendation = CASE WHEN $3 THEN $4 ELSE recommendation END,
                  version = version + 1, updated_at = now()
            WHERE id = $1`,
          [reviewId, dto.overallComment ?? null, dto.recommendation !== undefined, dto.recommendation ?? null],
        );
      }
      const byCode = new Map(rubric.map((c) => [c.code, c.id]));
      for (const s of given) {
        await m.query(
          `INSERT INTO review_scores (review_id, criterion_id, score, comment) VALUES ($1, $2, $3, $4)
           ON CONFLICT (review_id, criterion_id) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment`,
          [reviewId, byCode.get(s.criterionCode), s.score, s.comment],
        );
      }
      const saved = (await this.findReview(m, assignmentId))!;
      await this.audit.record(m, {
        actorId: user.id,
        action: 'review.save',
        entityType: 'review',
        entityId: saved.id,
        changes: { assignmentId, review: { from: before, to: contentOf(saved) } },
      });
      return this.toDto(m, a, saved, false);
    });
  }

  async submit(user: AuthUser, assignmentId: string, receivedAt: Date): Promise<ReviewDto> {
    return this.dataSource.transaction(async (m) => {
      const a = await this.assignment(m, user, assignmentId, { lock: true });
      this.assertOpen(a);
      const rubric = await this.rubric(m, a.fund_id);
      const current = await this.findReview(m, assignmentId);
      if (current?.status === 'submitted') {
        throw new ConflictError('REVIEW_LOCKED', 'This review was already submitted');
      }
      const content = current ? contentOf(current) : { scores: [], overallComment: '', recommendation: null };
      const problems = submitProblems(rubric, content);
      if (problems.length || !current) {
        throw new DomainError(
          'REVIEW_INCOMPLETE',
          `The review cannot be submitted yet: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
          422,
          { errors: problems },
        );
      }
      await m.query(
        `UPDATE reviews SET status = 'submitted', submitted_at = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [current.id, receivedAt],
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: 'review.submit',
        entityType: 'review',
        entityId: current.id,
        changes: {
          assignmentId,
          proposalId: a.proposal_id,
          status: { from: 'draft', to: 'submitted' },
          weightedTotal: weightedTotal(rubric, content.scores),
          ...content,
        },
      });
      await this.stage.sync(m, user, [a.proposal_id]);
      return this.toDto(m, a, (await this.findReview(m, assignmentId))!, false);
    });
  }

  /** An officer reopens a submitted review (back to draft, so the reviewer can change it), with a reason. */
  async reopen(officer: AuthUser, reviewId: string, reason: string): Promise<ReviewDto> {
    return this.dataSource.transaction(async (m) => {
      const [r] = await m.query(
        `SELECT rv.id, rv.assignment_id, rv.status FROM reviews rv JOIN review_assignments a ON a.id = rv.assignment_id
          WHERE rv.id = $1 AND a.removed_at IS NULL FOR UPDATE OF rv`,
        [reviewId],
      );
      if (!r) throw new NotFoundError('Review', reviewId);
      const a = await this.assignment(m, officer, r.assignment_id, { staffMayRead: true });
      this.assertOpen(a);
      if (r.status !== 'submitted') throw new ConflictError('NOT_SUBMITTED', 'Only a submitted review can be reopened');
      await m.query(
        `UPDATE reviews SET status = 'draft', submitted_at = NULL, reopened_at = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [reviewId, this.clock.now()],
      );
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'review.reopen',
        entityType: 'review',
        entityId: reviewId,
        changes: { status: { from: 'submitted', to: 'draft' }, reason: reason.trim() },
      });
      await this.stage.sync(m, officer, [a.proposal_id]);
      return this.toDto(m, a, (await this.findReview(m, r.assignment_id))!, true);
    });
  }

  /** Staff: reviews with the reviewers' names. */
  async list(query: ListQuery<ReviewFilter & { id?: string[] }>): Promise<Page<ReviewDto>> {
    const m = this.dataSource.manager;
    const params: unknown[] = [];
    const where = ['a.removed_at IS NULL'];
    const f = query.filter;
    if (f.id) where.push(`rv.id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.fundId) where.push(`rv.fund_id = $${params.push(f.fundId)}`);
    if (f.proposalId) where.push(`rv.proposal_id = $${params.push(f.proposalId)}`);
    if (f.reviewerId) where.push(`rv.reviewer_id = $${params.push(f.reviewerId)}`);
    if (f.status) where.push(`rv.status = $${params.push(f.status)}`);
    const sql = `${REVIEW_SELECT} JOIN review_assignments a ON a.id = rv.assignment_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM (${sql}) x`, params);
    const rows: ReviewRow[] = await m.query(
      `${sql} ORDER BY ${query.sort.field === 'submittedAt' ? 'rv.submitted_at' : 'rv.updated_at'} ${query.sort.order} NULLS LAST, rv.id
       LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    const rubrics = new Map<string, Rubric>();
    const items: ReviewDto[] = [];
    for (const r of rows) {
      if (!rubrics.has(r.fund_id)) rubrics.set(r.fund_id, await this.rubric(m, r.fund_id));
      items.push(this.shape(rubrics.get(r.fund_id)!, r.assignment_id, r.proposal_id, r.reviewer_id, r, true));
    }
    return { items, total };
  }

  /** The other submitted reviews of the proposal, without identities: only after one's own, and only if the fund allows it. */
  async peerReviews(user: AuthUser, assignmentId: string): Promise<PeerReviewDto[]> {
    const m = this.dataSource.manager;
    const a = await this.assignment(m, user, assignmentId, {});
    const own = await this.findReview(m, assignmentId);
    const settings = (await findReviewSettings(m, a.fund_id))!;
    if (own?.status !== 'submitted') {
      throw new ForbiddenError('Other reviewers’ scores stay hidden until you submit your own review', 'PEER_SCORES_HIDDEN');
    }
    if (!settings.peerScoresAfterSubmit) {
      throw new ForbiddenError('This fund does not show other reviewers’ scores to reviewers', 'PEER_SCORES_HIDDEN');
    }
    const rubric = await this.rubric(m, a.fund_id);
    const rows: ReviewRow[] = await m.query(
      `${REVIEW_SELECT} JOIN review_assignments a ON a.id = rv.assignment_id AND a.removed_at IS NULL
        WHERE rv.proposal_id = $1 AND rv.status = 'submitted' AND rv.id <> $2
        ORDER BY rv.submitted_at, rv.id`,
      [a.proposal_id, own.id],
    );
    return rows.map((r, i) => {
      const content = contentOf(r);
      return {
        label: `Reviewer ${i + 1}`,
        scores: content.scores,
        overallComment: content.overallComment,
        recommendation: content.recommendation,
        weightedTotal: weightedTotal(rubric, content.scores),
      };
    });
  }

  // ---------------------------------------------------------------- helpers

  private isStaff(user: AuthUser): boolean {
    return user.roles.some((r) => STAFF.includes(r));
  }

  /** The active assignment, as the user may see it: its reviewer, or staff when reading; anyone else gets 404. */
  private async assignment(
    m: EntityManager,
    user: AuthUser,
    id: string,
    opts: { lock?: boolean; staffMayRead?: boolean },
  ): Promise<AssignmentFacts> {
    const [a]: AssignmentFacts[] = await m.query(
      `SELECT a.id, a.fund_id, a.proposal_id, a.reviewer_id, p.status AS proposal_status
         FROM review_assignments a JOIN proposals p ON p.id = a.proposal_id
        WHERE a.id = $1 AND a.removed_at IS NULL ${opts.lock ? 'FOR UPDATE OF a' : ''}`,
      [id],
    );
    if (!a || (a.reviewer_id !== user.id && !(opts.staffMayRead && this.isStaff(user))))
      throw new NotFoundError('Assignment', id);
    return a;
  }

  private assertOpen(a: AssignmentFacts): void {
    if (!(REVIEWABLE_STATUSES as readonly string[]).includes(a.proposal_status)) {
      throw new ConflictError('REVIEW_CLOSED', `The proposal is ${a.proposal_status}: its reviews can no longer change`, {
        status: a.proposal_status,
      });
    }
  }

  private async findReview(m: EntityManager, assignmentId: string): Promise<ReviewRow | null> {
    const [r] = await m.query(`${REVIEW_SELECT} WHERE rv.assignment_id = $1`, [assignmentId]);
    return r ?? null;
  }

  private async rubric(m: EntityManager, fundId: string): Promise<Rubric> {
    const rows = await m.query(
      `SELECT id, code, title_en, title_fr, guidance_en, guidance_fr, weight::float8 AS weight, scale_min, scale_max
         FROM fund_criteria WHERE fund_id = $1 ORDER BY position`,
      [fundId],
    );
    return rows.map((c: Record<string, string | number>) => ({
      id: c.id as string,
      code: c.code as string,
      titleEn: c.title_en as string,
      titleFr: c.title_fr as string,
      guidanceEn: c.guidance_en as string,
      guidanceFr: c.guidance_fr as string,
      weight: Number(c.weight),
      scaleMin: Number(c.scale_min),
      scaleMax: Number(c.scale_max),
    }));
  }

  private async toDto(m: EntityManager, a: AssignmentFacts, r: ReviewRow | null, withName: boolean): Promise<ReviewDto> {
    return this.shape(await this.rubric(m, a.fund_id), a.id, a.proposal_id, a.reviewer_id, r, withName);
  }

  private shape(
    rubric: Rubric,
    assignmentId: string,
    proposalId: string,
    reviewerId: string,
    r: ReviewRow | null,
    withName: boolean,
  ): ReviewDto {
    const content = r ? contentOf(r) : { scores: [], overallComment: '', recommendation: null };
    const scores = rubric.map((c) => {
      const s = content.scores.find((x) => x.criterionCode === c.code);
      return { criterionCode: c.code, score: s?.score ?? null, comment: s?.comment ?? '' };
    });
    const status: ReviewStatus = r ? r.status : 'not_started';
    return {
      id: r?.id ?? null,
      assignmentId,
      proposalId,
      reviewerId,
      ...(withName && r ? { reviewerName: r.reviewer_name } : {}),
      status,
      scores,
      overallComment: content.overallComment,
      recommendation: content.recommendation,
      weightedTotal: weightedTotal(rubric, scores),
      submittedAt: r?.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      version: r?.version ?? 0,
      criteria: rubric.map(({ id: _id, ...c }) => c),
    };
  }
}

function contentOf(r: ReviewRow): { scores: CriterionScore[]; overallComment: string; recommendation: Recommendation | null } {
  return {
    scores: r.scores.map((s) => ({ criterionCode: s.code, score: s.score, comment: s.comment })),
    overallComment: r.overall_comment,
    recommendation: r.recommendation,
  };
}
