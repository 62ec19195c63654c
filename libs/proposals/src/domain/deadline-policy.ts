/**
 * Whether an applicant may still act on a proposal (submit, resubmit, edit, withdraw) at the
 * instant the server received the request. "11:59 p.m." means the whole minute, so the fund's
 * closesAt is the last millisecond (23:59:59.999) and a request at that instant is on time.
 * A program officer's extension moves the limit for one proposal.
 */
export interface DeadlineContext {
  opensAt: Date;
  closesAt: Date;
  /** The latest extension granted to this proposal, if any. */
  extensionUntil: Date | null;
}

export type DeadlineVerdict =
  { open: true; by: 'deadline' | 'extension'; until: Date } | { open: false; reason: 'not_open' | 'closed'; until: Date };

export function effectiveDeadline(ctx: DeadlineContext): Date {
  return ctx.extensionUntil && ctx.extensionUntil.getTime() > ctx.closesAt.getTime() ? ctx.extensionUntil : ctx.closesAt;
}

export function applicantWindow(ctx: DeadlineContext, receivedAt: Date): DeadlineVerdict {
  const t = receivedAt.getTime();
  if (t < ctx.opensAt.getTime()) return { open: false, reason: 'not_open', until: ctx.opensAt };
  if (t <= ctx.closesAt.getTime()) return { open: true, by: 'deadline', until: effectiveDeadline(ctx) };
  const until = effectiveDeadline(ctx);
  if (t <= until.getTime()) return { open: true, by: 'extension', until };
  return { open: false, reason: 'closed', until };
}
