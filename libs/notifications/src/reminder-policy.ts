export const REMINDER_KINDS = ['d7', 'd1'] as const;
/** `d7`: the week before a fund closes; `d1`: its last day. */
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const DAY_MS = 24 * 3600 * 1000;

/** How long before `closes_at` each reminder's window opens; the window ends where the next one opens. */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = { d7: 7 * DAY_MS, d1: 1 * DAY_MS };

/**
 * The reminder a fund is due for at `now`, or null. The windows are (7 days, 1 day] and
 * (1 day, 0] before `closesAt`: a reminder not sent in its own window (the product was down, the
 * fund opened late) is never sent late, because the next one supersedes it; none after closing.
 */
export function reminderDue(closesAt: Date, now: Date, alreadySent: Iterable<ReminderKind>): ReminderKind | null {
  const left = closesAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const sent = new Set(alreadySent);
  const kind: ReminderKind | null = left <= REMINDER_LEAD_MS.d1 ? 'd1' : left <= REMINDER_LEAD_MS.d7 ? 'd7' : null;
  return kind && !sent.has(kind) ? kind : null;
}
