import { decisionAmount, proposalStatusAfter } from './decision-rules';

describe('decisionAmount', () => {
  it('funds in full at the request, in part below it, and commits nothing otherwise', () => {
    expect(decisionAmount('fund_full', 5_000_000, undefined)).toEqual({ amountCents: 5_000_000 });
    expect(decisionAmount('fund_partial', 5_000_000, 3_000_000)).toEqual({ amountCents: 3_000_000 });
    expect(decisionAmount('waitlist', 5_000_000, undefined)).toEqual({ amountCents: 0 });
    expect(decisionAmount('decline', 5_000_000, 0)).toEqual({ amountCents: 0 });
  });

  it('names the field when the amount does not fit', () => {
    expect(decisionAmount('fund_partial', 5_000_000, 5_000_000)).toEqual({
      problems: [{ field: 'amountCents', reason: expect.stringContaining('less than the request') }],
    });
    expect(decisionAmount('fund_partial', 5_000_000, undefined)).toEqual({
      problems: [{ field: 'amountCents', reason: 'is required to fund in part' }],
    });
    expect(decisionAmount('fund_partial', 5_000_000, 10.5)).toEqual({
      problems: [{ field: 'amountCents', reason: 'must be a positive whole number of cents' }],
    });
    expect(decisionAmount('fund_full', 5_000_000, 4_000_000)).toMatchObject({ problems: [{ field: 'amountCents' }] });
    expect(decisionAmount('decline', 5_000_000, 1)).toMatchObject({ problems: [{ field: 'amountCents' }] });
    expect(decisionAmount('fund_full', 0, undefined)).toMatchObject({ problems: [{ field: 'kind' }] });
  });
});

describe('proposalStatusAfter', () => {
  it('follows the lifecycle: recommended → awarded, not_recommended → declined; a waitlist leaves it as it is', () => {
    expect(proposalStatusAfter('fund_partial', 'recommended')).toBe('recommended');
    expect(proposalStatusAfter('fund_full', 'confirmed')).toBe('awarded');
    expect(proposalStatusAfter('decline', 'recommended')).toBe('not_recommended');
    expect(proposalStatusAfter('decline', 'confirmed')).toBe('declined');
    expect(proposalStatusAfter('waitlist', 'confirmed')).toBeNull();
  });
});
