import { ReportFigures, submitProblems } from './report-rules';

const figures = (f: Partial<ReportFigures> = {}): ReportFigures => ({
  enrolments: 40,
  completions: 30,
  employedOrAdvanced: 20,
  employerPartners: 3,
  spending: [{ category: 'curriculum_development', amountCents: 1_000_000 }],
  narrative: '',
  ...f,
});

describe('report rules', () => {
  it('accepts complete, consistent figures', () => {
    expect(submitProblems(figures(), 'final', 5_000_000)).toEqual([]);
    expect(submitProblems(figures({ spending: [] }), 'interim', 5_000_000)).toEqual([]);
  });

  it('names each missing or inconsistent field', () => {
    expect(submitProblems(figures({ enrolments: null, employerPartners: null }), 'interim', 1).map((p) => p.field)).toEqual([
      'enrolments',
      'employerPartners',
      'spending',
    ]);
    expect(submitProblems(figures({ completions: 50 }), 'interim', 5_000_000).map((p) => [p.field, p.code])).toEqual([
      ['completions', 'completions_over_enrolments'],
    ]);
    expect(submitProblems(figures({ employedOrAdvanced: 31 }), 'interim', 5_000_000)[0].field).toBe('employedOrAdvanced');
    expect(submitProblems(figures({ spending: [] }), 'final', 5_000_000)).toEqual([
      expect.objectContaining({ field: 'spending', code: 'required' }),
    ]);
    expect(
      submitProblems(
        figures({
          spending: [
            { category: 'technology', amountCents: 1 },
            { category: 'technology', amountCents: 2 },
          ],
        }),
        'interim',
        5_000_000,
      ),
    ).toEqual([expect.objectContaining({ field: 'spending.1.category', code: 'duplicate_category' })]);
  });
});
