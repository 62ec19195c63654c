import { daysBetween, localDate } from './calendar-date';

/** Where the program runs: due dates are days in this zone. */
export const PROJECT_TIME_ZONE = 'America/Toronto';

/** How many days before a report's due date the institution is reminded. */
export const REPORT_REMINDER_DAYS = 14;

/** Today, as a calendar date where the program runs, by the server's clock (`now` comes from `Clock`). */
export function today(now: Date, timeZone: string = PROJECT_TIME_ZONE): string {
  return localDate(now, timeZone);
}

/**
 * Overdue: the due date has passed where the program runs (the whole of that day is over there, whatever the
 * offset that day, DST included) and the item is not done. Due on 2026-03-08 in Toronto: on time until
 * 2026-03-09T04:00Z (midnight EDT), overdue from then on.
 */
export function isOverdue(dueOn: string, done: boolean, now: Date, timeZone: string = PROJECT_TIME_ZONE): boolean {
  return !done && today(now, timeZone) > dueOn;
}

/** Days past the due date (0 when not overdue). */
export function daysOverdue(dueOn: string, done: boolean, now: Date, timeZone: string = PROJECT_TIME_ZONE): number {
  return isOverdue(dueOn, done, now, timeZone) ? daysBetween(dueOn, today(now, timeZone)) : 0;
}

export type ReportNotice = 'reminder' | 'overdue';

/**
 * Which mail a report is due for at `now`, or null: a reminder once, in the REPORT_REMINDER_DAYS before its due
 * date (up to and including the day itself); an overdue notice once, after the due date. A reminder missed in its
 * window is not sent late (the overdue notice supersedes it). Only reports the institution still owes count
 * (`open`: not started, draft, or returned to it).
 */
export function reportNoticeDue(
  report: { dueOn: string; open: boolean; reminded: boolean; overdueNotified: boolean },
  now: Date,
  timeZone: string = PROJECT_TIME_ZONE,
): ReportNotice | null {
  if (!report.open) return null;
  const left = daysBetween(today(now, timeZone), report.dueOn);
  if (left < 0) return report.overdueNotified ? null : 'overdue';
  if (left <= REPORT_REMINDER_DAYS && !report.reminded) return 'reminder';
  return null;
}
