import {
  PortfolioOptions,
  PortfolioProposal,
  checkPortfolio,
  greedyPortfolio,
  optimizePortfolio,
  partialAmount,
} from './portfolio-optimizer';

function proposal(id: string, merit: number, requestedCents: number, extra: Partial<PortfolioProposal> = {}): PortfolioProposal {
  return {
    id,
    merit,
    requestedCents,
    microCredentials: 1,
    institutionId: `inst-${id}`,
    institutionType: 'college',
    region: 'central',
    ...extra,
  };
}

const ids = (r: { selected: { id: string }[] }) => r.selected.map((s) => s.id).sort();

describe('greedyPortfolio (the baseline)', () => {
  it('funds down the ranking and stops at the first request that does not fit', () => {
    const g = greedyPortfolio([proposal('A', 90, 60), proposal('B', 80, 50), proposal('C', 10, 10)], 100);
    // B does not fit after A; C would, but "until the money runs out" stops there
    expect(g.selected.map((s) => s.id)).toEqual(['A']);
    expect(g.totalCents).toBe(60);
    expect(g.totalMerit).toBe(90);
  });

  it('breaks ties on merit by id', () => {
    const g = greedyPortfolio([proposal('B', 50, 10), proposal('A', 50, 10), proposal('C', 50, 10)], 20);
    expect(g.selected.map((s) => s.id)).toEqual(['A', 'B']);
  });
});

describe('optimizePortfolio', () => {
  it('beats greedy on a small knapsack (hand-checked) and proves optimality', async () => {
    // envelope 100: greedy takes A (90) and stops; the optimum is B + C (80 + 70 = 150) for exactly 100
    const r = await optimizePortfolio([proposal('A', 90, 60), proposal('B', 80, 50), proposal('C', 70, 50)], 100);
    expect(r.status).toBe('optimal');
    expect(r.gap).toBe(0);
    expect(ids(r)).toEqual(['B', 'C']);
    expect(r.totalMerit).toBe(150);
    expect(r.totalCents).toBe(100);
    expect(r.greedy.totalMerit).toBe(90);
    expect(r.violations).toEqual([]);
    expect(r.selected.every((s) => s.percent === 100)).toBe(true);
  });

  it('weights merit by the request when asked', async () => {
    // by merit: two small ones (60 + 60 > 70); by merit x request: the large one (70 x 1.0 > 60 x 0.5 x 2... = 60)
    const list = [proposal('L', 70, 100_000_000), proposal('S1', 60, 50_000_000), proposal('S2', 60, 50_000_000)];
    const byMerit = await optimizePortfolio(list, 100_000_000);
    expect(ids(byMerit)).toEqual(['S1', 'S2']);
    const byMoney = await optimizePortfolio(list, 100_000_000, { objective: 'merit_x_request' });
    expect(ids(byMoney)).toEqual(['L']);
    expect(byMoney.totalMerit).toBeCloseTo(70); // 70 x $1M
  });

  it('honours a minimum regional share that binds', async () => {
    const list = [
      proposal('C1', 90, 40, { region: 'central' }),
      proposal('C2', 85, 40, { region: 'central' }),
      proposal('N1', 50, 40, { region: 'northern' }),
    ];
    const free = await optimizePortfolio(list, 80);
    expect(ids(free)).toEqual(['C1', 'C2']);
    // at least 40% of the funded total to the north: one central proposal has to give way
    const opts: PortfolioOptions = { minShareByRegion: { northern: 0.4 } };
    const r = await optimizePortfolio(list, 80, opts);
    expect(r.status).toBe('optimal');
    expect(ids(r)).toEqual(['C1', 'N1']);
    expect(r.byRegion.northern.share).toBeCloseTo(0.5);
    expect(r.violations).toEqual([]);
    expect(r.greedy.violations.join()).toMatch(/region northern/);
    // the same as a share of the envelope
    const env = await optimizePortfolio(list, 100, { minShareByRegion: { northern: 0.4 }, shareBasis: 'envelope' });
    expect(ids(env)).toEqual(['C1', 'N1']);
  });

  it('honours maximum shares by institution type', async () => {
    const list = [
      proposal('P1', 95, 50, { institutionType: 'private_career_college' }),
      proposal('P2', 90, 50, { institutionType: 'private_career_college' }),
      proposal('U1', 60, 50, { institutionType: 'university' }),
    ];
    const r = await optimizePortfolio(list, 100, { maxShareByType: { private_career_college: 0.5 } });
    expect(ids(r)).toEqual(['P1', 'U1']);
    expect(r.byType.private_career_college.share).toBe(0.5);
  });

  it('caps the total per institution', async () => {
    const list = [
      proposal('A1', 90, 30, { institutionId: 'A' }),
      proposal('A2', 85, 30, { institutionId: 'A' }),
      proposal('A3', 80, 30, { institutionId: 'A' }),
      proposal('B1', 40, 30, { institutionId: 'B' }),
    ];
    const r = await optimizePortfolio(list, 90, { maxPerInstitutionCents: 60 });
    expect(ids(r)).toEqual(['A1', 'A2', 'B1']);
    expect(r.violations).toEqual([]);
    expect(r.greedy.violations).toEqual(['institution A: 90 above the cap 60']);
  });

  it('meets a micro-credentials target, at the cost of merit', async () => {
    const list = [
      proposal('HI', 95, 100, { microCredentials: 1 }),
      proposal('M1', 45, 50, { microCredentials: 3 }),
      proposal('M2', 40, 50, { microCredentials: 3 }),
    ];
    expect(ids(await optimizePortfolio(list, 100))).toEqual(['HI']); // 95 > 85, 1 micro-credential
    const r = await optimizePortfolio(list, 100, { targetMicroCredentials: 6 });
    expect(r.status).toBe('optimal');
    expect(ids(r)).toEqual(['M1', 'M2']);
    expect(r.microCredentials).toBe(6);
    expect(r.totalMerit).toBe(85);
  });

  it('reports an unreachable target as infeasible, with the most that can be funded', async () => {
    const list = [proposal('A', 90, 60, { microCredentials: 4 }), proposal('B', 80, 50, { microCredentials: 5 })];
    const r = await optimizePortfolio(list, 100, { targetMicroCredentials: 9 });
    expect(r.status).toBe('infeasible');
    expect(r.selected).toEqual([]);
    expect(r.gap).toBeNull();
    expect(r.message).toMatch(/target of 9 micro-credentials cannot be met; at most 5 can be funded/);
  });

  it('reports infeasible shares of the envelope, including for a region without proposals', async () => {
    const list = [proposal('A', 90, 60, { region: 'central' })];
    const none = await optimizePortfolio(list, 100, { minShareByRegion: { northern: 0.1 }, shareBasis: 'envelope' });
    expect(none.status).toBe('infeasible');
    expect(none.message).toMatch(/minregion0/);
    const tooMuch = await optimizePortfolio(list, 100, { minShareByRegion: { central: 0.7 }, shareBasis: 'envelope' });
    expect(tooMuch.status).toBe('infeasible');
    expect(tooMuch.message).toMatch(/infeasible/);
  });

  it('uses partial funding when it helps, with amounts floored to the cent', async () => {
    const list = [proposal('A', 80, 60), proposal('B', 70, 61)];
    const whole = await optimizePortfolio(list, 100);
    expect(whole.totalMerit).toBe(80);
    const r = await optimizePortfolio(list, 100, { partialPercents: [50, 75] });
    // A in full (60) + B at 50% (floor(30.5) = 30): 80 + 35 = 115; A 75% + B 75% would cost 45 + 45 = 90 for 112.5
    expect(r.status).toBe('optimal');
    expect(r.selected).toEqual([
      { id: 'A', percent: 100, amountCents: 60, microCredentials: 1, merit: 80 },
      { id: 'B', percent: 50, amountCents: 30, microCredentials: 0, merit: 35 },
    ]);
    expect(r.totalCents).toBe(90);
    expect(partialAmount(333, 50)).toBe(166);
    // shorthand: 60, 80 (below 100)
    const steps = await optimizePortfolio(list, 100, { partial: { minPercent: 60, step: 20 } });
    expect(steps.percents).toEqual([100, 80, 60]);
    expect(steps.violations).toEqual([]);
  });

  it('handles an empty fund and rejects invalid input', async () => {
    const empty = await optimizePortfolio([], 100);
    expect(empty).toMatchObject({ status: 'optimal', selected: [], totalMerit: 0, gap: 0 });
    await expect(optimizePortfolio([proposal('A', 50, 10.5)], 100)).rejects.toThrow(RangeError);
    await expect(optimizePortfolio([proposal('A', 101, 10)], 100)).rejects.toThrow(/merit/);
    await expect(optimizePortfolio([proposal('A', 5, 10), proposal('A', 6, 10)], 100)).rejects.toThrow(/duplicate/);
    await expect(optimizePortfolio([proposal('A', 5, 10)], 100, { maxShareByRegion: { x: 2 } })).rejects.toThrow(/fraction/);
  });
});

describe('property: the optimizer never does worse than greedy', () => {
  function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const REGIONS = ['central', 'eastern', 'northern', 'toronto'];
  const TYPES = ['college', 'university', 'indigenous_institute'];

  function fund(seed: number) {
    const rand = mulberry32(seed);
    const n = 20 + Math.floor(rand() * 41); // 20-60
    const institutions = 3 + Math.floor(rand() * 8);
    const proposals: PortfolioProposal[] = Array.from({ length: n }, (_, i) => {
      const inst = Math.floor(rand() * institutions);
      return {
        id: `P${String(i).padStart(2, '0')}`,
        merit: Math.round(rand() * 1000) / 10, // one decimal: ties happen
        requestedCents: 1_000_000 + Math.floor(rand() * 49_000_000),
        microCredentials: 1 + Math.floor(rand() * 5),
        institutionId: `I${inst}`,
        institutionType: TYPES[inst % TYPES.length],
        region: REGIONS[inst % REGIONS.length],
      };
    });
    const requested = proposals.reduce((s, p) => s + p.requestedCents, 0);
    const envelopeCents = Math.floor(requested * (0.15 + 0.5 * rand()));
    return { rand, proposals, envelopeCents };
  }

  const SEEDS = Array.from({ length: 120 }, (_, i) => 1000 + i);

  it('with only the envelope (greedy always feasible), on 120 generated funds', async () => {
    let strictlyBetter = 0;
    for (const seed of SEEDS) {
      const { proposals, envelopeCents } = fund(seed);
      for (const objective of ['merit', 'merit_x_request'] as const) {
        const r = await optimizePortfolio(proposals, envelopeCents, { objective });
        expect(r.status).toBe('optimal');
        expect(r.violations).toEqual([]);
        expect(r.greedy.violations).toEqual([]);
        expect(r.totalMerit).toBeGreaterThanOrEqual(r.greedy.totalMerit - 1e-6);
        if (r.totalMerit > r.greedy.totalMerit + 1e-6) strictlyBetter++;
      }
    }
    expect(strictlyBetter).toBeGreaterThan(SEEDS.length); // not vacuous: 231 of 240 strictly better at writing
  });

  it('with every constraint on, whenever greedy happens to satisfy them', async () => {
    let compared = 0;
    for (const seed of SEEDS) {
      const { rand, proposals, envelopeCents } = fund(seed);
      const greedy = greedyPortfolio(proposals, envelopeCents);
      // constraints drawn around what greedy funded, loose enough that greedy often satisfies them
      const loose = (x: number) => Math.max(0, Math.min(1, x));
      const byRegion = new Map<string, number>();
      const byType = new Map<string, number>();
      const byInst = new Map<string, number>();
      const credentials = greedy.microCredentials;
      for (const s of greedy.selected) {
        const p = proposals.find((q) => q.id === s.id) as PortfolioProposal;
        byRegion.set(p.region, (byRegion.get(p.region) ?? 0) + s.amountCents / Math.max(1, greedy.totalCents));
        byType.set(p.institutionType, (byType.get(p.institutionType) ?? 0) + s.amountCents / Math.max(1, greedy.totalCents));
        byInst.set(p.institutionId, (byInst.get(p.institutionId) ?? 0) + s.amountCents);
      }
      const slack = rand() < 0.7 ? 0.05 : -0.05; // sometimes tighter than greedy: then greedy is infeasible
      const options: PortfolioOptions = {
        targetMicroCredentials: Math.floor(credentials * (0.8 + 0.3 * rand())),
        minShareByRegion: { northern: loose((byRegion.get('northern') ?? 0) - slack) },
        maxShareByRegion: { toronto: loose((byRegion.get('toronto') ?? 0) + slack) },
        minShareByType: { university: loose((byType.get('university') ?? 0) - slack) },
        maxShareByType: { college: loose((byType.get('college') ?? 0) + slack) },
        maxPerInstitutionCents: Math.floor(Math.max(0, ...byInst.values()) * (0.95 + 0.2 * rand())),
        partialPercents: rand() < 0.5 ? [50] : [],
      };
      const r = await optimizePortfolio(proposals, envelopeCents, options);
      const greedyOk = checkPortfolio(proposals, envelopeCents, options, greedy.selected).length === 0;
      expect(r.greedy.violations.length === 0).toBe(greedyOk);
      if (r.status === 'infeasible') {
        expect(greedyOk).toBe(false); // greedy would be a witness of feasibility
        continue;
      }
      expect(r.status).toBe('optimal');
      expect(r.violations).toEqual([]);
      if (greedyOk) {
        compared++;
        expect(r.totalMerit).toBeGreaterThanOrEqual(greedy.totalMerit - 1e-6);
      }
    }
    expect(compared).toBeGreaterThan(SEEDS.length / 4); // enough instances where it applies (39 of 120 at writing)
  });
});
