/**
 * Builds the portfolio mixed-integer program (issue 5) as CPLEX LP text for HiGHS.
 *
 * One binary x[i,k] per proposal i and allowed funding level k (100%, plus the partial percentages), at most one
 * level per proposal. Every level's amount, micro-credentials and merit are constants computed here in integer
 * arithmetic (floor to the cent), so partial funding stays a MIP with discrete choices.
 *
 *   maximize    sum merit[i,k] x[i,k]                       (or sum microCredentials[i,k] x[i,k], for diagnosis)
 *   subject to  sum_k x[i,k] <= 1                           for every proposal with more than one level
 *               sum amount[i,k] x[i,k] <= envelope
 *               sum credentials[i,k] x[i,k] >= target       (targetMicroCredentials)
 *               sum_{i of inst} amount x <= cap             (maxPerInstitutionCents; only where it can bind)
 *               sum_{i in g} amount x >= f * B, <= f * B    (min/max shares by type and region; B = funded total,
 *                                                            moved to the left-hand side, or the envelope)
 */
import { PortfolioConstraints, ShareMap } from './portfolio-constraints';
import {
  PortfolioObjective,
  PortfolioProposal,
  partialAmount,
  partialMicroCredentials,
  selectionMerit,
} from './portfolio-greedy';

export interface ModelColumn {
  name: string;
  proposal: number;
  percent: number;
  amountCents: number;
  microCredentials: number;
  merit: number;
}

export interface PortfolioModel {
  lp: string;
  columns: ModelColumn[];
  /** Set when a constraint is infeasible before any solving (e.g. a minimum share of the envelope for a region that
   * has no proposal); the LP text is then not meant to be solved. */
  trivialInfeasibility?: string;
}

type Term = [coefficient: number, column: number];

function fmt(n: number): string {
  // 15 significant digits: exact for every integer amount in cents, and no float noise in fractional coefficients
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

function linear(terms: readonly Term[], columns: readonly ModelColumn[]): string {
  const parts: string[] = [];
  for (const [c, j] of terms) {
    if (c === 0) continue;
    const sign = c < 0 ? '-' : '+';
    parts.push(`${parts.length === 0 && sign === '+' ? '' : `${sign} `}${fmt(Math.abs(c))} ${columns[j].name}`);
  }
  // short lines: the LP format allows a row to continue on the next line
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 8) lines.push(parts.slice(k, k + 8).join(' '));
  return lines.join('\n   ');
}

export function buildPortfolioModel(
  proposals: readonly PortfolioProposal[],
  envelopeCents: number,
  constraints: PortfolioConstraints,
  objective: PortfolioObjective,
  percents: readonly number[],
  goal: 'objective' | 'microCredentials' = 'objective',
): PortfolioModel {
  const columns: ModelColumn[] = [];
  const levelsOf: number[][] = [];
  proposals.forEach((p, i) => {
    const amounts = new Set<number>();
    const mine: number[] = [];
    for (const percent of percents) {
      const amountCents = partialAmount(p.requestedCents, percent);
      // a level that costs nothing, or costs the same as a higher one already listed, adds nothing
      if ((amountCents === 0 && p.requestedCents > 0) || amounts.has(amountCents)) continue;
      if (amountCents > envelopeCents) continue;
      if (constraints.maxPerInstitutionCents !== undefined && amountCents > constraints.maxPerInstitutionCents) {
        continue;
      }
      amounts.add(amountCents);
      mine.push(columns.length);
      columns.push({
        name: `x${i}_${percent}`,
        proposal: i,
        percent,
        amountCents,
        microCredentials: partialMicroCredentials(p.microCredentials, percent),
        merit: selectionMerit(p, percent, objective),
      });
    }
    levelsOf.push(mine);
  });

  const rows: string[] = [];
  let trivialInfeasibility: string | undefined;
  const row = (name: string, terms: Term[], sense: '<=' | '>=', rhs: number) => {
    const live = terms.filter(([c]) => c !== 0);
    if (live.length === 0) {
      if (sense === '<=' ? 0 > rhs : 0 < rhs) trivialInfeasibility ??= `${name}: 0 ${sense} ${rhs} cannot hold`;
      return;
    }
    rows.push(` ${name}: ${linear(live, columns)} ${sense} ${fmt(rhs)}`);
  };

  levelsOf.forEach((cols, i) => {
    if (cols.length > 1)
      row(
        `one${i}`,
        cols.map((j) => [1, j]),
        '<=',
        1,
      );
  });
  row(
    'envelope',
    columns.map((c, j) => [c.amountCents, j]),
    '<=',
    envelopeCents,
  );
  if (constraints.targetMicroCredentials !== undefined && constraints.targetMicroCredentials > 0) {
    row(
      'credentials',
      columns.map((c, j) => [c.microCredentials, j]),
      '>=',
      constraints.targetMicroCredentials,
    );
  }

  const cap = constraints.maxPerInstitutionCents;
  if (cap !== undefined) {
    const byInstitution = new Map<string, number[]>();
    columns.forEach((c, j) => {
      const inst = proposals[c.proposal].institutionId;
      let cols = byInstitution.get(inst);
      if (!cols) byInstitution.set(inst, (cols = []));
      cols.push(j);
    });
    let k = 0;
    for (const cols of byInstitution.values()) {
      // the most an institution can get without the cap: its largest level per proposal
      const most = new Map<number, number>();
      for (const j of cols) most.set(columns[j].proposal, Math.max(most.get(columns[j].proposal) ?? 0, columns[j].amountCents));
      if ([...most.values()].reduce((a, b) => a + b, 0) > cap) {
        row(
          `inst${k}`,
          cols.map((j) => [columns[j].amountCents, j]),
          '<=',
          cap,
        );
      }
      k++;
    }
  }

  const funded = constraints.shareBasis !== 'envelope';
  const shares = (prefix: string, key: (p: PortfolioProposal) => string, map: ShareMap | undefined, sense: '<=' | '>=') => {
    Object.entries(map ?? {}).forEach(([group, f], g) => {
      if ((sense === '>=' && f <= 0) || (sense === '<=' && f >= 1)) return; // never binds
      const inGroup = (j: number) => key(proposals[columns[j].proposal]) === group;
      if (funded) {
        // sum_g a x - f sum_all a x  (>= or <=) 0
        row(
          `${prefix}${g}`,
          columns.map((c, j) => [(inGroup(j) ? 1 - f : -f) * c.amountCents, j]),
          sense,
          0,
        );
      } else {
        row(
          `${prefix}${g}`,
          columns.map((c, j) => [inGroup(j) ? c.amountCents : 0, j]),
          sense,
          f * envelopeCents,
        );
      }
    });
  };
  shares('mintype', (p) => p.institutionType, constraints.minShareByType, '>=');
  shares('maxtype', (p) => p.institutionType, constraints.maxShareByType, '<=');
  shares('minregion', (p) => p.region, constraints.minShareByRegion, '>=');
  shares('maxregion', (p) => p.region, constraints.maxShareByRegion, '<=');

  const cost: Term[] = columns.map((c, j) => [goal === 'objective' ? c.merit : c.microCredentials, j]);
  const objectiveText = cost.some(([c]) => c !== 0) ? linear(cost, columns) : columns.length ? `0 ${columns[0].name}` : '';
  const lp = [
    'Maximize',
    ` obj: ${objectiveText}`,
    'Subject To',
    ...(rows.length ? rows : columns.length ? [` none: ${columns[0].name} >= 0`] : []),
    'Binaries',
    ...columns.map((c) => ` ${c.name}`),
    'End',
    '',
  ].join('\n');
  return { lp, columns, trivialInfeasibility };
}
