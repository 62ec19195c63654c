import { atRiskFigures, AwardMoney, enrolmentsByMonth, moneyBy, NO_SECTOR, splitEvenly } from './dashboard-figures';

const award = (over: Partial<AwardMoney>): AwardMoney => ({
  committedCents: 100_000,
  disbursedCents: 0,
  region: 'central',
  institutionType: 'public_college',
  sectors: ['health_care'],
  ...over,
});

describe('splitEvenly', () => {
  it('splits into integer shares summing exactly, the leftover cents to the first shares', () => {
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
    expect(splitEvenly(101, 3)).toEqual([34, 34, 33]);
    expect(splitEvenly(99, 3)).toEqual([33, 33, 33]);
    expect(splitEvenly(1, 4)).toEqual([1, 0, 0, 0]);
    expect(splitEvenly(0, 2)).toEqual([0, 0]);
    expect(splitEvenly(123_456_789, 1)).toEqual([123_456_789]);
  });

  it('refuses what is not a sum of cents or a number of parts', () => {
    expect(() => splitEvenly(1.5, 2)).toThrow(RangeError);
    expect(() => splitEvenly(-1, 2)).toThrow(RangeError);
    expect(() => splitEvenly(10, 0)).toThrow(RangeError);
  });
});

describe('moneyBy', () => {
  const awards = [
    award({ committedCents: 300_001, disbursedCents: 150_001, sectors: ['mining', 'health_care', 'automotive'] }),
    award({ committedCents: 200_000, disbursedCents: 200_000, region: 'northern', sectors: ['health_care'] }),
    award({ committedCents: 50_000, institutionType: 'public_university', sectors: [] }),
  ];

  it('groups by one key per award, largest commitment first', () => {
    expect(moneyBy(awards, (a) => [a.region])).toEqual([
      { key: 'central', committedCents: 350_001, disbursedCents: 150_001, awards: 2 },
      { key: 'northern', committedCents: 200_000, disbursedCents: 200_000, awards: 1 },
    ]);
  });

  it('splits an award with several sectors evenly (in the sectors’ order), counts it in each, and keeps the totals', () => {
    const bySector = moneyBy(awards, (a) => a.sectors);
    expect(bySector).toEqual([
      { key: 'health_care', committedCents: 300_000, disbursedCents: 250_000, awards: 2 },
      { key: 'automotive', committedCents: 100_001, disbursedCents: 50_001, awards: 1 },
      { key: 'mining', committedCents: 100_000, disbursedCents: 50_000, awards: 1 },
      { key: NO_SECTOR, committedCents: 50_000, disbursedCents: 0, awards: 1 },
    ]);
    const sum = (f: (g: { committedCents: number; disbursedCents: number }) => number) => bySector.reduce((s, g) => s + f(g), 0);
    expect(sum((g) => g.committedCents)).toBe(550_001);
    expect(sum((g) => g.disbursedCents)).toBe(350_001);
    // a group's disbursed never exceeds its committed
    for (const g of bySector) expect(g.disbursedCents).toBeLessThanOrEqual(g.committedCents);
  });

  it('counts a sector named twice once', () => {
    expect(moneyBy([award({ sectors: ['mining', 'mining'] })], (a) => a.sectors)).toEqual([
      { key: 'mining', committedCents: 100_000, disbursedCents: 0, awards: 1 },
    ]);
  });

  it('answers no group without awards', () => {
    expect(moneyBy([], (a) => [a.region])).toEqual([]);
  });
});

describe('atRiskFigures', () => {
  const items = [
    { kind: 'report' as const, id: 'r2', title: 'Second interim report', itemKind: 'interim', dueOn: '2026-03-08' },
    { kind: 'milestone' as const, id: 'm1', title: 'Agreement signed', itemKind: 'agreement_signed', dueOn: '2026-02-04' },
  ];

  it('lists what is overdue oldest first, since the day after the earliest missed due date', () => {
    expect(atRiskFigures(items, '2026-03-09')).toEqual({
      overdueSince: '2026-02-05',
      daysOverdue: 33,
      items: [
        { ...items[1], daysOverdue: 33 },
        { ...items[0], daysOverdue: 1 },
      ],
    });
  });

  it('does not count an item due today (the day is not over yet), nor anything when nothing is past due', () => {
    expect(atRiskFigures(items, '2026-03-08')?.items.map((i) => i.id)).toEqual(['m1']);
    expect(atRiskFigures(items, '2026-02-04')).toBeNull();
    expect(atRiskFigures([], '2026-02-04')).toBeNull();
  });
});

describe('enrolmentsByMonth', () => {
  const counts = [
    { month: null, count: 3, enrolled: 0 },
    { month: '2025-10', count: 1, enrolled: 20 },
    { month: '2026-01', count: 2, enrolled: 45 },
    { month: '2024-12', count: 1, enrolled: 5 },
  ];

  it('is cumulative from the first month to the last, across the year, each learner counted from the launch month', () => {
    expect(enrolmentsByMonth(counts, '2025-09', '2026-02')).toEqual([
      { month: '2025-09', launched: 1, enrolled: 5 },
      { month: '2025-10', launched: 2, enrolled: 25 },
      { month: '2025-11', launched: 2, enrolled: 25 },
      { month: '2025-12', launched: 2, enrolled: 25 },
      { month: '2026-01', launched: 4, enrolled: 70 },
      { month: '2026-02', launched: 4, enrolled: 70 },
    ]);
  });

  it('is empty when the first month is after the last, and flat at zero before any launch', () => {
    expect(enrolmentsByMonth(counts, '2026-03', '2026-02')).toEqual([]);
    expect(enrolmentsByMonth([{ month: null, count: 2, enrolled: 0 }], '2026-01', '2026-02')).toEqual([
      { month: '2026-01', launched: 0, enrolled: 0 },
      { month: '2026-02', launched: 0, enrolled: 0 },
    ]);
  });
});
