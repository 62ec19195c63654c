import type { FieldProblem } from '@cf/platform';

/** The ministry's review of a micro-credential for student assistance (OSAP), as the institution records it. */
export const OSAP_STATUSES = ['not_submitted', 'submitted', 'approved', 'not_approved'] as const;
export type OsapStatus = (typeof OSAP_STATUSES)[number];

export interface MicroCredentialRecord {
  launchedOn: string | null;
  osapStatus: OsapStatus;
  osapStatusOn: string | null;
  enrolled: number;
  completed: number;
}

/**
 * What makes a micro-credential record inconsistent: more completions than enrolments, learners in a program not
 * launched, a launch date in the future (that is the planned date), an OSAP status without the date it took effect.
 */
export function microCredentialProblems(r: MicroCredentialRecord, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (r.completed > r.enrolled) {
    problems.push({
      field: 'completed',
      reason: `cannot exceed the enrolled learners (${r.enrolled})`,
      code: 'completed_over_enrolled',
    });
  }
  if (r.enrolled > 0 && !r.launchedOn) {
    problems.push({ field: 'launchedOn', reason: 'is required once learners are enrolled', code: 'required' });
  }
  if (r.launchedOn && r.launchedOn > today) {
    problems.push({
      field: 'launchedOn',
      reason: `cannot be after today (${today}); give a future date as plannedLaunchOn`,
      code: 'launch_in_future',
    });
  }
  if (r.osapStatus !== 'not_submitted' && !r.osapStatusOn) {
    problems.push({ field: 'osapStatusOn', reason: `is required when the OSAP status is ${r.osapStatus}`, code: 'required' });
  }
  if (r.osapStatusOn && r.osapStatusOn > today) {
    problems.push({ field: 'osapStatusOn', reason: `cannot be after today (${today})`, code: 'date_in_future' });
  }
  return problems;
}
