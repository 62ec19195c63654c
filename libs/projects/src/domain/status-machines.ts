/**
 * The status machines of a funded project, as tables: which action moves which status where. Services ask
 * `transition(...)`; a refused step is a conflict with a stable code, never a silent change.
 */
export const PROJECT_STATUSES = ['agreement_pending', 'active', 'closed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const AGREEMENT_STATUSES = ['draft', 'sent', 'signed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const MILESTONE_STATUSES = ['pending', 'delivered', 'accepted', 'returned'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const TRANCHE_STATUSES = ['scheduled', 'released'] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

type Machine<S extends string, A extends string> = Record<A, { from: readonly S[]; to: S | null }>;

/** `to: null`: the action keeps the status (a draft save). */
export const PROJECT_MACHINE = {
  sign: { from: ['agreement_pending'], to: 'active' },
  close: { from: ['active'], to: 'closed' },
  cancel: { from: ['agreement_pending', 'active'], to: 'cancelled' },
} as const satisfies Machine<ProjectStatus, string>;

export const AGREEMENT_MACHINE = {
  send: { from: ['draft'], to: 'sent' },
  upload: { from: ['draft', 'sent'], to: null },
  sign: { from: ['sent'], to: 'signed' },
} as const satisfies Machine<AgreementStatus, string>;

export const MILESTONE_MACHINE = {
  deliver: { from: ['pending', 'returned'], to: 'delivered' },
  accept: { from: ['delivered'], to: 'accepted' },
  return: { from: ['delivered'], to: 'returned' },
  /** The agreement signed, the final report accepted: the milestone follows without a delivery. */
  complete: { from: ['pending', 'delivered', 'returned'], to: 'accepted' },
  reschedule: { from: ['pending', 'delivered', 'returned'], to: null },
} as const satisfies Machine<MilestoneStatus, string>;

export const REPORT_MACHINE = {
  save: { from: ['not_started', 'draft', 'returned'], to: 'draft' },
  submit: { from: ['not_started', 'draft', 'returned'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  return: { from: ['submitted'], to: 'returned' },
  reschedule: { from: ['not_started', 'draft', 'returned', 'submitted'], to: null },
} as const satisfies Machine<ReportStatus, string>;

export type Transition<S> = { ok: true; to: S } | { ok: false; code: string; message: string };

/**
 * Where `action` takes `from` in `machine`, or why it cannot: the code names the subject and its status
 * (`MILESTONE_PENDING`: a pending milestone cannot be accepted; `REPORT_SUBMITTED`: a submitted report cannot be saved).
 */
export function transition<S extends string, A extends string>(
  machine: Machine<S, A>,
  subject: string,
  from: S,
  action: A,
): Transition<S> {
  const step = machine[action];
  if (!step) throw new Error(`Unknown action ${action} on ${subject}`);
  if (!step.from.includes(from)) {
    return {
      ok: false,
      code: `${subject.toUpperCase()}_${from.toUpperCase()}`,
      message: `${/^[aeiou]/.test(from) ? 'An' : 'A'} ${from.replace(/_/g, ' ')} ${subject} cannot be ${PAST[action] ?? `${action}ed`}`,
    };
  }
  return { ok: true, to: step.to ?? from };
}

const PAST: Record<string, string> = {
  send: 'sent',
  upload: 'given a document',
  sign: 'signed',
  close: 'closed',
  cancel: 'cancelled',
  deliver: 'delivered',
  accept: 'accepted',
  return: 'returned',
  complete: 'completed',
  reschedule: 'rescheduled',
  save: 'saved',
  submit: 'submitted',
};

/** Statuses in which the institution still owes the report. */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['not_started', 'draft', 'returned'];
/** Statuses in which the project is still running (schedules count, overdue flags apply). */
export const LIVE_PROJECT_STATUSES: readonly ProjectStatus[] = ['agreement_pending', 'active'];
