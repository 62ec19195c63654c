import type { Decision } from '../types';

/** A decision that stands: awaiting confirmation, or confirmed (a confirmed waitlist stands until a promotion). */
export const isLive = (decision: Decision): boolean => decision.status === 'recommended' || decision.status === 'confirmed';

/** Each proposal's live decision (the most recent one, if several). */
export const liveDecisionsByProposal = (decisions: readonly Decision[]): Map<string, Decision> => {
  const live = new Map<string, Decision>();
  for (const decision of decisions) {
    if (!isLive(decision)) continue;
    const current = live.get(decision.proposalId);
    if (!current || current.recommendedAt < decision.recommendedAt) live.set(decision.proposalId, decision);
  }
  return live;
};

/** "TRK-123 — Title" for headings and accessible names. */
export const decisionProposalLabel = (
  item: { trackingNumber: string | null; proposalTitle?: string; title?: string },
  untitled: string,
): string => `${item.trackingNumber ?? '—'} — ${item.proposalTitle || item.title || untitled}`;
