/**
 * Portfolio optimizer (issue 5): choose the proposals to fund, optionally at partial-funding percentages, so as to
 * maximize total merit subject to the envelope and the fund's policy constraints; compared with the greedy baseline
 * ("fund down the ranking until the money runs out", see portfolio-greedy.ts). Framework-free.
 *
 * Solver: an exact mixed-integer program (portfolio-model.ts) solved by HiGHS (the `highs` npm package, HiGHS
 * compiled to WebAssembly; pinned 1.14.2, the newest release whose `engines` accepts Node 20). Branch-and-cut with a
 * proven bound: `status: 'optimal'` means HiGHS proved the solution within `mipGap` of the optimum; after a time
 * limit the best solution found is returned as `feasible` with its gap. The gap is computed from the primal and dual
 * bounds HiGHS prints in its solving report (this release's JS API does not expose them otherwise):
 * gap = (dualBound - primalBound) / |primalBound|.
 *
 * Semantics (documented choices):
 * - Money in integer cents. A proposal funded at p% receives floor(requestedCents x p / 100) cents and delivers
 *   floor(microCredentials x p / 100) micro-credentials (all of them at 100%); never more than requested.
 * - Partial funding = discrete choices: each proposal is funded at 100%, at one of `partialPercents`, or not at all.
 *   `partial: { minPercent, step }` is shorthand for the percentages minPercent, minPercent + step, ... below 100.
 * - Objective `merit` (default): sum of normalized scores, a partially funded proposal counting for its percentage
 *   of its score; `merit_x_request`: score weighted by the money, merit x amount in millions of dollars.
 * - `targetMicroCredentials` is a hard minimum. When it (or anything else) makes the problem infeasible the result
 *   says `infeasible` with a message; for the target, the message gives the most micro-credentials reachable under
 *   the other constraints (a second MIP, solved only on that path).
 * - Shares (`min/maxShareByType`, `min/maxShareByRegion`, fractions 0-1) are fractions of the funded total by
 *   default (`shareBasis: 'funded'`) or of the envelope (`shareBasis: 'envelope'`).
 * - `maxPerInstitutionCents`: the total awarded to one institution (all its proposals) never exceeds it.
 * - The returned selection is re-checked by checkPortfolio (portfolio-constraints.ts), independently of the solver;
 *   `violations` lists anything wrong (empty in a correct run) so a solver tolerance issue can never pass silently.
 */
import highsLoader from 'highs';
import { Distribution, PortfolioConstraints, checkPortfolio, distribution } from './portfolio-constraints';
import {
  GreedyResult,
  PortfolioObjective,
  PortfolioProposal,
  PortfolioSelection,
  greedyPortfolio,
  rankProposals,
} from './portfolio-greedy';
import { ModelColumn, buildPortfolioModel } from './portfolio-model';

export * from './portfolio-constraints';
export * from './portfolio-greedy';

export interface PortfolioOptions extends PortfolioConstraints {
  objective?: PortfolioObjective;
  /** Allowed partial-funding percentages (integers 1-99); 100% is always allowed. */
  partialPercents?: readonly number[];
  /** Shorthand for partialPercents: minPercent, minPercent + step, ... (below 100). */
  partial?: { minPercent: number; step: number };
  /** Solver time limit; default 30 s. The best solution found so far is returned as `feasible`. */
  timeLimitSeconds?: number;
  /** Relative optimality gap at which the solver may stop and call the solution optimal; default 0 (exact). */
  mipGap?: number;
}

export type PortfolioStatus = 'optimal' | 'feasible' | 'infeasible' | 'no_solution';

export interface PortfolioResult {
  /** `no_solution`: the time limit ran out before any feasible portfolio was found. */
  status: PortfolioStatus;
  message?: string;
  selected: PortfolioSelection[];
  totalMerit: number;
  totalCents: number;
  microCredentials: number;
  /** Relative gap between this solution and the solver's proven bound (0 when proven optimal at mipGap 0); null
   * without a solution. */
  gap: number | null;
  /** The solver's proven upper bound on the merit (null without one). */
  bound: number | null;
  durationMs: number;
  /** HiGHS model status, verbatim. */
  solverStatus: string;
  byRegion: Record<string, Distribution>;
  byType: Record<string, Distribution>;
  /** Independent re-check of the returned selection; empty when valid. */
  violations: string[];
  /** The allowed percentages, 100 first. */
  percents: number[];
  greedy: GreedyResult & {
    /** What the greedy selection violates among the constraints (it only looks at the envelope). */
    violations: string[];
  };
}

// ---------------------------------------------------------------- solver plumbing

interface HighsColumn {
  Primal?: number;
}
interface HighsRun {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, HighsColumn>;
}
interface HighsSolver {
  solve(lp: string, options?: Record<string, string | number | boolean>): HighsRun;
}
type Loader = (options?: { print?: (line: string) => void; printErr?: (line: string) => void }) => Promise<HighsSolver>;

let log: string[] = [];
let solverPromise: Promise<HighsSolver> | undefined;

/** The WebAssembly module is instantiated once per process; its log goes to `log` (one solve at a time: solve() is
 * synchronous). */
function loadSolver(): Promise<HighsSolver> {
  solverPromise ??= (highsLoader as unknown as Loader)({
    print: (line) => log.push(line),
    printErr: (line) => log.push(line),
  });
  return solverPromise;
}

interface SolveOutcome {
  status: string;
  chosen: Set<string>;
  hasSolution: boolean;
  primalBound: number | null;
  dualBound: number | null;
}

function reportValue(lines: readonly string[], label: string): string | undefined {
  const line = lines.find((l) => l.trimStart().startsWith(label));
  return line?.trimStart().slice(label.length).trim();
}

function parseBound(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

async function runSolver(lp: string, timeLimitSeconds: number, mipGap: number): Promise<SolveOutcome> {
  const solver = await loadSolver();
  log = [];
  let run: HighsRun | undefined;
  let error: unknown;
  try {
    run = solver.solve(lp, {
      output_flag: true,
      log_to_console: true,
      time_limit: timeLimitSeconds,
      mip_rel_gap: mipGap,
      // binaries come back integral to 1e-9, so rounding them cannot move a total by a cent
      mip_feasibility_tolerance: 1e-9,
      primal_feasibility_tolerance: 1e-9,
    });
  } catch (e) {
    error = e; // the package cannot parse a "solution" when there is none (e.g. time limit before the first one)
  }
  const lines = log;
  log = [];
  const solutionStatus = reportValue(lines, 'Solution status');
  const status = run?.Status ?? reportValue(lines, 'Status') ?? 'Unknown';
  const hasSolution = run !== undefined && solutionStatus === 'feasible';
  if (!run && !/infeasible|time limit|iteration limit/i.test(status)) throw error;
  const chosen = new Set<string>();
  if (run && hasSolution) {
    for (const [name, col] of Object.entries(run.Columns)) if ((col.Primal ?? 0) > 0.5) chosen.add(name);
  }
  return {
    status,
    chosen,
    hasSolution,
    primalBound: parseBound(reportValue(lines, 'Primal bound')),
    dualBound: parseBound(reportValue(lines, 'Dual bound')),
  };
}

// ---------------------------------------------------------------- validation

function allowedPercents(options: PortfolioOptions): number[] {
  const partial = new Set<number>(options.partialPercents ?? []);
  if (options.partial) {
    const { minPercent, step } = options.partial;
    if (!Number.isInteger(step) || step <= 0) throw new RangeError('partial.step must be a positive integer');
    for (let p = minPercent; p < 100; p += step) partial.add(p);
  }
  for (const p of partial) {
    if (!Number.isInteger(p) || p < 1 || p > 100) throw new RangeError(`partial percentage ${p} is not an integer 1-100`);
  }
  partial.delete(100);
  return [100, ...[...partial].sort((a, b) => b - a)];
}

function validate(proposals: readonly PortfolioProposal[], envelopeCents: number, options: PortfolioOptions): void {
  const cents = (n: number, what: string) => {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer (cents)`);
  };
  cents(envelopeCents, 'envelopeCents');
  if (options.maxPerInstitutionCents !== undefined) cents(options.maxPerInstitutionCents, 'maxPerInstitutionCents');
  const ids = new Set<string>();
  for (const p of proposals) {
    if (ids.has(p.id)) throw new RangeError(`duplicate proposal id ${p.id}`);
    ids.add(p.id);
    cents(p.requestedCents, `requestedCents of ${p.id}`);
    if (!Number.isFinite(p.merit) || p.merit < 0 || p.merit > 100) throw new RangeError(`merit of ${p.id} not in 0-100`);
    if (!Number.isInteger(p.microCredentials) || p.microCredentials < 0) {
      throw new RangeError(`microCredentials of ${p.id} must be a non-negative integer`);
    }
  }
  for (const map of [options.minShareByType, options.maxShareByType, options.minShareByRegion, options.maxShareByRegion]) {
    for (const [k, f] of Object.entries(map ?? {})) {
      if (!Number.isFinite(f) || f < 0 || f > 1) throw new RangeError(`share for ${k} must be a fraction 0-1`);
    }
  }
  const t = options.targetMicroCredentials;
  if (t !== undefined && (!Number.isInteger(t) || t < 0)) throw new RangeError('targetMicroCredentials must be >= 0');
  const g = options.mipGap;
  if (g !== undefined && (!Number.isFinite(g) || g < 0)) throw new RangeError('mipGap must be >= 0');
  const limit = options.timeLimitSeconds;
  if (limit !== undefined && !(limit > 0)) throw new RangeError('timeLimitSeconds must be > 0');
}

// ---------------------------------------------------------------- the optimizer

export async function optimizePortfolio(
  proposals: readonly PortfolioProposal[],
  envelopeCents: number,
  options: PortfolioOptions = {},
): Promise<PortfolioResult> {
  const started = performance.now();
  validate(proposals, envelopeCents, options);
  const objective = options.objective ?? 'merit';
  const percents = allowedPercents(options);
  const timeLimit = options.timeLimitSeconds ?? 30;
  const mipGap = options.mipGap ?? 0;
  const check = (selected: readonly PortfolioSelection[]) =>
    checkPortfolio(proposals, envelopeCents, options, selected, percents);

  const greedy = greedyPortfolio(proposals, envelopeCents, objective);
  const finish = (
    status: PortfolioStatus,
    selected: PortfolioSelection[],
    extra: { gap: number | null; bound: number | null; solverStatus: string; message?: string },
  ): PortfolioResult => ({
    status,
    ...(extra.message ? { message: extra.message } : {}),
    selected,
    totalMerit: selected.reduce((s, x) => s + x.merit, 0),
    totalCents: selected.reduce((s, x) => s + x.amountCents, 0),
    microCredentials: selected.reduce((s, x) => s + x.microCredentials, 0),
    gap: extra.gap,
    bound: extra.bound,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    solverStatus: extra.solverStatus,
    byRegion: distribution(proposals, selected, 'region'),
    byType: distribution(proposals, selected, 'institutionType'),
    violations: status === 'infeasible' ? [] : check(selected),
    percents,
    greedy: { ...greedy, violations: check(greedy.selected) },
  });

  const model = buildPortfolioModel(proposals, envelopeCents, options, objective, percents);
  if (model.trivialInfeasibility) {
    return finish('infeasible', [], {
      gap: null,
      bound: null,
      solverStatus: 'not solved',
      message: model.trivialInfeasibility.startsWith('credentials:')
        ? `infeasible: the target of ${options.targetMicroCredentials} micro-credentials cannot be met; no candidate delivers any`
        : `infeasible: ${model.trivialInfeasibility}`,
    });
  }
  if (model.columns.length === 0) {
    // nothing can be funded; the empty portfolio is optimal unless a target demands something
    const target = options.targetMicroCredentials ?? 0;
    if (target > 0) {
      return finish('infeasible', [], {
        gap: null,
        bound: null,
        solverStatus: 'not solved',
        message: `infeasible: no proposal can be funded, so the target of ${target} micro-credentials cannot be met`,
      });
    }
    return finish('optimal', [], { gap: 0, bound: 0, solverStatus: 'not solved' });
  }

  const outcome = await runSolver(model.lp, timeLimit, mipGap);
  if (/infeasible/i.test(outcome.status)) {
    return finish('infeasible', [], {
      gap: null,
      bound: null,
      solverStatus: outcome.status,
      message: await diagnose(proposals, envelopeCents, options, objective, percents, timeLimit),
    });
  }
  if (!outcome.hasSolution) {
    return finish('no_solution', [], {
      gap: null,
      bound: outcome.dualBound,
      solverStatus: outcome.status,
      message: `no feasible portfolio found within ${timeLimit} s`,
    });
  }
  const selected = toSelections(proposals, model.columns, outcome.chosen);
  const merit = selected.reduce((s, x) => s + x.merit, 0);
  const bound = outcome.dualBound;
  const gap = bound === null ? null : Math.max(0, bound - merit) / Math.max(Math.abs(merit), 1e-9);
  const optimal = outcome.status === 'Optimal';
  return finish(optimal ? 'optimal' : 'feasible', selected, {
    gap: gap === null ? null : optimal && gap <= 1e-9 ? 0 : gap,
    bound,
    solverStatus: outcome.status,
  });
}

function toSelections(
  proposals: readonly PortfolioProposal[],
  columns: readonly ModelColumn[],
  chosen: ReadonlySet<string>,
): PortfolioSelection[] {
  const out: PortfolioSelection[] = [];
  for (const c of columns) {
    if (!chosen.has(c.name)) continue;
    const { amountCents, microCredentials, merit, percent } = c;
    out.push({ id: proposals[c.proposal].id, percent, amountCents, microCredentials, merit });
  }
  // ranking order, for a stable and readable output
  const rank = new Map(rankProposals(proposals).map((p, i) => [p.id, i]));
  return out.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}

/** Why is it infeasible? Only the micro-credentials target gets a precise answer (the most reachable otherwise). */
async function diagnose(
  proposals: readonly PortfolioProposal[],
  envelopeCents: number,
  options: PortfolioOptions,
  objective: PortfolioObjective,
  percents: readonly number[],
  timeLimit: number,
): Promise<string> {
  const target = options.targetMicroCredentials;
  if (target !== undefined && target > 0) {
    const without = { ...options, targetMicroCredentials: undefined };
    const model = buildPortfolioModel(proposals, envelopeCents, without, objective, percents, 'microCredentials');
    if (!model.trivialInfeasibility && model.columns.length > 0) {
      const outcome = await runSolver(model.lp, timeLimit, 0);
      if (outcome.hasSolution) {
        const most = model.columns.filter((c) => outcome.chosen.has(c.name)).reduce((s, c) => s + c.microCredentials, 0);
        const proven = outcome.status === 'Optimal' ? 'at most' : 'about';
        return (
          `infeasible: the target of ${target} micro-credentials cannot be met; ${proven} ${most} can be funded ` +
          'within the envelope and the other constraints'
        );
      }
    }
  }
  return 'infeasible: the envelope, shares and per-institution cap cannot all hold together';
}
