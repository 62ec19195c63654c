/**
 * Funding decisions (issue 5), framework-free: what an officer may recommend, and how a decision moves.
 *
 *   recommended ──confirm (another person)──> confirmed ──rescind──> rescinded
 *        │                                        │
 *        └──return (another person)──> returned    └── (waitlist) superseded by a new recommendation (promotion)
 *
 * Only a confirmed fund_full / fund_partial decision commits money; rescinding it releases the money.
 */
import type { FieldProblem } from '@cf/platform';

export const DECISION_KINDS = ['fund_full', 'fund_partial', 'waitlist', 'decline'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_STATUSES = ['recommended', 'confirmed', 'returned', 'rescinded', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const commitsMoney = (kind: DecisionKind): boolean => kind === 'fund_full' || kind === 'fund_partial';

/** The amount a recommendation commits once confirmed: the whole request, a part of it, or nothing. */
export function decisionAmount(
  kind: DecisionKind,
  requestedCents: number,
  amountCents: number | undefined,
): { amountCents: number } | { problems: FieldProblem[] } {
  if (kind === 'fund_full') {
    if (requestedCents <= 0) return { problems: [{ field: 'kind', reason: 'the proposal requests no money' }] };
    if (amountCents !== undefined && amountCents !== requestedCents) {
      return { problems: [{ field: 'amountCents', reason: `funding in full is the request, ${requestedCents} cents` }] };
    }
    return { amountCents: requestedCents };
  }
  if (kind === 'fund_partial') {
    if (amountCents === undefined) return { problems: [{ field: 'amountCents', reason: 'is required to fund in part' }] };
    if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
      return { problems: [{ field: 'amountCents', reason: 'must be a positive whole number of cents' }] };
    }
    if (amountCents >= requestedCents) {
      return {
        problems: [
          { field: 'amountCents', reason: `must be less than the request (${requestedCents} cents); fund in full instead` },
        ],
      };
    }
    return { amountCents };
  }
  if (amountCents !== undefined && amountCents !== 0) {
    return { problems: [{ field: 'amountCents', reason: `a ${kind} decision commits no money` }] };
  }
  return { amountCents: 0 };
}

/** The proposal's status once a decision is recommended or confirmed (the brief's lifecycle). */
export function proposalStatusAfter(kind: DecisionKind, status: 'recommended' | 'confirmed'): string | null {
  if (kind === 'waitlist') return null;
  if (status === 'recommended') return commitsMoney(kind) ? 'recommended' : 'not_recommended';
  return commitsMoney(kind) ? 'awarded' : 'declined';
}
