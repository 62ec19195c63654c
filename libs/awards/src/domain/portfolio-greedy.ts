/**
 * Shared vocabulary of the portfolio optimizer (issue 5) and its greedy baseline: "fund down the ranking until the
 * money runs out". Framework-free; money in integer cents.
 */

export interface PortfolioProposal {
  id: string;
  /** Normalized score, 0-100. */
  merit: number;
  /** Requested amount, integer cents. */
  requestedCents: number;
  /** Micro-credentials the proposal delivers when fully funded. */
  microCredentials: number;
  institutionId: string;
  institutionType: string;
  region: string;
}

/**
 * - `merit`: a funded proposal contributes its normalized score (x the funded percentage / 100 when partially funded);
 *   the portfolio's merit is the sum.
 * - `merit_x_request`: the score weighted by the money: merit x funded amount in millions of dollars
 *   (merit x amountCents / 1e8), so a large strong proposal counts for more than a small strong one.
 */
export type PortfolioObjective = 'merit' | 'merit_x_request';

export interface PortfolioSelection {
  id: string;
  /** Funded percentage of the request: 100, or one of the allowed partial percentages. */
  percent: number;
  /** floor(requestedCents x percent / 100), integer cents. */
  amountCents: number;
  /** Micro-credentials delivered at that percentage: floor(microCredentials x percent / 100). */
  microCredentials: number;
  /** This selection's contribution to the objective. */
  merit: number;
}

/** floor(cents x percent / 100) in exact integer arithmetic (percent an integer 1-100). */
export function partialAmount(cents: number, percent: number): number {
  const scaled = cents * percent; // < 2^53 for any realistic request (cents < 9e13)
  return (scaled - (scaled % 100)) / 100;
}

/** Micro-credentials delivered when funded at `percent`: proportional, rounded down; all of them at 100%. */
export function partialMicroCredentials(count: number, percent: number): number {
  return percent === 100 ? count : Math.floor((count * percent) / 100);
}

/** Objective value of funding `p` at `percent` (see PortfolioObjective). */
export function selectionMerit(p: PortfolioProposal, percent: number, objective: PortfolioObjective): number {
  if (objective === 'merit') return (p.merit * percent) / 100;
  return (p.merit * partialAmount(p.requestedCents, percent)) / 1e8;
}

export function toSelection(p: PortfolioProposal, percent: number, objective: PortfolioObjective): PortfolioSelection {
  return {
    id: p.id,
    percent,
    amountCents: partialAmount(p.requestedCents, percent),
    microCredentials: partialMicroCredentials(p.microCredentials, percent),
    merit: selectionMerit(p, percent, objective),
  };
}

/** The ranking: merit descending, ties by id ascending (code-unit order, locale-independent). */
export function rankProposals(proposals: readonly PortfolioProposal[]): PortfolioProposal[] {
  return [...proposals].sort((a, b) => b.merit - a.merit || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface GreedyResult {
  selected: PortfolioSelection[];
  totalMerit: number;
  totalCents: number;
  microCredentials: number;
}

/**
 * Greedy baseline, exactly as the issue words it: walk the ranking and fund each proposal in full while the money
 * lasts; STOP at the first proposal whose request no longer fits in what is left of the envelope (it does not skip it
 * to fund a cheaper one further down). Ignores every constraint other than the envelope.
 */
export function greedyPortfolio(
  proposals: readonly PortfolioProposal[],
  envelopeCents: number,
  objective: PortfolioObjective = 'merit',
): GreedyResult {
  const selected: PortfolioSelection[] = [];
  let left = envelopeCents;
  for (const p of rankProposals(proposals)) {
    if (p.requestedCents > left) break;
    left -= p.requestedCents;
    selected.push(toSelection(p, 100, objective));
  }
  return summarize(selected, envelopeCents - left);
}

function summarize(selected: PortfolioSelection[], totalCents: number): GreedyResult {
  return {
    selected,
    totalMerit: selected.reduce((s, x) => s + x.merit, 0),
    totalCents,
    microCredentials: selected.reduce((s, x) => s + x.microCredentials, 0),
  };
}
