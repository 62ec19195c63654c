import { affiliationCounts, conflictPredicate, conflictsOf, isConflicted, parseCalendarDate, subtractYears } from './conflicts';

const proposal = {
  id: 'p1',
  leadInstitutionName: 'Collège Boréal',
  partnerNames: ['Maple Leaf Foods Inc.', 'Boréal Construction Ltée'],
};
const reviewer = (affiliations: { name: string; startedOn?: string | null; endedOn: string | null }[]) => ({
  id: 'r1',
  affiliations: affiliations.map((a) => ({ startedOn: null, ...a })),
});

describe('subtractYears', () => {
  it('keeps the month and day', () => {
    expect(subtractYears('2025-03-15', 3)).toBe('2022-03-15');
    expect(subtractYears('2025-12-31', 0)).toBe('2025-12-31');
  });

  it('is leap-day safe: Feb 29 minus a year is Feb 28, minus four years is Feb 29', () => {
    expect(subtractYears('2024-02-29', 1)).toBe('2023-02-28');
    expect(subtractYears('2024-02-29', 4)).toBe('2020-02-29');
    expect(subtractYears('2024-02-29', 124)).toBe('1900-02-28');
    expect(subtractYears('2025-02-28', 1)).toBe('2024-02-28');
  });

  it('rejects malformed dates and negative or fractional years', () => {
    expect(() => subtractYears('2023-02-29', 1)).toThrow(RangeError);
    expect(() => subtractYears('2023-2-1', 1)).toThrow(RangeError);
    expect(() => subtractYears('2023-13-01', 1)).toThrow(RangeError);
    expect(() => subtractYears('2023-01-01', -1)).toThrow(RangeError);
    expect(() => subtractYears('2023-01-01', 1.5)).toThrow(RangeError);
    expect(parseCalendarDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });
});

describe('affiliationCounts', () => {
  const today = '2025-03-15';
  it('counts a current affiliation (no end, or ending today or later)', () => {
    expect(affiliationCounts({ endedOn: null }, today, 3)).toBe(true);
    expect(affiliationCounts({ endedOn: '2025-03-15' }, today, 0)).toBe(true);
    expect(affiliationCounts({ endedOn: '2026-06-30' }, today, 0)).toBe(true);
  });

  it('counts an affiliation that ended exactly lookbackYears ago, not one day more', () => {
    expect(affiliationCounts({ endedOn: '2022-03-15' }, today, 3)).toBe(true);
    expect(affiliationCounts({ endedOn: '2022-03-14' }, today, 3)).toBe(false);
  });

  it('with a zero look-back, only current affiliations count', () => {
    expect(affiliationCounts({ endedOn: '2025-03-14' }, today, 0)).toBe(false);
  });

  it('on a leap day, the boundary is Feb 28 of the earlier (non-leap) year', () => {
    expect(affiliationCounts({ endedOn: '2023-02-28' }, '2024-02-29', 1)).toBe(true);
    expect(affiliationCounts({ endedOn: '2023-02-27' }, '2024-02-29', 1)).toBe(false);
    expect(affiliationCounts({ endedOn: '2020-02-29' }, '2024-02-29', 4)).toBe(true);
    expect(affiliationCounts({ endedOn: '2020-02-28' }, '2024-02-29', 4)).toBe(false);
  });
});

describe('conflictsOf', () => {
  const today = '2025-03-15';

  it('finds a current affiliation with the lead institution, names matched after normalization', () => {
    expect(conflictsOf(reviewer([{ name: 'College Boreal', endedOn: null }]), proposal, today, 3)).toEqual([
      { reason: 'lead_institution', affiliation: 'College Boreal', matched: 'Collège Boréal', endedOn: null },
    ]);
  });

  it('finds a recent affiliation with a partner', () => {
    expect(
      conflictsOf(reviewer([{ name: 'MAPLE LEAF FOODS', startedOn: '2015-01-01', endedOn: '2023-08-31' }]), proposal, today, 3),
    ).toEqual([{ reason: 'partner', affiliation: 'MAPLE LEAF FOODS', matched: 'Maple Leaf Foods Inc.', endedOn: '2023-08-31' }]);
  });

  it('honours the look-back boundary: ended exactly lookbackYears ago counts, one day more does not', () => {
    const onBoundary = reviewer([{ name: 'Boreal Construction', endedOn: '2022-03-15' }]);
    const dayBefore = reviewer([{ name: 'Boreal Construction', endedOn: '2022-03-14' }]);
    expect(conflictsOf(onBoundary, proposal, today, 3)).toHaveLength(1);
    expect(conflictsOf(dayBefore, proposal, today, 3)).toEqual([]);
    expect(conflictsOf(dayBefore, proposal, today, 4)).toHaveLength(1);
  });

  it('counts an affiliation that has not started yet (an accepted position)', () => {
    expect(isConflicted(reviewer([{ name: 'Collège Boréal', startedOn: '2025-09-01', endedOn: null }]), proposal, today, 0)).toBe(
      true,
    );
  });

  it('ignores unrelated and similar-but-different organizations', () => {
    const r = reviewer([
      { name: 'Linamar Foods', endedOn: null },
      { name: 'Maple Leaf Sports & Entertainment', endedOn: null },
      { name: '', endedOn: null },
    ]);
    expect(conflictsOf(r, { ...proposal, partnerNames: [...proposal.partnerNames, 'Linamar', ''] }, today, 3)).toEqual([]);
  });

  it('reports every match, in affiliation order, lead before partners, without duplicates', () => {
    const p = {
      id: 'p2',
      leadInstitutionName: 'Smith & Sons Ltd.',
      partnerNames: ['Smith and Sons', 'Collège Boréal', 'Smith & Sons'],
    };
    const r = reviewer([
      { name: 'College Boreal', endedOn: '2024-06-30' },
      { name: 'SMITH AND SONS LIMITED', endedOn: null },
    ]);
    expect(conflictsOf(r, p, today, 2).map((c) => [c.reason, c.affiliation, c.matched])).toEqual([
      ['partner', 'College Boreal', 'Collège Boréal'],
      ['lead_institution', 'SMITH AND SONS LIMITED', 'Smith & Sons Ltd.'],
      ['partner', 'SMITH AND SONS LIMITED', 'Smith and Sons'],
      ['partner', 'SMITH AND SONS LIMITED', 'Smith & Sons'],
    ]);
  });

  it('rejects a malformed date instead of guessing', () => {
    expect(() => conflictsOf(reviewer([]), proposal, '15/03/2025', 3)).toThrow(RangeError);
    expect(() => conflictsOf(reviewer([{ name: 'College Boreal', endedOn: '2024-02-30' }]), proposal, today, 3)).toThrow(
      RangeError,
    );
  });
});

describe('conflictPredicate', () => {
  it('decides every pair exactly as isConflicted does', () => {
    const names = [
      'Humber College',
      'HUMBER COLLEGE INC.',
      'Maple Leaf Foods Ltd',
      'Maple-Leaf Foods',
      'Collège Boréal',
      'College Boreal',
      'Smith & Sons',
      'Smith and Sons Limited',
      'Acme',
      'Toyota Motor Manufacturing Canada',
    ];
    const dates = [null, '2025-01-01', '2020-06-30', '2024-11-24'];
    const reviewers = names.map((name, i) => ({
      id: `r${i}`,
      affiliations: [
        { name, startedOn: null, endedOn: dates[i % dates.length] },
        { name: names[(i * 3) % names.length], startedOn: null, endedOn: dates[(i + 1) % dates.length] },
      ],
    }));
    const proposals = names.map((lead, i) => ({
      id: `p${i}`,
      leadInstitutionName: lead,
      partnerNames: [names[(i + 4) % names.length], names[(i + 7) % names.length]],
    }));
    const forbidden = conflictPredicate(reviewers, proposals, '2026-11-24', 2);
    for (const r of reviewers) {
      for (const p of proposals)
        expect([p.id, r.id, forbidden(p.id, r.id)]).toEqual([p.id, r.id, isConflicted(r, p, '2026-11-24', 2)]);
    }
  });
});
