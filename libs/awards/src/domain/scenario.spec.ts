import {
  ComparableScenario,
  ScenarioCandidate,
  ScenarioInputs,
  ScenarioParams,
  compareScenarios,
  scenarioMerit,
  scenarioParamProblems,
  scenarioProposals,
  solveScenario,
  weightedTotal,
} from './scenario';

const criteria = [
  { code: 'fit', weight: 2, scaleMin: 0, scaleMax: 10 },
  { code: 'jobs', weight: 1, scaleMin: 0, scaleMax: 10 },
];

function candidate(id: string, over: Partial<ScenarioCandidate> = {}): ScenarioCandidate {
  return {
    proposalId: id,
    trackingNumber: `T-${id}`,
    title: `Proposal ${id}`,
    institutionId: `inst-${id}`,
    institutionName: `Institution ${id}`,
    institutionType: 'college',
    region: 'central',
    requestedCents: 100_000_00,
    microCredentials: 2,
    rank: 1,
    finalScore: 70,
    rawTotal: 70,
    criterionMeans: { fit: 7, jobs: 7 },
    ...over,
  } as ScenarioCandidate;
}

const params = (over: Partial<ScenarioParams> = {}): ScenarioParams => ({ objective: 'merit', method: 'optimal', ...over });

describe('scenario merit', () => {
  it('is the weighted total of the criterion means on 0-100, as the ranking computes it', () => {
    expect(weightedTotal(criteria, { fit: 10, jobs: 4 })).toBeCloseTo((100 * (2 * 1 + 1 * 0.4)) / 3, 10);
    expect(weightedTotal(criteria, { fit: 10, jobs: 4 }, { jobs: 2 })).toBeCloseTo(70, 10);
    expect(weightedTotal(criteria, {})).toBeNull();
  });

  it('equals the final score under the fund weights, and shifts it by what new weights change', () => {
    // final 75 = raw 73.33 + a reviewer-bias correction of 1.67; the correction is kept
    const c = candidate('a', { finalScore: 75, criterionMeans: { fit: 10, jobs: 2 } });
    expect(scenarioMerit(c, criteria, undefined)).toBe(75);
    expect(scenarioMerit(c, criteria, { fit: 2, jobs: 1 })).toBeCloseTo(75, 10);
    // jobs now weighs as much as fit: raw 60 instead of 73.33
    expect(scenarioMerit(c, criteria, { jobs: 2 })).toBeCloseTo(75 + 60 - (100 * 2.2) / 3, 10);
    // clamped to 0-100
    expect(scenarioMerit(candidate('b', { finalScore: 99, criterionMeans: { fit: 0, jobs: 10 } }), criteria, { fit: 0 })).toBe(
      100,
    );
  });

  it('drops candidates below the cut-line', () => {
    const inputs: ScenarioInputs = {
      takenAt: '2021-09-01T00:00:00.000Z',
      envelopeCents: 1_000_000_00,
      committedCents: 0,
      criteria,
      candidates: [candidate('a', { finalScore: 80 }), candidate('b', { finalScore: 59.99 }), candidate('c', { finalScore: 60 })],
    };
    expect(scenarioProposals(inputs, params({ cutLine: 60 })).map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('names unknown criteria and impossible shares as field problems', () => {
    expect(
      scenarioParamProblems(
        params({ criterionWeights: { nope: 1, fit: 0, jobs: 0 }, minShareByRegion: { north: 0.6, east: 0.5 } }),
        criteria,
      ),
    ).toEqual([
      { field: 'params.criterionWeights.nope', reason: 'is not a criterion of this fund' },
      { field: 'params.criterionWeights', reason: 'cannot all be zero' },
      { field: 'params.minShareByRegion', reason: 'minimum shares add up to more than 100%' },
    ]);
  });
});

describe('solveScenario', () => {
  // greedy funds A (the best, expensive) and stops at B; the optimum funds B and C instead
  const inputs: ScenarioInputs = {
    takenAt: '2021-09-01T00:00:00.000Z',
    envelopeCents: 1_000_000_00,
    committedCents: 400_000_00,
    criteria,
    candidates: [
      candidate('a', { finalScore: 90, requestedCents: 500_000_00, rank: 1, region: 'north' }),
      candidate('b', { finalScore: 80, requestedCents: 300_000_00, rank: 2 }),
      candidate('c', { finalScore: 70, requestedCents: 300_000_00, rank: 3, institutionType: 'university' }),
    ],
  };

  it('plans what remains of the envelope and beats the ranking order', async () => {
    // 600k remain: A alone (500k, merit 90), or B + C (600k, merit 150); greedy takes A and stops at B
    const optimal = await solveScenario(inputs, params());
    expect(optimal.status).toBe('optimal');
    expect(optimal.gap).toBe(0);
    expect(optimal.selected.map((s) => s.id).sort()).toEqual(['b', 'c']);
    expect(optimal.totalMerit).toBe(150);
    expect(optimal.greedy.totalMerit).toBe(90);
    const greedy = await solveScenario(inputs, params({ method: 'greedy' }));
    expect(greedy.selected.map((s) => s.id)).toEqual(['a']);
    expect(greedy.optimal?.totalMerit).toBe(150);
    // one cent less and B + C no longer fit: A alone is best
    const tighter = await solveScenario({ ...inputs, committedCents: 400_000_01 }, params());
    expect(tighter.selected.map((s) => s.id)).toEqual(['a']);
  });

  it('funds in part when allowed, and says when constraints cannot all hold', async () => {
    // 550k remain: half of A and all of B (merit 45 + 80) beat every choice in full
    const partial = await solveScenario(
      { ...inputs, committedCents: 450_000_00 },
      params({ partial: { minPercent: 50, step: 50 } }),
    );
    expect(partial.selected.map((s) => [s.id, s.percent, s.amountCents])).toEqual([
      ['a', 50, 250_000_00],
      ['b', 100, 300_000_00],
    ]);
    expect(partial.totalMerit).toBe(125);
    const impossible = await solveScenario(inputs, params({ targetMicroCredentials: 100 }));
    expect(impossible.status).toBe('infeasible');
    expect(impossible.message).toMatch(/micro-credentials/);
    expect(impossible.selected).toEqual([]);
  });
});

describe('compareScenarios', () => {
  const inputs: ScenarioInputs = {
    takenAt: '2021-09-01T00:00:00.000Z',
    envelopeCents: 1_000_000_00,
    committedCents: 100_000_00,
    criteria,
    candidates: [
      candidate('a', { rank: 1, region: 'north' }),
      candidate('b', { rank: 2, institutionType: 'university' }),
      candidate('c', { rank: 3 }),
    ],
  };
  const sel = (id: string, percent = 100) => ({
    id,
    percent,
    amountCents: (100_000_00 * percent) / 100,
    microCredentials: 2,
    merit: 70,
  });
  const scenario = (id: string, selected: ReturnType<typeof sel>[]): ComparableScenario => ({
    id,
    name: id,
    inputs,
    outcome: {
      status: 'optimal',
      method: 'optimal',
      gap: 0,
      durationMs: 1,
      candidates: 3,
      selected,
      totalMerit: selected.length * 70,
      totalCents: selected.reduce((s, x) => s + x.amountCents, 0),
      microCredentials: selected.length * 2,
      violations: [],
      greedy: { totalMerit: 0, totalCents: 0, microCredentials: 0, count: 0, violations: [] },
      optimal: null,
    },
  });

  it('lists what moves in, out and changes against the base, with distributions and envelope used', () => {
    const cmp = compareScenarios([scenario('base', [sel('a'), sel('b')]), scenario('alt', [sel('b', 50), sel('c')])]);
    expect(cmp.baseId).toBe('base');
    const [base, alt] = cmp.scenarios;
    expect(base.movedIn).toEqual([]);
    expect(base.byRegion).toEqual({ north: { cents: 100_000_00, count: 1 }, central: { cents: 100_000_00, count: 1 } });
    expect(base.envelopeUsedCents).toBe(300_000_00);
    expect(alt.movedIn.map((m) => m.proposalId)).toEqual(['c']);
    expect(alt.movedOut).toEqual([
      expect.objectContaining({ proposalId: 'a', fromPercent: 100, toPercent: 0, fromCents: 100_000_00, toCents: 0 }),
    ]);
    expect(alt.changed).toEqual([expect.objectContaining({ proposalId: 'b', fromPercent: 100, toPercent: 50 })]);
    expect(alt.byType).toEqual({ university: { cents: 50_000_00, count: 1 }, college: { cents: 100_000_00, count: 1 } });
    expect(alt.envelopeUsedCents).toBe(250_000_00);
  });
});
