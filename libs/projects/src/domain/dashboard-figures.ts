import { addDays, daysBetween } from './calendar-date';

/**
 * The program officers' dashboard figures (issue 6), as pure functions over the rows the dashboard's queries read:
 * money by group, projects at risk, micro-credentials launched and enrolments by month. Money in integer cents,
 * dates `YYYY-MM-DD`, months `YYYY-MM`; "today" is always passed in (the server's Clock, in Toronto).
 */

/** The group of an award without any sector (a proposal that named none). */
export const NO_SECTOR = 'unspecified';

/**
 * `cents` split into `parts` integer shares that sum to it exactly: equal shares, the leftover cents one each to the
 * first shares (largest remainder, in the order given). 100 cents in 3: [34, 33, 33].
 */
export function splitEvenly(cents: number, parts: number): number[] {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`cents must be a non-negative integer, got ${cents}`);
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`parts must be a positive integer, got ${parts}`);
  const base = Math.floor(cents / parts);
  const left = cents - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < left ? 1 : 0));
}

/** One confirmed award's money and what it is grouped by. */
export interface AwardMoney {
  committedCents: number;
  disbursedCents: number;
  region: string;
  institutionType: string;
  /** The project's sectors (the proposal's as submitted); several, one or none. */
  sectors: readonly string[];
}

export interface MoneyGroup {
  key: string;
  committedCents: number;
  disbursedCents: number;
  /** Awards counted in the group (an award with several sectors is counted in each of its sectors). */
  awards: number;
}

/**
 * Committed against disbursed per group, largest commitment first (then by key). Each award belongs to the groups
 * `keysOf` gives; with several (sectors), its committed and disbursed amounts are each split evenly among them
 * (`splitEvenly`, in the keys' sorted order), so every grouping sums to the same totals, those of the fund's ledger.
 */
export function moneyBy(awards: readonly AwardMoney[], keysOf: (a: AwardMoney) => readonly string[]): MoneyGroup[] {
  const groups = new Map<string, MoneyGroup>();
  for (const a of awards) {
    const keys = [...new Set(keysOf(a))].sort();
    if (!keys.length) keys.push(NO_SECTOR);
    const committed = splitEvenly(a.committedCents, keys.length);
    const disbursed = splitEvenly(a.disbursedCents, keys.length);
    keys.forEach((key, i) => {
      const g = groups.get(key) ?? { key, committedCents: 0, disbursedCents: 0, awards: 0 };
      g.committedCents += committed[i];
      g.disbursedCents += disbursed[i];
      g.awards += 1;
      groups.set(key, g);
    });
  }
  return [...groups.values()].sort((a, b) => b.committedCents - a.committedCents || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export type OverdueItemKind = 'milestone' | 'report';

/** A milestone or report of a running project whose due date has passed and that is not done. */
export interface OverdueItem {
  kind: OverdueItemKind;
  id: string;
  title: string;
  /** The milestone's or report's kind (`agreement_signed`, `interim`, …). */
  itemKind: string;
  dueOn: string;
}

export interface AtRiskFigures {
  /** The first day the project was overdue: the day after its earliest missed due date. */
  overdueSince: string;
  /** Days since that earliest missed due date. */
  daysOverdue: number;
  items: (OverdueItem & { daysOverdue: number })[];
}

/** What is overdue on a project at `today` (oldest first) and since when; null when nothing is. */
export function atRiskFigures(overdue: readonly OverdueItem[], today: string): AtRiskFigures | null {
  const items = overdue
    .filter((o) => o.dueOn < today)
    .map((o) => ({ ...o, daysOverdue: daysBetween(o.dueOn, today) }))
    .sort((a, b) =>
      a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title),
    );
  if (!items.length) return null;
  return { overdueSince: addDays(items[0].dueOn, 1), daysOverdue: items[0].daysOverdue, items };
}

/** Micro-credentials of a fund's projects, counted per launch month (null: not launched by today). */
export interface LaunchMonthCount {
  month: string | null;
  count: number;
  enrolled: number;
}

export interface EnrolmentMonth {
  month: string;
  /** Micro-credentials launched by the end of the month (or by today, for the current month). */
  launched: number;
  /** The learners enrolled in those micro-credentials (their current enrolment figures). */
  enrolled: number;
}

/** `YYYY-MM` of a date `YYYY-MM-DD`. */
export const monthOf = (date: string): string => date.slice(0, 7);

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The cumulative monthly series from `fromMonth` to `toMonth` (both included): for each month, the micro-credentials
 * launched by its end and their learners. The records keep the current enrolment of each micro-credential, not its
 * history, so a micro-credential's learners count from the month it launched (a launch before `fromMonth` counts from
 * the first month). Empty when `fromMonth` is after `toMonth`.
 */
export function enrolmentsByMonth(counts: readonly LaunchMonthCount[], fromMonth: string, toMonth: string): EnrolmentMonth[] {
  const out: EnrolmentMonth[] = [];
  if (fromMonth > toMonth) return out;
  const launched = counts.filter((c): c is LaunchMonthCount & { month: string } => c.month !== null);
  let n = 0;
  let enrolled = 0;
  for (const c of launched) {
    if (c.month < fromMonth) {
      n += c.count;
      enrolled += c.enrolled;
    }
  }
  for (let month = fromMonth; month <= toMonth; month = nextMonth(month)) {
    for (const c of launched) {
      if (c.month === month) {
        n += c.count;
        enrolled += c.enrolled;
      }
    }
    out.push({ month, launched: n, enrolled });
  }
  return out;
}
