import { addDays, addMonths } from './calendar-date';

/**
 * The schedule a funded project starts with: milestones with due dates, payment tranches tied to milestones, and
 * the interim and final reports, all from the award and the confirmation date. Pure data in, data out; a fund
 * may later carry its own template (`ScheduleTemplate`), the arithmetic stays here.
 */
export const MILESTONE_KINDS = [
  'agreement_signed',
  'micro_credential_launched',
  'enrolment_open',
  'final_report',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** Milestones that follow another record rather than a delivery: the agreement, the final report. */
export const AUTOMATIC_MILESTONES: readonly MilestoneKind[] = ['agreement_signed', 'final_report'];

export const REPORT_KINDS = ['interim', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const BASIS_POINTS = 10_000;

export interface ScheduleTemplate {
  /** In order; due `months` months and `days` days after the project starts. */
  milestones: { kind: MilestoneKind; title: string; deliverable: string; months: number; days: number }[];
  /** Shares of the award in basis points (summing to 10,000), each paid when its milestone is accepted. */
  tranches: { milestone: MilestoneKind; basisPoints: number }[];
  reports: { kind: ReportKind; title: string; months: number }[];
}

export const DEFAULT_SCHEDULE: ScheduleTemplate = {
  milestones: [
    {
      kind: 'agreement_signed',
      title: 'Agreement signed',
      deliverable: 'The transfer payment agreement, signed by the institution and the ministry',
      months: 0,
      days: 30,
    },
    {
      kind: 'micro_credential_launched',
      title: 'Micro-credential launched',
      deliverable: 'The first funded micro-credential launched, with its launch date, delivery mode and hours',
      months: 4,
      days: 0,
    },
    {
      kind: 'enrolment_open',
      title: 'Enrolment open',
      deliverable: 'Enrolment open to learners in every funded micro-credential',
      months: 6,
      days: 0,
    },
    {
      kind: 'final_report',
      title: 'Final report',
      deliverable: 'The final report (enrolments, completions, outcomes, spending) accepted by the ministry',
      months: 18,
      days: 0,
    },
  ],
  tranches: [
    { milestone: 'agreement_signed', basisPoints: 5_000 },
    { milestone: 'micro_credential_launched', basisPoints: 4_000 },
    { milestone: 'final_report', basisPoints: 1_000 },
  ],
  reports: [
    { kind: 'interim', title: 'Interim report 1', months: 6 },
    { kind: 'interim', title: 'Interim report 2', months: 12 },
    { kind: 'final', title: 'Final report', months: 18 },
  ],
};

/**
 * Splits `totalCents` into integer cents by shares in basis points, summing exactly to the total: each part is
 * rounded down, and the cents left over go to the parts with the largest remainders (the earlier part on a tie).
 * 100,000.01 $ at 50/40/10 % gives 5,000,001 + 4,000,000 + 1,000,000 cents.
 */
export function splitCents(totalCents: number, basisPoints: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0)
    throw new RangeError(`totalCents must be whole cents, got ${totalCents}`);
  if (!basisPoints.length || basisPoints.some((b) => !Number.isInteger(b) || b < 0)) {
    throw new RangeError('shares must be whole basis points, at least one');
  }
  const sum = basisPoints.reduce((a, b) => a + b, 0);
  if (sum !== BASIS_POINTS) throw new RangeError(`shares must sum to ${BASIS_POINTS} basis points (100 %), got ${sum}`);
  const exact = basisPoints.map((b) => BigInt(totalCents) * BigInt(b));
  const parts = exact.map((e) => Number(e / BigInt(BASIS_POINTS)));
  let left = totalCents - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, remainder: e % BigInt(BASIS_POINTS) }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

export interface PlannedMilestone {
  position: number;
  kind: MilestoneKind;
  title: string;
  deliverable: string;
  dueOn: string;
}

export interface PlannedTranche {
  position: number;
  /** Index into `milestones`. */
  milestonePosition: number;
  basisPoints: number;
  amountCents: number;
}

export interface PlannedReport {
  position: number;
  kind: ReportKind;
  title: string;
  dueOn: string;
}

export interface ProjectPlan {
  startOn: string;
  endOn: string;
  milestones: PlannedMilestone[];
  tranches: PlannedTranche[];
  reports: PlannedReport[];
}

/** Checks a template: milestones named once each, tranches on known milestones summing to 100 %, one final report. */
export function templateProblems(t: ScheduleTemplate): string[] {
  const problems: string[] = [];
  const kinds = t.milestones.map((m) => m.kind);
  if (!t.milestones.length) problems.push('at least one milestone');
  if (new Set(kinds.filter((k) => k !== 'other')).size !== kinds.filter((k) => k !== 'other').length) {
    problems.push('each milestone kind at most once');
  }
  for (const tr of t.tranches)
    if (!kinds.includes(tr.milestone)) problems.push(`a tranche on a missing milestone ${tr.milestone}`);
  const bp = t.tranches.reduce((a, b) => a + b.basisPoints, 0);
  if (bp !== BASIS_POINTS) problems.push(`tranches summing to 100 % (got ${bp / 100} %)`);
  if (t.reports.filter((r) => r.kind === 'final').length !== 1) problems.push('exactly one final report');
  return problems;
}

/**
 * The plan of a project awarded `awardCents` and starting on `startOn` (the confirmation date where the program
 * runs). Tranche amounts sum exactly to the award; a tranche that would round to nothing (a tiny award) is left out.
 */
export function planProject(awardCents: number, startOn: string, template: ScheduleTemplate = DEFAULT_SCHEDULE): ProjectPlan {
  const problems = templateProblems(template);
  if (problems.length) throw new RangeError(`Schedule template needs ${problems.join(', ')}`);
  if (!Number.isSafeInteger(awardCents) || awardCents <= 0)
    throw new RangeError(`awardCents must be positive whole cents, got ${awardCents}`);
  const due = (months: number, days: number) => addDays(addMonths(startOn, months), days);
  const milestones = template.milestones.map((m, position) => ({
    position,
    kind: m.kind,
    title: m.title,
    deliverable: m.deliverable,
    dueOn: due(m.months, m.days),
  }));
  const amounts = splitCents(
    awardCents,
    template.tranches.map((t) => t.basisPoints),
  );
  const tranches = template.tranches
    .map((t, i) => ({
      milestonePosition: template.milestones.findIndex((m) => m.kind === t.milestone),
      basisPoints: t.basisPoints,
      amountCents: amounts[i],
    }))
    .filter((t) => t.amountCents > 0)
    .map((t, position) => ({ position, ...t }));
  const reports = template.reports.map((r, position) => ({ position, kind: r.kind, title: r.title, dueOn: due(r.months, 0) }));
  const endOn = [...milestones.map((m) => m.dueOn), ...reports.map((r) => r.dueOn)].sort().at(-1)!;
  return { startOn, endOn, milestones, tranches, reports };
}
