import type { Decision } from '../types';
import { decisionProposalLabel, isLive, liveDecisionsByProposal } from './decision-state';

const decision = (over: Partial<Decision>): Decision => ({
  id: 'd1',
  fundId: 'f1',
  proposalId: 'p1',
  trackingNumber: 'CF-1',
  proposalTitle: 'Title',
  institutionName: 'College',
  kind: 'fund_full',
  amountCents: 100_00,
  requestedCents: 100_00,
  conditions: '',
  rationale: 'why',
  status: 'recommended',
  recommendedBy: 'u1',
  recommendedByName: 'Officer',
  recommendedAt: '2026-01-01T10:00:00.000Z',
  decidedBy: null,
  decidedByName: null,
  decidedAt: null,
  decisionNote: null,
  rescindedAt: null,
  rescindReason: null,
  ...over,
});

describe('decision state', () => {
  it('only recommended and confirmed decisions stand', () => {
    expect(isLive(decision({ status: 'recommended' }))).toBe(true);
    expect(isLive(decision({ status: 'confirmed' }))).toBe(true);
    for (const status of ['returned', 'rescinded', 'superseded'] as const) {
      expect(isLive(decision({ status }))).toBe(false);
    }
  });

  it("keeps each proposal's most recent live decision", () => {
    const live = liveDecisionsByProposal([
      decision({ id: 'old', status: 'returned', recommendedAt: '2026-01-03T00:00:00.000Z' }),
      decision({ id: 'wait', kind: 'waitlist', status: 'confirmed', recommendedAt: '2026-01-01T00:00:00.000Z' }),
      decision({ id: 'new', status: 'recommended', recommendedAt: '2026-01-02T00:00:00.000Z' }),
      decision({ id: 'other', proposalId: 'p2', status: 'rescinded' }),
    ]);
    expect(live.get('p1')?.id).toBe('new');
    expect(live.has('p2')).toBe(false);
  });

  it('labels a proposal by tracking number and title', () => {
    expect(decisionProposalLabel(decision({}), 'Untitled')).toBe('CF-1 — Title');
    expect(decisionProposalLabel({ trackingNumber: null, proposalTitle: '' }, 'Untitled')).toBe('— — Untitled');
  });
});
