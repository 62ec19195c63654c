/** The proposal lifecycle (BRIEF): draft -> submitted -> screened -> in review -> ... */
export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'in_review',
  'reviewed',
  'recommended',
  'not_recommended',
  'awarded',
  'declined',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

const TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['submitted', 'eligible', 'ineligible', 'withdrawn'],
  eligible: ['in_review'],
  ineligible: [],
  in_review: ['reviewed'],
  reviewed: ['recommended', 'not_recommended'],
  recommended: ['awarded', 'declined', 'reviewed'],
  not_recommended: ['reviewed'],
  awarded: [],
  declined: [],
  withdrawn: [],
};

export function canTransition(from: ProposalStatus, to: ProposalStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which the applicant may still change the working copy (within the deadline). */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ['draft', 'submitted'];

/** Statuses that use one of the institution's submissions in a fund. */
export const COUNTS_AS_SUBMISSION = (s: ProposalStatus): boolean => s !== 'draft' && s !== 'withdrawn';
