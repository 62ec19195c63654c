/**
 * Benchmark of automatic reviewer assignment (issue 4): 1,000 proposals, 60 reviewers, k = 3, total reviewer
 * capacity ~20% above the 3,000 assignments needed, ~5% of the pairs conflicted, expertise scarce (a reviewer
 * covers 1-2 of 8 sectors and 1 of 5 regions, so a proposal has ~3 fully matching reviewers on average); all from a seeded PRNG, so every
 * run solves the same instance. Verifies the result (3 distinct reviewers per proposal, no forbidden pair, every
 * load within its maximum) and prints the figures as JSON.
 *
 * Run (no database needed):   node -r ./scripts/bench/swc-register.cjs scripts/bench/assignment.ts
 * or as a jest bench:         npx jest --selectProjects bench --runInBand test/bench/assignment.bench.ts
 * Sizes: BENCH_PROPOSALS, BENCH_REVIEWERS, BENCH_K, BENCH_SEED.
 */
import {
  AssignmentProposal,
  AssignmentResult,
  AssignmentReviewer,
  expertiseCost,
  solveAssignment,
} from '../../libs/reviews/src/domain/assignment-solver';

export interface BenchOptions {
  proposals: number;
  reviewers: number;
  k: number;
  seed: number;
  /** Total capacity over the k·proposals assignments needed (1.2: 20% above). */
  capacityRatio: number;
  /** Share of (proposal, reviewer) pairs in conflict. */
  conflictRate: number;
}

export const DEFAULT_BENCH: BenchOptions = {
  proposals: 1000,
  reviewers: 60,
  k: 3,
  seed: 20210625,
  capacityRatio: 1.2,
  conflictRate: 0.05,
};

const SECTORS = ['advanced_manufacturing', 'health', 'construction', 'ict', 'agri_food', 'tourism', 'mining', 'energy'];
const REGIONS = ['central', 'eastern', 'northern', 'southwestern', 'toronto'];

/** mulberry32: a small, well-distributed 32-bit PRNG; same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(rand: () => number, from: readonly string[], count: number): string[] {
  const pool = [...from];
  const out: string[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}

export function generateInstance(o: BenchOptions) {
  const rand = mulberry32(o.seed);
  const proposals: AssignmentProposal[] = Array.from({ length: o.proposals }, (_, i) => ({
    id: `P${String(i + 1).padStart(4, '0')}`,
    sectors: pick(rand, SECTORS, rand() < 0.7 ? 1 : 2),
    regions: pick(rand, REGIONS, rand() < 0.7 ? 1 : 2),
  }));
  // maxLoad around the mean, ±20%, then adjusted so the total is exactly the target capacity
  const capacity = Math.round(o.proposals * o.k * o.capacityRatio);
  const mean = capacity / o.reviewers;
  const loads = Array.from({ length: o.reviewers }, () => Math.max(1, Math.round(mean * (0.8 + 0.4 * rand()))));
  for (let j = 0, total = loads.reduce((a, b) => a + b, 0); total !== capacity; j = (j + 1) % o.reviewers) {
    const step = total < capacity ? 1 : -1;
    if (loads[j] + step < 1) continue;
    loads[j] += step;
    total += step;
  }
  const reviewers: AssignmentReviewer[] = loads.map((maxLoad, j) => ({
    id: `R${String(j + 1).padStart(3, '0')}`,
    maxLoad,
    sectors: pick(rand, SECTORS, 1 + Math.floor(rand() * 2)),
    regions: pick(rand, REGIONS, 1),
  }));
  const conflicts = new Set<string>();
  for (const p of proposals) for (const r of reviewers) if (rand() < o.conflictRate) conflicts.add(`${p.id}|${r.id}`);
  const forbidden = (proposalId: string, reviewerId: string) => conflicts.has(`${proposalId}|${reviewerId}`);
  return { proposals, reviewers, conflicts, forbidden };
}

/** Every proposal has k distinct reviewers, no forbidden pair, every load within its maximum; returns the problems. */
export function verify(instance: ReturnType<typeof generateInstance>, k: number, result: AssignmentResult): string[] {
  const problems: string[] = [];
  const byProposal = new Map<string, string[]>();
  const load = new Map<string, number>();
  for (const a of result.assignments) {
    if (instance.forbidden(a.proposalId, a.reviewerId)) problems.push(`forbidden pair ${a.proposalId}/${a.reviewerId}`);
    byProposal.set(a.proposalId, [...(byProposal.get(a.proposalId) ?? []), a.reviewerId]);
    load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
  }
  for (const p of instance.proposals) {
    const got = byProposal.get(p.id) ?? [];
    if (got.length !== k || new Set(got).size !== k)
      problems.push(`${p.id} has ${got.length} reviewers (${new Set(got).size} distinct)`);
  }
  for (const r of instance.reviewers) {
    if ((load.get(r.id) ?? 0) > r.maxLoad) problems.push(`${r.id} load ${load.get(r.id)} > ${r.maxLoad}`);
  }
  if (result.unmet.length) problems.push(`${result.unmet.length} proposals reported unmet`);
  return problems;
}

/** For comparison only: the greedy loop the brief rules out (input order, cheapest reviewer with room, least loaded). */
export function greedy(instance: ReturnType<typeof generateInstance>, k: number): { cost: number; stranded: number } {
  const load = new Map(instance.reviewers.map((r) => [r.id, 0]));
  let cost = 0;
  let stranded = 0;
  for (const p of instance.proposals) {
    const options = instance.reviewers
      .filter((r) => !instance.forbidden(p.id, r.id) && load.get(r.id)! < r.maxLoad)
      .map((r) => ({ r, c: expertiseCost(p, r) }))
      .sort((a, b) => a.c - b.c || load.get(a.r.id)! - load.get(b.r.id)!);
    for (const { r, c } of options.slice(0, k)) {
      load.set(r.id, load.get(r.id)! + 1);
      cost += c;
    }
    stranded += Math.max(0, k - options.length);
  }
  return { cost, stranded };
}

export function runAssignmentBenchmark(o: BenchOptions = DEFAULT_BENCH) {
  const t0 = performance.now();
  const instance = generateInstance(o);
  const generatedMs = performance.now() - t0;
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = solveAssignment({
    proposals: instance.proposals,
    reviewers: instance.reviewers,
    k: o.k,
    forbidden: instance.forbidden,
  });
  const solveMs = performance.now() - started;
  const memory = process.memoryUsage();
  const problems = verify(instance, o.k, result);
  const baseline = greedy(instance, o.k);
  const loads = result.loads.map((l) => l.after);
  const utilization = result.loads.map((l) => l.after / l.maxLoad);
  const n = result.assignments.length || 1;
  const figures = {
    ...o,
    capacity: instance.reviewers.reduce((sum, r) => sum + r.maxLoad, 0),
    conflictPairs: instance.conflicts.size,
    generateMs: Math.round(generatedMs),
    solveMs: Math.round(solveMs),
    nodes: result.stats.nodes,
    arcs: result.stats.arcs,
    phases: result.stats.phases,
    augmentations: result.stats.augmentations,
    assigned: result.stats.assigned,
    unmet: result.unmet.length,
    totalExpertiseCost: result.stats.expertiseCost,
    greedyExpertiseCost: baseline.cost,
    greedyStrandedSlots: baseline.stranded,
    shareSectorAndRegion: +(result.stats.matches.sectorAndRegion / n).toFixed(4),
    shareSectorMatch: +((result.stats.matches.sectorAndRegion + result.stats.matches.sectorOnly) / n).toFixed(4),
    matches: result.stats.matches,
    loadMin: Math.min(...loads),
    loadMax: Math.max(...loads),
    utilizationMin: +Math.min(...utilization).toFixed(3),
    utilizationMax: +Math.max(...utilization).toFixed(3),
    heapUsedMiB: Math.round(memory.heapUsed / 1048576),
    heapGrowthMiB: Math.round((memory.heapUsed - heapBefore) / 1048576),
    rssMiB: Math.round(memory.rss / 1048576),
    verified: problems.length === 0,
  };
  return { figures, problems, result };
}

export function benchOptionsFromEnv(env: Record<string, string | undefined> = process.env): BenchOptions {
  const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    ...DEFAULT_BENCH,
    proposals: num('BENCH_PROPOSALS', DEFAULT_BENCH.proposals),
    reviewers: num('BENCH_REVIEWERS', DEFAULT_BENCH.reviewers),
    k: num('BENCH_K', DEFAULT_BENCH.k),
    seed: num('BENCH_SEED', DEFAULT_BENCH.seed),
  };
}

if (require.main === module) {
  const { figures, problems } = runAssignmentBenchmark(benchOptionsFromEnv());
  console.log(JSON.stringify(figures, null, 2));
  if (problems.length) {
    console.error(problems.slice(0, 20).join('\n'));
    process.exitCode = 1;
  }
}
