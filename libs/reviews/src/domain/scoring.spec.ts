import { draftProblems, submitProblems, weightedTotal } from './scoring';

const rubric = [
  { code: 'employer_responsive', weight: 40, scaleMin: 0, scaleMax: 10 },
  { code: 'upskilling', weight: 30, scaleMin: 0, scaleMax: 10 },
  { code: 'critical_need', weight: 30, scaleMin: 1, scaleMax: 5 },
];
const comment = 'Clear evidence of employer demand.';
const full = [
  { criterionCode: 'employer_responsive', score: 8, comment },
  { criterionCode: 'upskilling', score: 5, comment },
  { criterionCode: 'critical_need', score: 3, comment },
];

describe('weightedTotal', () => {
  it('weights each criterion after scaling it to 0-1', () => {
    // 40·0.8 + 30·0.5 + 30·0.5 = 62 of 100
    expect(weightedTotal(rubric, full)).toBe(62);
  });

  it('is 0 at every minimum and 100 at every maximum', () => {
    expect(
      weightedTotal(
        rubric,
        rubric.map((c) => ({ criterionCode: c.code, score: c.scaleMin, comment })),
      ),
    ).toBe(0);
    expect(
      weightedTotal(
        rubric,
        rubric.map((c) => ({ criterionCode: c.code, score: c.scaleMax, comment })),
      ),
    ).toBe(100);
  });

  it('is null while a criterion is unscored', () => {
    expect(weightedTotal(rubric, full.slice(0, 2))).toBeNull();
    expect(weightedTotal(rubric, [...full.slice(0, 2), { criterionCode: 'critical_need', score: null, comment }])).toBeNull();
  });

  it('rounds to 2 decimals', () => {
    const r = [
      { code: 'a', weight: 1, scaleMin: 0, scaleMax: 3 },
      { code: 'b', weight: 2, scaleMin: 0, scaleMax: 3 },
    ];
    // (1·1/3 + 2·0) / 3 = 11.111…
    expect(
      weightedTotal(r, [
        { criterionCode: 'a', score: 1, comment },
        { criterionCode: 'b', score: 0, comment },
      ]),
    ).toBe(11.11);
  });
});

describe('draftProblems', () => {
  it('accepts a partial draft', () => {
    expect(draftProblems(rubric, [{ criterionCode: 'upskilling', score: null, comment: '' }])).toEqual([]);
  });

  it('names the field of a score off the scale, a fraction, an unknown or repeated criterion', () => {
    expect(
      draftProblems(rubric, [
        { criterionCode: 'employer_responsive', score: 11, comment },
        { criterionCode: 'critical_need', score: 0, comment },
        { criterionCode: 'upskilling', score: 2.5, comment },
        { criterionCode: 'bogus', score: 1, comment },
        { criterionCode: 'upskilling', score: 1, comment },
      ]),
    ).toEqual([
      { field: 'scores.0.score', reason: 'must be a whole number from 0 to 10' },
      { field: 'scores.1.score', reason: 'must be a whole number from 1 to 5' },
      { field: 'scores.2.score', reason: 'must be a whole number from 0 to 10' },
      { field: 'scores.3.criterionCode', reason: expect.stringContaining('is not a criterion of this fund') },
      { field: 'scores.4.criterionCode', reason: 'is scored twice' },
    ]);
  });
});

describe('submitProblems', () => {
  it('passes a complete review', () => {
    expect(
      submitProblems(rubric, { scores: full, overallComment: 'Strong and focused proposal.', recommendation: 'fund' }),
    ).toEqual([]);
  });

  it('requires every score with a comment, an overall comment and a recommendation', () => {
    const problems = submitProblems(rubric, {
      scores: [{ criterionCode: 'employer_responsive', score: 8, comment: 'ok' }],
      overallComment: ' ',
      recommendation: null,
    });
    expect(problems.map((p) => p.field)).toEqual([
      'scores.employer_responsive.comment',
      'scores.upskilling.score',
      'scores.upskilling.comment',
      'scores.critical_need.score',
      'scores.critical_need.comment',
      'overallComment',
      'recommendation',
    ]);
  });
});
