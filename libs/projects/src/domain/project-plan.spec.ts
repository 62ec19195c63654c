import { DEFAULT_SCHEDULE, planProject, splitCents, templateProblems } from './project-plan';

/** A small deterministic generator (no dependency), so failures replay. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('splitCents', () => {
  it('splits 50/40/10 % exactly', () => {
    expect(splitCents(10_000_000, [5000, 4000, 1000])).toEqual([5_000_000, 4_000_000, 1_000_000]);
    expect(splitCents(10_000_001, [5000, 4000, 1000])).toEqual([5_000_001, 4_000_000, 1_000_000]);
    expect(splitCents(10_000_009, [5000, 4000, 1000])).toEqual([5_000_004, 4_000_004, 1_000_001]); // remainders .5, .6, .9
    expect(splitCents(1, [5000, 4000, 1000])).toEqual([1, 0, 0]);
  });

  it('gives leftover cents to the largest remainders, the earlier part on a tie', () => {
    expect(splitCents(100, [3333, 3333, 3334])).toEqual([33, 33, 34]);
    expect(splitCents(2, [3333, 3333, 3334])).toEqual([1, 0, 1]);
    expect(splitCents(1, [5000, 5000])).toEqual([1, 0]);
  });

  it('always sums to the total, with every part within a cent of its exact share (property)', () => {
    const random = rng(42);
    for (let run = 0; run < 2000; run++) {
      const n = 1 + Math.floor(random() * 6);
      const cuts = Array.from({ length: n - 1 }, () => Math.floor(random() * 10_001)).sort((a, b) => a - b);
      const bps = [...cuts, 10_000].map((c, i) => c - (i ? cuts[i - 1] : 0));
      const total = Math.floor(random() * 100_000_000_000);
      const parts = splitCents(total, bps);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => {
        expect(Number.isInteger(p)).toBe(true);
        expect(Math.abs(p - (total * bps[i]) / 10_000)).toBeLessThan(1);
      });
    }
  });

  it('refuses shares that do not make 100 %, and fractions of a cent', () => {
    expect(() => splitCents(100, [5000, 4000])).toThrow(/sum to 10000/);
    expect(() => splitCents(100.5, [10_000])).toThrow(RangeError);
    expect(() => splitCents(-1, [10_000])).toThrow(RangeError);
    expect(() => splitCents(100, [])).toThrow(RangeError);
  });
});

describe('planProject', () => {
  it('schedules the default milestones, tranches and reports from the start date', () => {
    const plan = planProject(24_000_000, '2025-08-31');
    expect(plan.milestones.map((m) => [m.kind, m.dueOn])).toEqual([
      ['agreement_signed', '2025-09-30'],
      ['micro_credential_launched', '2025-12-31'],
      ['enrolment_open', '2026-02-28'],
      ['final_report', '2027-02-28'],
    ]);
    expect(plan.tranches).toEqual([
      { position: 0, milestonePosition: 0, basisPoints: 5000, amountCents: 12_000_000 },
      { position: 1, milestonePosition: 1, basisPoints: 4000, amountCents: 9_600_000 },
      { position: 2, milestonePosition: 3, basisPoints: 1000, amountCents: 2_400_000 },
    ]);
    expect(plan.reports.map((r) => [r.kind, r.dueOn])).toEqual([
      ['interim', '2026-02-28'],
      ['interim', '2026-08-31'],
      ['final', '2027-02-28'],
    ]);
    expect(plan.endOn).toBe('2027-02-28');
  });

  it('makes tranches summing to any award, none of them empty', () => {
    const random = rng(7);
    for (let run = 0; run < 500; run++) {
      const award = 1 + Math.floor(random() * 30_000_000);
      const plan = planProject(award, '2026-01-15');
      expect(plan.tranches.reduce((a, t) => a + t.amountCents, 0)).toBe(award);
      expect(plan.tranches.every((t) => t.amountCents > 0)).toBe(true);
    }
    expect(planProject(1, '2026-01-15').tranches).toHaveLength(1);
  });

  it('checks templates', () => {
    expect(templateProblems(DEFAULT_SCHEDULE)).toEqual([]);
    expect(
      templateProblems({
        ...DEFAULT_SCHEDULE,
        tranches: [{ milestone: 'enrolment_open', basisPoints: 9000 }],
        reports: [],
      }),
    ).toEqual(['tranches summing to 100 % (got 90 %)', 'exactly one final report']);
    expect(() => planProject(0, '2026-01-15')).toThrow(RangeError);
  });
});
