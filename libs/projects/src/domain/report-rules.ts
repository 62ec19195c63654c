import type { FieldProblem } from '@cf/platform';
import type { ReportKind } from './project-plan';

/** What an institution reports: learners and partners as counts, spending of the award by budget category in cents. */
export interface ReportFigures {
  enrolments: number | null;
  completions: number | null;
  /** Learners employed, or advanced in their job, within 6 months of completing. */
  employedOrAdvanced: number | null;
  employerPartners: number | null;
  spending: { category: string; amountCents: number }[];
  narrative: string;
}

const COUNTS = ['enrolments', 'completions', 'employedOrAdvanced', 'employerPartners'] as const;

/** Problems that make the figures inconsistent, whether draft or submitted. */
export function figureProblems(f: ReportFigures, awardCents: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.enrolments !== null && f.completions !== null && f.completions > f.enrolments) {
    problems.push({
      field: 'completions',
      reason: `cannot exceed the enrolments (${f.enrolments})`,
      code: 'completions_over_enrolments',
    });
  }
  if (f.completions !== null && f.employedOrAdvanced !== null && f.employedOrAdvanced > f.completions) {
    problems.push({
      field: 'employedOrAdvanced',
      reason: `cannot exceed the completions (${f.completions})`,
      code: 'employed_over_completions',
    });
  }
  const seen = new Set<string>();
  f.spending.forEach((line, i) => {
    if (seen.has(line.category)) {
      problems.push({
        field: `spending.${i}.category`,
        reason: 'appears twice; give one line per category',
        code: 'duplicate_category',
      });
    }
    seen.add(line.category);
  });
  const spent = f.spending.reduce((a, l) => a + l.amountCents, 0);
  if (spent > awardCents) {
    problems.push({
      field: 'spending',
      reason: `the spending reported (${spent} cents) exceeds the award (${awardCents} cents)`,
      code: 'spending_over_award',
      params: { spentCents: spent, awardCents },
    });
  }
  return problems;
}

/** What blocks a submission: every count given, consistent figures, and the final report's spending. */
export function submitProblems(f: ReportFigures, kind: ReportKind, awardCents: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of COUNTS) {
    if (f[field] === null) problems.push({ field, reason: 'is required to submit the report', code: 'required' });
  }
  if (kind === 'final' && f.spending.length === 0) {
    problems.push({
      field: 'spending',
      reason: 'the final report accounts for the spending by budget category',
      code: 'required',
    });
  }
  return [...problems, ...figureProblems(f, awardCents)];
}
