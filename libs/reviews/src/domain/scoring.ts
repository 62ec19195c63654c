/**
 * Scoring rules of one review (issue 4), framework-free.
 *
 * A review scores every criterion of the fund on the criterion's integer scale, each with a comment,
 * plus an overall comment and a recommendation. Its weighted total is on 0-100:
 *
 *   total = 100 · Σ w_c · (s_c − min_c) / (max_c − min_c)  /  Σ w_c
 *
 * The ranking computes the same formula in SQL (ranking.queries.ts); a test keeps both in step.
 */
import type { FieldProblem } from '@cf/platform';

export const RECOMMENDATIONS = ['fund', 'fund_with_conditions', 'do_not_fund'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface RubricCriterion {
  code: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface CriterionScore {
  criterionCode: string;
  score: number | null;
  comment: string;
}

export interface ReviewContent {
  scores: readonly CriterionScore[];
  overallComment: string;
  recommendation: Recommendation | null;
}

export const MIN_COMMENT_LENGTH = 10;
export const MAX_COMMENT_LENGTH = 10_000;

/**
 * Problems of scores given in a draft save: unknown or repeated criteria, a score off the scale or not
 * an integer. Missing scores and comments are fine in a draft. Fields are named as in the request
 * (`scores.1.score`).
 */
export function draftProblems(rubric: readonly RubricCriterion[], scores: readonly CriterionScore[]): FieldProblem[] {
  const byCode = new Map(rubric.map((c) => [c.code, c]));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  scores.forEach((s, i) => {
    const c = byCode.get(s.criterionCode);
    if (!c) {
      problems.push({
        field: `scores.${i}.criterionCode`,
        reason: `is not a criterion of this fund (${rubric.map((r) => r.code).join(', ')})`,
      });
      return;
    }
    if (seen.has(s.criterionCode)) problems.push({ field: `scores.${i}.criterionCode`, reason: 'is scored twice' });
    seen.add(s.criterionCode);
    if (s.score !== null && (!Number.isInteger(s.score) || s.score < c.scaleMin || s.score > c.scaleMax)) {
      problems.push({ field: `scores.${i}.score`, reason: `must be a whole number from ${c.scaleMin} to ${c.scaleMax}` });
    }
  });
  return problems;
}

/** What keeps a review from being submitted: every criterion scored with a comment, an overall comment, a recommendation. */
export function submitProblems(rubric: readonly RubricCriterion[], review: ReviewContent): FieldProblem[] {
  const problems = draftProblems(rubric, review.scores);
  rubric.forEach((c) => {
    const i = review.scores.findIndex((s) => s.criterionCode === c.code);
    const s = i >= 0 ? review.scores[i] : null;
    if (!s || s.score === null) problems.push({ field: `scores.${c.code}.score`, reason: 'is required' });
    if (!s || s.comment.trim().length < MIN_COMMENT_LENGTH) {
      problems.push({
        field: `scores.${c.code}.comment`,
        reason: `explain the score (at least ${MIN_COMMENT_LENGTH} characters)`,
      });
    }
  });
  if (review.overallComment.trim().length < MIN_COMMENT_LENGTH) {
    problems.push({ field: 'overallComment', reason: `is required (at least ${MIN_COMMENT_LENGTH} characters)` });
  }
  if (!review.recommendation)
    problems.push({ field: 'recommendation', reason: `is required (one of ${RECOMMENDATIONS.join(', ')})` });
  return problems;
}

/** The weighted total on 0-100, rounded to 2 decimals; null until every criterion has a score. */
export function weightedTotal(rubric: readonly RubricCriterion[], scores: readonly CriterionScore[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of rubric) {
    const s = scores.find((x) => x.criterionCode === c.code)?.score;
    if (s === null || s === undefined) return null;
    sum += c.weight * ((s - c.scaleMin) / (c.scaleMax - c.scaleMin));
    weights += c.weight;
  }
  if (weights <= 0) return null;
  return Math.round((10_000 * sum) / weights) / 100;
}
