/**
 * Benchmark of the portfolio optimizer (issue 5): a generated fund of 2,000 proposals (seeded PRNG, so every run
 * solves the same instance) with the $15M envelope and every constraint on: at least 250 funded micro-credentials,
 * minimum and maximum shares by region and by institution type (of the funded total), a per-institution cap, and
 * partial funding at 50% or 75%. Prints the figures as JSON (status, gap, time, merit vs greedy, counts) and checks
 * the returned selection against the constraints independently of the solver (checkPortfolio recomputes everything
 * from the proposals); exits non-zero when the selection is invalid or no solution was found. Time is reported
 * against the 5 s target, not asserted.
 *
 * Run:   node -r ./scripts/bench/swc-register.cjs scripts/bench/portfolio.ts     (or npm run bench:optimize)
 * Sizes: BENCH_PROPOSALS (2000), BENCH_SEED, BENCH_TIME_LIMIT (seconds, 30), BENCH_OBJECTIVE (merit|merit_x_request).
 */
import {
  PortfolioObjective,
  PortfolioOptions,
  PortfolioProposal,
  checkPortfolio,
  optimizePortfolio,
} from '../../libs/awards/src/domain/portfolio-optimizer';

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

const REGIONS = ['central', 'eastern', 'northern', 'southwestern', 'toronto'];
const REGION_WEIGHTS = [0.25, 0.2, 0.1, 0.2, 0.25];
const TYPES = ['college', 'university', 'indigenous_institute', 'private_career_college', 'private_degree_granting'];
const TYPE_WEIGHTS = [0.45, 0.35, 0.06, 0.1, 0.04];

function weighted(rand: () => number, values: readonly string[], weights: readonly number[]): string {
  let r = rand();
  for (let i = 0; i < values.length; i++) if ((r -= weights[i]) < 0) return values[i];
  return values[values.length - 1];
}

export function generateFund(proposals: number, seed: number) {
  const rand = mulberry32(seed);
  const institutions = Array.from({ length: 80 }, (_, i) => ({
    id: `I${String(i + 1).padStart(3, '0')}`,
    type: weighted(rand, TYPES, TYPE_WEIGHTS),
    region: weighted(rand, REGIONS, REGION_WEIGHTS),
  }));
  const list: PortfolioProposal[] = Array.from({ length: proposals }, (_, i) => {
    const inst = institutions[Math.floor(rand() * institutions.length)];
    const microCredentials = 1 + Math.floor(rand() * 6); // 1-6
    // a request of $20k-$80k per micro-credential plus noise, whole dollars
    const dollars = Math.round(microCredentials * (20_000 + 60_000 * rand()) + 10_000 * rand());
    // normalized scores: a bell around 60, two decimals (ties happen), within 0-100
    const bell = (rand() + rand() + rand()) / 3;
    const merit = Math.min(100, Math.max(0, Math.round((20 + 80 * bell) * 100) / 100));
    return {
      id: `P${String(i + 1).padStart(4, '0')}`,
      merit,
      requestedCents: dollars * 100,
      microCredentials,
      institutionId: inst.id,
      institutionType: inst.type,
      region: inst.region,
    };
  });
  return list;
}

export const ENVELOPE_CENTS = 15_000_000_00;

export function benchConstraints(objective: PortfolioObjective, timeLimitSeconds: number): PortfolioOptions {
  return {
    objective,
    partialPercents: [50, 75],
    targetMicroCredentials: 250,
    minShareByRegion: { northern: 0.1, eastern: 0.12 },
    maxShareByRegion: { toronto: 0.3 },
    minShareByType: { indigenous_institute: 0.05, college: 0.35 },
    maxShareByType: { private_career_college: 0.1 },
    maxPerInstitutionCents: 600_000_00,
    timeLimitSeconds,
  };
}

export async function runPortfolioBenchmark(
  size = 2000,
  seed = 20210625,
  timeLimitSeconds = 30,
  objective: PortfolioObjective = 'merit',
) {
  const proposals = generateFund(size, seed);
  const options = benchConstraints(objective, timeLimitSeconds);
  const result = await optimizePortfolio(proposals, ENVELOPE_CENTS, options);
  // independent check (the optimizer also reports its own `violations`, computed the same way)
  const problems = checkPortfolio(proposals, ENVELOPE_CENTS, options, result.selected, result.percents);
  if (result.status !== 'optimal' && result.status !== 'feasible') problems.push(`status ${result.status}`);
  const round = (n: number, d = 4) => Math.round(n * 10 ** d) / 10 ** d;
  const shares = (d: Record<string, { share: number }>) =>
    Object.fromEntries(Object.entries(d).map(([k, v]) => [k, round(v.share)]));
  const figures = {
    proposals: size,
    seed,
    objective,
    envelopeCents: ENVELOPE_CENTS,
    requestedCents: proposals.reduce((s, p) => s + p.requestedCents, 0),
    constraints: options,
    status: result.status,
    solverStatus: result.solverStatus,
    gap: result.gap,
    bound: result.bound === null ? null : round(result.bound),
    durationMs: result.durationMs,
    under5s: result.durationMs < 5000,
    merit: round(result.totalMerit),
    greedyMerit: round(result.greedy.totalMerit),
    meritGainOverGreedy: round(result.totalMerit - result.greedy.totalMerit),
    funded: result.selected.length,
    fundedPartially: result.selected.filter((s) => s.percent < 100).length,
    totalCents: result.totalCents,
    microCredentials: result.microCredentials,
    greedyFunded: result.greedy.selected.length,
    greedyTotalCents: result.greedy.totalCents,
    greedyMicroCredentials: result.greedy.microCredentials,
    greedyViolations: result.greedy.violations.length,
    greedyViolationsSample: result.greedy.violations.slice(0, 5),
    sharesByRegion: shares(result.byRegion),
    sharesByType: shares(result.byType),
    largestInstitutionCents: Math.max(
      0,
      ...Object.values(
        result.selected.reduce<Record<string, number>>((acc, s) => {
          const inst = proposals.find((p) => p.id === s.id)?.institutionId ?? '?';
          acc[inst] = (acc[inst] ?? 0) + s.amountCents;
          return acc;
        }, {}),
      ),
    ),
    verified: problems.length === 0,
  };
  return { figures, problems, result };
}

if (require.main === module) {
  const env = process.env;
  const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  const objective = (env.BENCH_OBJECTIVE ?? 'merit') as PortfolioObjective;
  runPortfolioBenchmark(num('BENCH_PROPOSALS', 2000), num('BENCH_SEED', 20210625), num('BENCH_TIME_LIMIT', 30), objective)
    .then(({ figures, problems }) => {
      console.log(JSON.stringify(figures, null, 2));
      if (problems.length) {
        console.error(problems.slice(0, 20).join('\n'));
        process.exitCode = 1;
      }
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
