/**
 * Portfolio constraints (issue 5) and an independent checker: given a selection, recompute every total from the
 * proposals in integer cents and list what is violated. It never looks at the solver, so the optimizer's output, the
 * greedy baseline and the benchmark are all verified the same way.
 */
import { PortfolioProposal, PortfolioSelection, partialAmount, partialMicroCredentials } from './portfolio-greedy';

/** Fraction (0-1) per institution type or region. */
export type ShareMap = Readonly<Record<string, number>>;

export interface PortfolioConstraints {
  /** At least this many funded micro-credentials (hard constraint). */
  targetMicroCredentials?: number;
  minShareByType?: ShareMap;
  maxShareByType?: ShareMap;
  minShareByRegion?: ShareMap;
  maxShareByRegion?: ShareMap;
  /**
   * What a share is a fraction of:
   * - `funded` (default): of the total amount actually funded ("at least 10% of what we fund goes to the north");
   *   an empty portfolio satisfies every share;
   * - `envelope`: of the envelope ("at least $1.5M of the $15M goes to the north").
   */
  shareBasis?: 'funded' | 'envelope';
  /** Maximum total awarded to one institution, integer cents. */
  maxPerInstitutionCents?: number;
}

export interface Distribution {
  cents: number;
  /** Share of the funded total (0 when nothing is funded). */
  share: number;
  count: number;
  microCredentials: number;
}

export function distribution(
  proposals: readonly PortfolioProposal[],
  selected: readonly PortfolioSelection[],
  key: 'region' | 'institutionType' | 'institutionId',
): Record<string, Distribution> {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const out: Record<string, Distribution> = {};
  let total = 0;
  for (const s of selected) {
    const p = byId.get(s.id);
    if (!p) continue;
    const d = (out[p[key]] ??= { cents: 0, share: 0, count: 0, microCredentials: 0 });
    d.cents += s.amountCents;
    d.count += 1;
    d.microCredentials += s.microCredentials;
    total += s.amountCents;
  }
  for (const d of Object.values(out)) d.share = total > 0 ? d.cents / total : 0;
  return out;
}

/** Shares are policy fractions: a shortfall below one cent is float noise, not a violation. */
const SHARE_TOLERANCE_CENTS = 1;

/**
 * Violations of the envelope and of `constraints` by `selected`, recomputed from the proposals (amounts and
 * micro-credentials are re-derived from each selection's percent, so a selection that misstates them is caught).
 * Empty when the selection is valid.
 */
export function checkPortfolio(
  proposals: readonly PortfolioProposal[],
  envelopeCents: number,
  constraints: PortfolioConstraints,
  selected: readonly PortfolioSelection[],
  allowedPercents: readonly number[] = [100],
): string[] {
  const violations: string[] = [];
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const byType = new Map<string, number>();
  const byRegion = new Map<string, number>();
  const byInstitution = new Map<string, number>();
  let total = 0;
  let credentials = 0;
  for (const s of selected) {
    const p = byId.get(s.id);
    if (!p) {
      violations.push(`unknown proposal ${s.id}`);
      continue;
    }
    if (seen.has(s.id)) violations.push(`proposal ${s.id} selected twice`);
    seen.add(s.id);
    if (!allowedPercents.includes(s.percent)) violations.push(`proposal ${s.id}: percent ${s.percent} not allowed`);
    const amount = partialAmount(p.requestedCents, s.percent);
    if (amount !== s.amountCents) violations.push(`proposal ${s.id}: amount ${s.amountCents} != ${amount}`);
    if (amount > p.requestedCents) violations.push(`proposal ${s.id}: award above the request`);
    total += amount;
    credentials += partialMicroCredentials(p.microCredentials, s.percent);
    byType.set(p.institutionType, (byType.get(p.institutionType) ?? 0) + amount);
    byRegion.set(p.region, (byRegion.get(p.region) ?? 0) + amount);
    byInstitution.set(p.institutionId, (byInstitution.get(p.institutionId) ?? 0) + amount);
  }
  if (total > envelopeCents) violations.push(`total ${total} exceeds the envelope ${envelopeCents}`);
  if (constraints.targetMicroCredentials !== undefined && credentials < constraints.targetMicroCredentials) {
    violations.push(`${credentials} micro-credentials, below the target ${constraints.targetMicroCredentials}`);
  }
  const cap = constraints.maxPerInstitutionCents;
  if (cap !== undefined) {
    for (const [inst, cents] of byInstitution) {
      if (cents > cap) violations.push(`institution ${inst}: ${cents} above the cap ${cap}`);
    }
  }
  const basis = constraints.shareBasis === 'envelope' ? envelopeCents : total;
  const shares = (label: string, sums: Map<string, number>, min?: ShareMap, max?: ShareMap) => {
    for (const [key, f] of Object.entries(min ?? {})) {
      const cents = sums.get(key) ?? 0;
      if (cents < f * basis - SHARE_TOLERANCE_CENTS) violations.push(`${label} ${key}: ${cents} below ${f} x ${basis}`);
    }
    for (const [key, f] of Object.entries(max ?? {})) {
      const cents = sums.get(key) ?? 0;
      if (cents > f * basis + SHARE_TOLERANCE_CENTS) violations.push(`${label} ${key}: ${cents} above ${f} x ${basis}`);
    }
  };
  shares('type', byType, constraints.minShareByType, constraints.maxShareByType);
  shares('region', byRegion, constraints.minShareByRegion, constraints.maxShareByRegion);
  return violations;
}
