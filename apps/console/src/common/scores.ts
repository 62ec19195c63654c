/**
 * Review scores on the console: the same weighted total as the server's (libs/reviews scoring), so a
 * reviewer sees the total their scores make while typing them.
 *
 *   total = 100 · Σ w_c · (s_c − min_c) / (max_c − min_c)  /  Σ w_c
 */

export interface ScoredCriterion {
  code: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface CriterionScoreValue {
  criterionCode: string;
  score: number | null;
}

/** The weighted total on 0-100, rounded to 2 decimals; null until every criterion has a score. */
export const weightedTotal = (criteria: readonly ScoredCriterion[], scores: readonly CriterionScoreValue[]): number | null => {
  let sum = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores.find((s) => s.criterionCode === criterion.code)?.score;
    if (score === null || score === undefined || !Number.isFinite(score)) return null;
    const span = criterion.scaleMax - criterion.scaleMin;
    if (span <= 0) return null;
    sum += criterion.weight * ((score - criterion.scaleMin) / span);
    weights += criterion.weight;
  }
  if (weights <= 0) return null;
  return Math.round((10_000 * sum) / weights) / 100;
};

/** Whether a score is a whole number on the criterion's scale. */
export const isValidScore = (criterion: ScoredCriterion, score: number | null | undefined): boolean =>
  typeof score === 'number' && Number.isInteger(score) && score >= criterion.scaleMin && score <= criterion.scaleMax;

/** The whole numbers of a criterion's scale, lowest first (empty when the scale is not sensible). */
export const scaleValues = (criterion: ScoredCriterion, limit = 101): number[] => {
  const { scaleMin, scaleMax } = criterion;
  if (!Number.isInteger(scaleMin) || !Number.isInteger(scaleMax) || scaleMax < scaleMin) return [];
  if (scaleMax - scaleMin + 1 > limit) return [];
  return Array.from({ length: scaleMax - scaleMin + 1 }, (_, i) => scaleMin + i);
};

const scoreFormats = new Map<string, Intl.NumberFormat>();

/**
 * A total on 0-100 in the UI's language, "72.5" / "72,5": 1 or 2 decimals (`minimumDigits` to
 * `maximumDigits`), or "—" when there is none.
 */
export const formatScore = (
  value: number | null | undefined,
  locale: string,
  options: { minimumDigits?: number; maximumDigits?: number } = {},
): string => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const min = options.minimumDigits ?? 1;
  const max = Math.max(min, options.maximumDigits ?? 2);
  const key = `${locale}|${min}|${max}`;
  let format = scoreFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });
    scoreFormats.set(key, format);
  }
  return format.format(value);
};

/**
 * A number typed by a person ("72.5", "72,5") on 0-100 with at most 2 decimals, or null when empty,
 * or NaN when it is not such a number.
 */
export const parseScoreText = (text: string): number | null => {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return Number.NaN;
  const value = Number(trimmed);
  return value >= 0 && value <= 100 ? value : Number.NaN;
};
