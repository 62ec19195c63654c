/**
 * What-if scenarios (issue 5): a named set of choices (objective, criterion weights, cut-line, partial funding,
 * policy constraints, method) applied to a frozen snapshot of the fund (its ranking, requests, micro-credentials and
 * what is already committed), solved by the portfolio optimizer, and compared side by side. Framework-free.
 *
 * Semantics (documented choices):
 * - The snapshot is taken when the scenario is created or recomputed, so a scenario is reproducible and shows what
 *   the officers saw; applying it re-checks every proposal's state at that moment.
 * - Candidates: ranked proposals with a final score and no confirmed fund or decline decision. Confirmed awards are
 *   already committed: the scenario plans what remains of the envelope (envelope - committed).
 * - Criterion weights: a proposal's merit is its final score (consensus or normalized) shifted by the change the new
 *   weights make to its raw weighted total: merit = clamp(final + rawTotal(new weights) - rawTotal(fund weights)).
 *   The reviewer-bias correction (normalized - raw) is kept as it is; with the fund's weights, merit = final score.
 * - Cut-line: candidates whose merit is below it are not considered.
 * - Method `optimal` funds the optimizer's selection; `greedy` funds down the ranking until the money runs out (the
 *   baseline), so both can be compared side by side. The optimizer's result always carries the greedy comparison.
 */
import { PortfolioConstraints, ShareMap } from './portfolio-constraints';
import { PortfolioObjective, PortfolioProposal, PortfolioSelection } from './portfolio-greedy';
import { optimizePortfolio } from './portfolio-optimizer';

export type ScenarioMethod = 'optimal' | 'greedy';

export interface ScenarioParams extends PortfolioConstraints {
  objective: PortfolioObjective;
  method: ScenarioMethod;
  /** Criterion code -> weight; criteria left out keep the fund's weight. */
  criterionWeights?: Readonly<Record<string, number>>;
  /** Minimum merit (0-100) to be considered. */
  cutLine?: number;
  /** Partial funding: every percentage from minPercent by step below 100; none when absent. */
  partial?: { minPercent: number; step: number };
}

export interface ScenarioCriterion {
  code: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface ScenarioCandidate {
  proposalId: string;
  trackingNumber: string | null;
  title: string;
  institutionId: string;
  institutionName: string;
  institutionType: string;
  region: string;
  requestedCents: number;
  microCredentials: number;
  rank: number;
  /** Consensus where moderated, else normalized (0-100). */
  finalScore: number;
  rawTotal: number;
  /** Mean score per criterion code (on the criterion's scale). */
  criterionMeans: Readonly<Record<string, number>>;
  /** The live (recommended, or confirmed waitlist) decision at snapshot time, if any. */
  liveDecision: string | null;
}

export interface ScenarioInputs {
  takenAt: string;
  envelopeCents: number;
  committedCents: number;
  criteria: ScenarioCriterion[];
  candidates: ScenarioCandidate[];
}

/** Weighted total 0-100 of criterion means, as the ranking computes a review's total. */
export function weightedTotal(
  criteria: readonly ScenarioCriterion[],
  means: Readonly<Record<string, number>>,
  weights: Readonly<Record<string, number>> = {},
): number | null {
  let sum = 0;
  let w = 0;
  for (const c of criteria) {
    const mean = means[c.code];
    const weight = weights[c.code] ?? c.weight;
    if (mean === undefined || c.scaleMax === c.scaleMin) continue;
    sum += (weight * (mean - c.scaleMin)) / (c.scaleMax - c.scaleMin);
    w += weight;
  }
  return w > 0 ? (100 * sum) / w : null;
}

/** A candidate's merit under the scenario's criterion weights (see the file's comment). */
export function scenarioMerit(
  candidate: ScenarioCandidate,
  criteria: readonly ScenarioCriterion[],
  weights: Readonly<Record<string, number>> | undefined,
): number {
  if (!weights || Object.keys(weights).length === 0) return candidate.finalScore;
  const reweighted = weightedTotal(criteria, candidate.criterionMeans, weights);
  const base = weightedTotal(criteria, candidate.criterionMeans);
  if (reweighted === null || base === null) return candidate.finalScore;
  return Math.max(0, Math.min(100, candidate.finalScore + reweighted - base));
}

/** The optimizer's proposals for a scenario: merit under its weights, the cut-line applied. */
export function scenarioProposals(inputs: ScenarioInputs, params: ScenarioParams): PortfolioProposal[] {
  const out: PortfolioProposal[] = [];
  for (const c of inputs.candidates) {
    const merit = round4(scenarioMerit(c, inputs.criteria, params.criterionWeights));
    if (params.cutLine !== undefined && merit < params.cutLine) continue;
    out.push({
      id: c.proposalId,
      merit,
      requestedCents: c.requestedCents,
      microCredentials: c.microCredentials,
      institutionId: c.institutionId,
      institutionType: c.institutionType,
      region: c.region,
    });
  }
  return out;
}

export const availableCents = (inputs: ScenarioInputs): number => Math.max(0, inputs.envelopeCents - inputs.committedCents);

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

/** Problems with a scenario's parameters against the snapshot (unknown criterion codes), as field problems. */
export function scenarioParamProblems(params: ScenarioParams, criteria: readonly ScenarioCriterion[]) {
  const problems: { field: string; reason: string }[] = [];
  const codes = new Set(criteria.map((c) => c.code));
  for (const code of Object.keys(params.criterionWeights ?? {})) {
    if (!codes.has(code)) problems.push({ field: `params.criterionWeights.${code}`, reason: 'is not a criterion of this fund' });
  }
  const weights = criteria.map((c) => params.criterionWeights?.[c.code] ?? c.weight);
  if (criteria.length > 0 && weights.every((w) => w === 0)) {
    problems.push({ field: 'params.criterionWeights', reason: 'cannot all be zero' });
  }
  const shareSum = (m: ShareMap | undefined) => Object.values(m ?? {}).reduce((s, f) => s + f, 0);
  if (shareSum(params.minShareByType) > 1)
    problems.push({ field: 'params.minShareByType', reason: 'minimum shares add up to more than 100%' });
  if (shareSum(params.minShareByRegion) > 1) {
    problems.push({ field: 'params.minShareByRegion', reason: 'minimum shares add up to more than 100%' });
  }
  return problems;
}

/** What a solved scenario keeps: its selection, totals and distributions. */
export interface ScenarioOutcome {
  status: 'optimal' | 'feasible' | 'infeasible' | 'no_solution';
  message?: string;
  method: ScenarioMethod;
  gap: number | null;
  durationMs: number;
  candidates: number;
  selected: PortfolioSelection[];
  totalMerit: number;
  totalCents: number;
  microCredentials: number;
  violations: string[];
  greedy: { totalMerit: number; totalCents: number; microCredentials: number; count: number; violations: string[] };
  optimal: { totalMerit: number; totalCents: number; microCredentials: number; count: number } | null;
}

export interface GroupTotals {
  cents: number;
  count: number;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  status: ScenarioOutcome['status'];
  method: ScenarioMethod;
  count: number;
  totalMerit: number;
  totalCents: number;
  microCredentials: number;
  /** Already committed + this scenario's total. */
  envelopeUsedCents: number;
  envelopeCents: number;
  gap: number | null;
  byRegion: Record<string, GroupTotals>;
  byType: Record<string, GroupTotals>;
}

export interface ScenarioMove {
  proposalId: string;
  trackingNumber: string | null;
  title: string;
  institutionName: string;
  /** Percent funded in the base scenario and in this one (0 = not funded). */
  fromPercent: number;
  toPercent: number;
  fromCents: number;
  toCents: number;
}

export interface ScenarioComparison {
  baseId: string;
  scenarios: (ScenarioSummary & {
    movedIn: ScenarioMove[];
    movedOut: ScenarioMove[];
    changed: ScenarioMove[];
  })[];
}

export interface ComparableScenario {
  id: string;
  name: string;
  inputs: ScenarioInputs;
  outcome: ScenarioOutcome;
}

export function summarizeScenario(s: ComparableScenario): ScenarioSummary {
  const byId = new Map(s.inputs.candidates.map((c) => [c.proposalId, c]));
  const byRegion: Record<string, GroupTotals> = {};
  const byType: Record<string, GroupTotals> = {};
  for (const sel of s.outcome.selected) {
    const c = byId.get(sel.id);
    if (!c) continue;
    for (const [map, key] of [
      [byRegion, c.region],
      [byType, c.institutionType],
    ] as const) {
      const g = (map[key] ??= { cents: 0, count: 0 });
      g.cents += sel.amountCents;
      g.count += 1;
    }
  }
  return {
    id: s.id,
    name: s.name,
    status: s.outcome.status,
    method: s.outcome.method,
    count: s.outcome.selected.length,
    totalMerit: s.outcome.totalMerit,
    totalCents: s.outcome.totalCents,
    microCredentials: s.outcome.microCredentials,
    envelopeUsedCents: s.inputs.committedCents + s.outcome.totalCents,
    envelopeCents: s.inputs.envelopeCents,
    gap: s.outcome.gap,
    byRegion,
    byType,
  };
}

/**
 * Side-by-side comparison against the first scenario (the base): for each scenario its totals and distributions, and
 * which proposals move in, move out or change their funded percentage relative to the base.
 */
export function compareScenarios(scenarios: readonly ComparableScenario[]): ScenarioComparison {
  if (scenarios.length === 0) throw new Error('compareScenarios needs at least one scenario');
  const [base] = scenarios;
  const basePick = new Map(base.outcome.selected.map((s) => [s.id, s]));
  return {
    baseId: base.id,
    scenarios: scenarios.map((s) => {
      const info = new Map([...base.inputs.candidates, ...s.inputs.candidates].map((c) => [c.proposalId, c]));
      const pick = new Map(s.outcome.selected.map((x) => [x.id, x]));
      const move = (id: string): ScenarioMove => {
        const c = info.get(id);
        return {
          proposalId: id,
          trackingNumber: c?.trackingNumber ?? null,
          title: c?.title ?? '',
          institutionName: c?.institutionName ?? '',
          fromPercent: basePick.get(id)?.percent ?? 0,
          toPercent: pick.get(id)?.percent ?? 0,
          fromCents: basePick.get(id)?.amountCents ?? 0,
          toCents: pick.get(id)?.amountCents ?? 0,
        };
      };
      const byRank = (a: ScenarioMove, b: ScenarioMove) =>
        (info.get(a.proposalId)?.rank ?? 0) - (info.get(b.proposalId)?.rank ?? 0);
      return {
        ...summarizeScenario(s),
        movedIn: [...pick.keys()]
          .filter((id) => !basePick.has(id))
          .map(move)
          .sort(byRank),
        movedOut: [...basePick.keys()]
          .filter((id) => !pick.has(id))
          .map(move)
          .sort(byRank),
        changed: [...pick.keys()]
          .filter((id) => basePick.has(id) && basePick.get(id)!.percent !== pick.get(id)!.percent)
          .map(move)
          .sort(byRank),
      };
    }),
  };
}

/**
 * Solves a scenario on its snapshot: the optimizer (exact MIP, gap reported) with the greedy baseline beside it;
 * the scenario funds the one its method names.
 */
export async function solveScenario(
  inputs: ScenarioInputs,
  params: ScenarioParams,
  options: { timeLimitSeconds?: number } = {},
): Promise<ScenarioOutcome> {
  const proposals = scenarioProposals(inputs, params);
  const { objective, method, partial, criterionWeights: _w, cutLine: _c, ...constraints } = params;
  const result = await optimizePortfolio(proposals, availableCents(inputs), {
    ...constraints,
    objective,
    ...(partial ? { partial } : {}),
    timeLimitSeconds: options.timeLimitSeconds ?? 30,
  });
  const optimal =
    result.status === 'optimal' || result.status === 'feasible'
      ? {
          totalMerit: result.totalMerit,
          totalCents: result.totalCents,
          microCredentials: result.microCredentials,
          count: result.selected.length,
        }
      : null;
  const greedy = {
    totalMerit: result.greedy.totalMerit,
    totalCents: result.greedy.totalCents,
    microCredentials: result.greedy.microCredentials,
    count: result.greedy.selected.length,
    violations: result.greedy.violations,
  };
  const common = { durationMs: result.durationMs, candidates: proposals.length, greedy, optimal };
  if (method === 'greedy') {
    // the baseline ignores every constraint but the envelope: what it breaks is said, not hidden
    return {
      ...common,
      status: 'feasible',
      method,
      gap: null,
      selected: result.greedy.selected,
      totalMerit: result.greedy.totalMerit,
      totalCents: result.greedy.totalCents,
      microCredentials: result.greedy.microCredentials,
      violations: result.greedy.violations,
      ...(result.greedy.violations.length ? { message: `The ranking order breaks: ${result.greedy.violations.join('; ')}` } : {}),
    };
  }
  return {
    ...common,
    status: result.status,
    ...(result.message ? { message: result.message } : {}),
    method,
    gap: result.gap,
    selected: result.selected,
    totalMerit: result.totalMerit,
    totalCents: result.totalCents,
    microCredentials: result.microCredentials,
    violations: result.violations,
  };
}
