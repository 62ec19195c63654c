import { AuditService } from '@cf/audit';
import { AuthUser, ConflictError, formatZoned, NotFoundError, Page } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { once } from 'node:events';
import { DataSource, EntityManager } from 'typeorm';
import { ModerationInput, RankingRowDto } from './dto/review.dto';
import { findReviewSettings } from './review.queries';

export interface RankingFilter {
  disagreement?: boolean;
  basis?: 'consensus' | 'normalized' | 'none';
  proposalId?: string;
}

/** Proposals that take part in the ranking: screened eligible and later stages. */
const RANKED_STATUSES = ['eligible', 'in_review', 'reviewed', 'recommended', 'not_recommended', 'awarded', 'declined'];

/**
 * The fund's ranking, computed in one SQL statement (nothing is loaded review by review):
 *
 * - each submitted review's weighted total on 0-100: 100 · Σ w·(s − min)/(max − min) / Σ w (as in domain/scoring.ts);
 * - per reviewer, over their submitted reviews in the fund: mean m_r and standard deviation s_r of their totals;
 *   over all submitted reviews of the fund: mean μ and standard deviation σ;
 * - a review's normalized total: μ + σ · (total − m_r) / s_r (the reviewer's z-score put back on the fund's scale,
 *   clamped to 0-100), when the reviewer has at least `minReviewsToNormalize` reviews and s_r > 0; otherwise its raw
 *   total (too few reviews to tell a harsh reviewer from weak proposals);
 * - per proposal: raw total = mean of the totals, normalized total = mean of the normalized totals, spread = highest
 *   minus lowest total, disagreement when spread > the fund's threshold; per criterion: mean, standard deviation, range;
 * - final score = the officer's consensus score where moderated, else the normalized total;
 * - rank: final score desc (unreviewed last), then normalized desc, raw desc, more reviews first, the earlier latest
 *   submission, the tracking number: explicit and total, so two equal scores never swap between requests.
 */
export const RANKING_SQL = `
WITH crit AS (
  SELECT id, code, position, weight::numeric AS weight, scale_min, scale_max FROM fund_criteria WHERE fund_id = $1
), wsum AS (
  SELECT sum(weight) AS w FROM crit
), rev AS MATERIALIZED (
  SELECT rv.id, rv.proposal_id, rv.reviewer_id, rv.recommendation,
         100 * sum(c.weight * (sc.score - c.scale_min)::numeric / (c.scale_max - c.scale_min)) / (SELECT w FROM wsum) AS total
    FROM reviews rv
    JOIN review_assignments a ON a.id = rv.assignment_id AND a.removed_at IS NULL
    JOIN review_scores sc ON sc.review_id = rv.id
    JOIN crit c ON c.id = sc.criterion_id
   WHERE rv.fund_id = $1 AND rv.status = 'submitted'
   GROUP BY rv.id
), fund_stats AS MATERIALIZED (
  SELECT avg(total) AS mu, stddev_samp(total) AS sigma FROM rev
), reviewer_stats AS MATERIALIZED (
  SELECT reviewer_id, count(*) AS n, avg(total) AS mean, stddev_samp(total) AS sd FROM rev GROUP BY reviewer_id
), norm AS MATERIALIZED (
  SELECT r.*,
         CASE WHEN rs.n >= $3 AND rs.sd > 0 AND fs.sigma > 0
              THEN greatest(0, least(100, fs.mu + fs.sigma * (r.total - rs.mean) / rs.sd))
              ELSE r.total END AS normalized
    FROM rev r JOIN reviewer_stats rs USING (reviewer_id) CROSS JOIN fund_stats fs
), per_proposal AS MATERIALIZED (
  SELECT proposal_id, count(*) AS n, avg(total) AS raw, avg(normalized) AS normalized,
         CASE WHEN count(*) > 1 THEN max(total) - min(total) END AS spread,
         count(*) FILTER (WHERE recommendation = 'fund') AS rec_fund,
         count(*) FILTER (WHERE recommendation = 'fund_with_conditions') AS rec_conditions,
         count(*) FILTER (WHERE recommendation = 'do_not_fund') AS rec_no
    FROM norm GROUP BY proposal_id
), per_criterion AS MATERIALIZED (
  SELECT r.proposal_id,
         json_agg(json_build_object('code', c.code, 'mean', round(avg_score, 2), 'stddev', round(sd_score, 2),
                                    'min', min_score, 'max', max_score) ORDER BY c.position) AS criteria
    FROM (SELECT r.proposal_id, sc.criterion_id, avg(sc.score) AS avg_score, stddev_samp(sc.score) AS sd_score,
                 min(sc.score) AS min_score, max(sc.score) AS max_score
            FROM rev r JOIN review_scores sc ON sc.review_id = r.id
           GROUP BY r.proposal_id, sc.criterion_id) r
    JOIN crit c ON c.id = r.criterion_id
   GROUP BY r.proposal_id
), assigned AS MATERIALIZED (
  SELECT proposal_id, count(*) AS n FROM review_assignments WHERE fund_id = $1 AND removed_at IS NULL GROUP BY proposal_id
), base AS (
  SELECT p.id, p.tracking_number, coalesce(s.snapshot->>'title', p.title) AS title,
         i.name AS institution_name, i.type AS institution_type, i.region,
         coalesce((s.snapshot->>'requestedCents')::bigint, p.requested_cents) AS requested_cents, p.last_submitted_at,
         coalesce(pp.n, 0) AS reviews_submitted, coalesce(asg.n, 0) AS reviews_assigned,
         pp.raw, pp.normalized, pp.spread, coalesce(pp.spread > $2, false) AS disagreement,
         coalesce(pp.rec_fund, 0) AS rec_fund, coalesce(pp.rec_conditions, 0) AS rec_conditions, coalesce(pp.rec_no, 0) AS rec_no,
         coalesce(pc.criteria, '[]') AS criteria,
         m.consensus_score, m.rationale, m.moderated_by, m.moderated_at,
         coalesce(m.consensus_score, pp.normalized) AS final
    FROM proposals p
    JOIN institutions i ON i.id = p.institution_id
    LEFT JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
    LEFT JOIN per_proposal pp ON pp.proposal_id = p.id
    LEFT JOIN per_criterion pc ON pc.proposal_id = p.id
    LEFT JOIN assigned asg ON asg.proposal_id = p.id
    LEFT JOIN review_moderations m ON m.proposal_id = p.id
   WHERE p.fund_id = $1 AND p.status = ANY($4::text[])
), ranked AS (
  SELECT base.*,
         row_number() OVER (ORDER BY final DESC NULLS LAST, normalized DESC NULLS LAST, raw DESC NULLS LAST,
                                     reviews_submitted DESC, last_submitted_at ASC NULLS LAST, tracking_number ASC, id) AS rank
    FROM base
)
SELECT ranked.*, count(*) OVER () AS total FROM ranked
 WHERE ($5::boolean IS NULL OR disagreement = $5)
   AND ($6::text IS NULL OR CASE WHEN consensus_score IS NOT NULL THEN 'consensus' WHEN normalized IS NOT NULL THEN 'normalized' ELSE 'none' END = $6)
   AND ($7::uuid IS NULL OR id = $7)
 ORDER BY rank
 LIMIT $8 OFFSET $9`;

interface RankingSqlRow {
  id: string;
  tracking_number: string | null;
  title: string;
  institution_name: string;
  institution_type: string;
  region: string;
  requested_cents: string;
  reviews_submitted: string;
  reviews_assigned: string;
  raw: string | null;
  normalized: string | null;
  spread: string | null;
  disagreement: boolean;
  rec_fund: string;
  rec_conditions: string;
  rec_no: string;
  criteria: { code: string; mean: number | null; stddev: number | null; min: number | null; max: number | null }[];
  consensus_score: string | null;
  rationale: string | null;
  moderated_by: string | null;
  moderated_at: Date | null;
  final: string | null;
  rank: string;
  total: string;
}

const round2 = (v: string | null): number | null => (v === null ? null : Math.round(Number(v) * 100) / 100);

function toRow(r: RankingSqlRow): RankingRowDto {
  const consensus = round2(r.consensus_score);
  const normalized = round2(r.normalized);
  return {
    rank: Number(r.rank),
    proposalId: r.id,
    trackingNumber: r.tracking_number,
    title: r.title,
    institutionName: r.institution_name,
    institutionType: r.institution_type,
    region: r.region,
    requestedCents: Number(r.requested_cents),
    reviewsSubmitted: Number(r.reviews_submitted),
    reviewsAssigned: Number(r.reviews_assigned),
    rawTotal: round2(r.raw),
    normalizedTotal: normalized,
    consensusScore: consensus,
    finalScore: round2(r.final),
    basis: consensus !== null ? 'consensus' : normalized !== null ? 'normalized' : 'none',
    spread: round2(r.spread),
    disagreement: r.disagreement,
    criteria: r.criteria.map((c) => ({
      code: c.code,
      mean: c.mean === null ? null : Number(c.mean),
      stddev: c.stddev === null ? null : Number(c.stddev),
      min: c.min,
      max: c.max,
    })),
    recommendations: {
      fund: Number(r.rec_fund),
      fund_with_conditions: Number(r.rec_conditions),
      do_not_fund: Number(r.rec_no),
    },
    moderation:
      consensus !== null
        ? {
            consensusScore: consensus,
            rationale: r.rationale!,
            moderatedBy: r.moderated_by!,
            moderatedAt: new Date(r.moderated_at!).toISOString(),
          }
        : null,
  };
}

/** The ranking of a fund's proposals from their reviews, its CSV export, and moderation of flagged proposals. */
@Injectable()
export class RankingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async ranking(
    fundId: string,
    filter: RankingFilter,
    page: { offset: number; limit: number },
    m: EntityManager = this.dataSource.manager,
  ): Promise<Page<RankingRowDto>> {
    const settings = await findReviewSettings(m, fundId);
    if (!settings) throw new NotFoundError('Fund', fundId);
    const rows: RankingSqlRow[] = await m.query(RANKING_SQL, [
      fundId,
      settings.disagreementThreshold,
      settings.minReviewsToNormalize,
      RANKED_STATUSES,
      filter.disagreement ?? null,
      filter.basis ?? null,
      filter.proposalId ?? null,
      page.limit,
      page.offset,
    ]);
    return { items: rows.map(toRow), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** An officer's consensus score for a proposal whose reviews disagree; the ranking uses it from now on. */
  async moderate(officer: AuthUser, proposalId: string, dto: ModerationInput): Promise<RankingRowDto> {
    return this.dataSource.transaction(async (m) => {
      const [p] = await m.query(`SELECT id, fund_id FROM proposals WHERE id = $1 FOR UPDATE`, [proposalId]);
      if (!p) throw new NotFoundError('Proposal', proposalId);
      const [row] = (await this.ranking(p.fund_id, { proposalId }, { offset: 0, limit: 1 }, m)).items;
      if (!row) throw new ConflictError('NOT_RANKED', 'This proposal is not in the ranking (it was not screened eligible)');
      if (!row.disagreement) {
        throw new ConflictError('NOT_FLAGGED', 'Only a proposal whose reviews disagree (flagged) takes a consensus score', {
          spread: row.spread,
        });
      }
      const rationale = dto.rationale.trim();
      await m.query(
        `INSERT INTO review_moderations (proposal_id, consensus_score, rationale, moderated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (proposal_id) DO UPDATE SET consensus_score = $2, rationale = $3, moderated_by = $4, moderated_at = now()`,
        [proposalId, dto.consensusScore, rationale, officer.id],
      );
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'proposal.moderate',
        entityType: 'proposal',
        entityId: proposalId,
        changes: {
          consensusScore: { from: row.consensusScore, to: dto.consensusScore },
          rationale: { from: row.moderation?.rationale ?? null, to: rationale },
          rawTotal: row.rawTotal,
          normalizedTotal: row.normalizedTotal,
        },
      });
      return (await this.ranking(p.fund_id, { proposalId }, { offset: 0, limit: 1 }, m)).items[0];
    });
  }

  async clearModeration(officer: AuthUser, proposalId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // A DELETE answers [rows, rowCount] through TypeORM.
      const [gone]: [{ consensus_score: string; rationale: string }[], number] = await m.query(
        `DELETE FROM review_moderations WHERE proposal_id = $1 RETURNING consensus_score, rationale`,
        [proposalId],
      );
      if (!gone.length) throw new NotFoundError('Moderation of proposal', proposalId);
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'proposal.moderation_clear',
        entityType: 'proposal',
        entityId: proposalId,
        changes: {
          consensusScore: { from: Number(gone[0].consensus_score), to: null },
          rationale: { from: gone[0].rationale, to: null },
        },
      });
    });
  }

  /** The ranking (or its filtered part) as CSV (UTF-8 with a byte order mark), raw and normalized side by side. */
  async export(fundId: string, filter: RankingFilter, res: Response): Promise<void> {
    const [fund] = await this.dataSource.query(`SELECT code FROM funds WHERE id = $1`, [fundId]);
    if (!fund) throw new NotFoundError('Fund', fundId);
    const { items } = await this.ranking(fundId, filter, { offset: 0, limit: 100_000 });
    const stamp = formatZoned(new Date(), 'America/Toronto').slice(0, 10);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="ranking-${fund.code}-${stamp}.csv"`);
    res.write('\ufeff');
    const csv = stringify({
      header: true,
      columns: [
        'rank',
        'tracking_number',
        'title',
        'institution',
        'institution_type',
        'region',
        'requested',
        'reviews_submitted',
        'reviews_assigned',
        'raw_total',
        'normalized_total',
        'consensus_score',
        'final_score',
        'basis',
        'spread',
        'disagreement',
        'recommend_fund',
        'recommend_with_conditions',
        'recommend_do_not_fund',
      ],
    });
    csv.pipe(res);
    for (const r of items) {
      const ok = csv.write([
        r.rank,
        r.trackingNumber ?? '',
        r.title,
        r.institutionName,
        r.institutionType,
        r.region,
        (r.requestedCents / 100).toFixed(2),
        r.reviewsSubmitted,
        r.reviewsAssigned,
        r.rawTotal ?? '',
        r.normalizedTotal ?? '',
        r.consensusScore ?? '',
        r.finalScore ?? '',
        r.basis,
        r.spread ?? '',
        r.disagreement ? 'yes' : 'no',
        r.recommendations.fund,
        r.recommendations.fund_with_conditions,
        r.recommendations.do_not_fund,
      ]);
      if (!ok) await once(csv, 'drain');
    }
    csv.end();
    await once(res, 'finish');
  }
}
