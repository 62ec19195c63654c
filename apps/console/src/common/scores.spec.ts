/// <reference types="jest" />
import { formatScore, isValidScore, parseScoreText, scaleValues, weightedTotal } from './scores';

const criteria = [
  { code: 'need', weight: 2, scaleMin: 1, scaleMax: 5 },
  { code: 'design', weight: 1, scaleMin: 0, scaleMax: 10 },
];

describe('review scores in the console', () => {
  it('computes the weighted total on 0-100 like the server', () => {
    // 100 * (2 * 3/4 + 1 * 5/10) / 3 = 66.666... -> 66.67
    expect(
      weightedTotal(criteria, [
        { criterionCode: 'need', score: 4 },
        { criterionCode: 'design', score: 5 },
      ]),
    ).toBe(66.67);
    expect(
      weightedTotal(criteria, [
        { criterionCode: 'need', score: 5 },
        { criterionCode: 'design', score: 10 },
      ]),
    ).toBe(100);
    expect(
      weightedTotal(criteria, [
        { criterionCode: 'need', score: 1 },
        { criterionCode: 'design', score: 0 },
      ]),
    ).toBe(0);
  });

  it('has no total until every criterion is scored', () => {
    expect(weightedTotal(criteria, [{ criterionCode: 'need', score: 4 }])).toBeNull();
    expect(
      weightedTotal(criteria, [
        { criterionCode: 'need', score: 4 },
        { criterionCode: 'design', score: null },
      ]),
    ).toBeNull();
    expect(weightedTotal([], [])).toBeNull();
  });

  it('accepts whole numbers on the scale only', () => {
    expect(isValidScore(criteria[0], 1)).toBe(true);
    expect(isValidScore(criteria[0], 0)).toBe(false);
    expect(isValidScore(criteria[0], 2.5)).toBe(false);
    expect(scaleValues(criteria[0])).toEqual([1, 2, 3, 4, 5]);
  });

  it('formats and parses totals in both languages', () => {
    expect(formatScore(72.5, 'en')).toBe('72.5');
    expect(formatScore(72.5, 'fr')).toBe('72,5');
    expect(formatScore(66.67, 'en')).toBe('66.67');
    expect(formatScore(null, 'en')).toBe('—');
    expect(parseScoreText('72,5')).toBe(72.5);
    expect(parseScoreText('')).toBeNull();
    expect(parseScoreText('101')).toBeNaN();
    expect(parseScoreText('1.234')).toBeNaN();
  });
});
