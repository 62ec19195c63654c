/**
 * Automatic conflicts of interest (issue 4): a reviewer is conflicted on a proposal when one of
 * their affiliations matches the proposal's lead institution or one of its partners, by name after
 * normalization (see organization-name.ts), and the affiliation is current or ended within the
 * fund's look-back window.
 *
 * "Current or recent": the affiliation counts when endedOn is null (open-ended), or endedOn is on or
 * after `today` minus `lookbackYears` calendar years. The start date does not matter: an affiliation
 * that starts in the future (an accepted position) is a conflict too. Calendar arithmetic on
 * YYYY-MM-DD dates only (no time zone, no milliseconds): one year before 2024-02-29 is 2023-02-28.
 * Declared conflicts are recorded elsewhere and are not derived here.
 */
import { organizationKey } from './organization-name';

export interface ReviewerAffiliation {
  name: string;
  /** YYYY-MM-DD, or null when unknown; informative only. */
  startedOn: string | null;
  /** YYYY-MM-DD, the last day of the affiliation, or null when it is current. */
  endedOn: string | null;
}

export interface ConflictReviewer {
  id: string;
  affiliations: readonly ReviewerAffiliation[];
}

export interface ConflictProposal {
  id: string;
  leadInstitutionName: string;
  partnerNames: readonly string[];
}

export type ConflictReason = 'lead_institution' | 'partner';

export interface Conflict {
  /** Which side of the proposal the affiliation matches. */
  reason: ConflictReason;
  /** The reviewer's affiliation, as recorded. */
  affiliation: string;
  /** The proposal's organization name it matched, as recorded. */
  matched: string;
  /** The affiliation's end date (null: current). */
  endedOn: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

/** Parses a calendar date (YYYY-MM-DD); throws a RangeError for anything else, including 2023-02-29. */
export function parseCalendarDate(value: string, field = 'date'): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(value);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${field} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return { year, month, day };
}

/** The same day `years` years earlier, clamped to the end of the month (2024-02-29 minus 1 year is 2023-02-28). */
export function subtractYears(date: string, years: number): string {
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`years must be a non-negative integer, got ${years}`);
  const { year, month, day } = parseCalendarDate(date);
  const y = year - years;
  const d = Math.min(day, daysInMonth(y, month));
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whether an affiliation still counts on `today`: current, or ended on or after today minus lookbackYears. */
export function affiliationCounts(
  affiliation: Pick<ReviewerAffiliation, 'endedOn'>,
  today: string,
  lookbackYears: number,
): boolean {
  return countsSince(affiliation, subtractYears(today, lookbackYears));
}

function countsSince(affiliation: Pick<ReviewerAffiliation, 'endedOn'>, since: string): boolean {
  if (affiliation.endedOn === null) return true;
  parseCalendarDate(affiliation.endedOn, 'endedOn');
  return affiliation.endedOn >= since; // zero-padded ISO dates compare as strings
}

/**
 * The reviewer's conflicts on the proposal: one entry per (affiliation that counts, matching
 * proposal organization), in the reviewer's affiliation order and, for each affiliation, lead
 * institution first, then partners in the proposal's order. Empty when there is no conflict.
 * Throws a RangeError for a malformed date or a negative look-back.
 */
export function conflictsOf(
  reviewer: ConflictReviewer,
  proposal: ConflictProposal,
  today: string,
  lookbackYears: number,
): Conflict[] {
  const targets: { reason: ConflictReason; name: string; key: string }[] = [
    { reason: 'lead_institution', name: proposal.leadInstitutionName, key: organizationKey(proposal.leadInstitutionName) },
    ...proposal.partnerNames.map((name) => ({ reason: 'partner' as const, name, key: organizationKey(name) })),
  ];
  const since = subtractYears(today, lookbackYears);
  const conflicts: Conflict[] = [];
  const seen = new Set<string>();
  for (const affiliation of reviewer.affiliations) {
    if (!countsSince(affiliation, since)) continue;
    const key = organizationKey(affiliation.name);
    if (!key) continue;
    for (const target of targets) {
      if (target.key !== key) continue;
      const id = JSON.stringify([target.reason, affiliation.name, target.name, affiliation.endedOn]);
      if (seen.has(id)) continue;
      seen.add(id);
      conflicts.push({
        reason: target.reason,
        affiliation: affiliation.name,
        matched: target.name,
        endedOn: affiliation.endedOn,
      });
    }
  }
  return conflicts;
}

/** Whether the reviewer has at least one automatic conflict on the proposal. */
export function isConflicted(
  reviewer: ConflictReviewer,
  proposal: ConflictProposal,
  today: string,
  lookbackYears: number,
): boolean {
  return conflictsOf(reviewer, proposal, today, lookbackYears).length > 0;
}

/**
 * The same decision as isConflicted for many pairs at once: each name is normalized once, not once per
 * pair (what makes auto-assignment of 1,000 proposals to 60 reviewers cheap). Answers a predicate.
 */
export function conflictPredicate(
  reviewers: readonly ConflictReviewer[],
  proposals: readonly ConflictProposal[],
  today: string,
  lookbackYears: number,
): (proposalId: string, reviewerId: string) => boolean {
  const since = subtractYears(today, lookbackYears);
  const reviewerKeys = new Map(
    reviewers.map((r) => [
      r.id,
      new Set(
        r.affiliations
          .filter((a) => countsSince(a, since))
          .map((a) => organizationKey(a.name))
          .filter(Boolean),
      ),
    ]),
  );
  const proposalKeys = new Map(
    proposals.map((p) => [p.id, [p.leadInstitutionName, ...p.partnerNames].map(organizationKey).filter(Boolean)]),
  );
  return (proposalId, reviewerId) => {
    const keys = reviewerKeys.get(reviewerId);
    const targets = proposalKeys.get(proposalId);
    if (!keys || !targets) throw new RangeError(`unknown proposal ${proposalId} or reviewer ${reviewerId}`);
    return keys.size > 0 && targets.some((k) => keys.has(k));
  };
}
