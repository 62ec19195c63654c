/**
 * Automatic reviewer assignment for a whole fund (issue 4), solved exactly as a min-cost max-flow.
 *
 * Network (all capacities are 1 unless said otherwise):
 *
 *   source ──(need_p unit arcs)──> proposal p ──(1 arc per allowed reviewer)──> reviewer r ──(room_r unit arcs)──> sink
 *
 *   need_p = max(0, k − pairs of p already in `existing`); room_r = max(0, maxLoad − currentLoad − pairs of r in
 *   `existing`). A forbidden pair (conflict, or anything the caller excludes) and an existing pair have no arc,
 *   so they can never be assigned. The flow on a proposal → reviewer arc is the assignment.
 *
 * Objective, lexicographic (each tier only breaks ties of the tiers before it):
 *   1. as many assignments as possible (max flow);
 *   2. when not every proposal can get k reviewers, spread the shortfall: the i-th reviewer of a proposal (counting
 *      existing ones) costs (i − 1)·W_spread, a convex cost, so no proposal gets its 3rd reviewer while another could
 *      get its 2nd instead. When every proposal can be served this tier is the same for all max flows;
 *   3. expertise: a proposal → reviewer arc costs expertiseCost·W_exp, 0 when the reviewer shares a sector and a
 *      region with the proposal, 1 a sector only, 2 a region only, 3 neither;
 *   4. even load (optional, on by default): the u-th unit of load of a reviewer (counting currentLoad and existing
 *      pairs) costs u. The unit arcs of one reviewer have increasing costs, so a min-cost flow fills them in order
 *      and the reviewer's total is 1 + 2 + … + load: a convex function, which is what makes parallel arcs an exact
 *      model. Minimizing Σ load(load+1)/2 spreads the load as evenly as the maxima and tiers 1-3 allow.
 *   The weights make the tiers strict: W_exp exceeds the largest possible total of tier 4, W_spread the largest
 *   possible total of tiers 3 + 4. Every cost is an integer and every distance stays below 2^53 (checked), so the
 *   arithmetic is exact in doubles; when an instance is too large for that, tier 4 is dropped (stats.loadBalanced).
 *
 * Algorithm: primal-dual successive shortest paths. Dijkstra (binary heap, reduced costs with node potentials,
 * stopped when the sink is settled) gives the shortest augmenting distance D; the potentials are raised by
 * min(dist, D), which keeps every residual reduced cost ≥ 0 and makes the shortest paths exactly the residual arcs of
 * reduced cost 0. All of those paths are then augmented at once with Dinic (BFS levels + blocking flow) on that
 * zero-cost subgraph, before the next Dijkstra. Augmenting only along shortest paths keeps the flow a min-cost flow
 * of its value at every step, so the final flow is a minimum-cost maximum flow: exact, not a heuristic.
 *
 * Determinism: no randomness, and nothing iterates in any order but the input order. Arcs are created in
 * input order (proposals, then reviewers) and scanned in that order; heap ties go to the lower node index. Equal
 * inputs give equal outputs; among equally good solutions the one found follows input order, but it is not
 * promised to be the lexicographically first.
 *
 * Shortfalls: a proposal missing reviewers after the max flow is explained from the constraints and the final
 * residual graph (see UnmetProposal).
 */

export interface AssignmentProposal {
  id: string;
  sectors: readonly string[];
  regions: readonly string[];
}

export interface AssignmentReviewer {
  id: string;
  /** Most assignments the reviewer may hold (integer ≥ 0). */
  maxLoad: number;
  /** Assignments the reviewer holds that are NOT listed in `existing` (e.g. other funds); default 0. */
  currentLoad?: number;
  sectors: readonly string[];
  regions: readonly string[];
}

export interface AssignmentPair {
  proposalId: string;
  reviewerId: string;
}

export interface AssignmentInput {
  proposals: readonly AssignmentProposal[];
  reviewers: readonly AssignmentReviewer[];
  /** Reviewers per proposal (integer ≥ 0). */
  k: number;
  /** Pairs that must never be assigned: conflicts (automatic or declared), or anything else the caller excludes. */
  forbidden: (proposalId: string, reviewerId: string) => boolean;
  /**
   * Pairs already assigned (kept as they are, never proposed again): each counts toward its proposal's k and its
   * reviewer's load. A pair whose proposal is not in `proposals` still counts toward the reviewer's load; one whose
   * reviewer is not in `reviewers` still counts toward the proposal's k.
   */
  existing?: readonly AssignmentPair[];
  /** Tier 4 of the objective (even load); default true. */
  balanceLoad?: boolean;
}

/** 0: shares a sector and a region; 1: a sector only; 2: a region only; 3: neither. */
export type ExpertiseCost = 0 | 1 | 2 | 3;

export interface Assignment {
  proposalId: string;
  reviewerId: string;
  cost: ExpertiseCost;
}

/**
 * Why a proposal is short, in the order the causes are checked:
 * - too_few_eligible: fewer reviewers without a conflict (and not already assigned to it) than it needs;
 * - eligible_at_max_load: enough of those, but too few have any room left before this assignment;
 * - contention: the eligible reviewers with room were all taken by proposals that have no other eligible reviewer
 *   with room (no reassignment can free a slot: the residual graph has no augmenting path).
 */
export type UnmetCause = 'too_few_eligible' | 'eligible_at_max_load' | 'contention';

export interface ContentionGroup {
  /** The proposals that compete for the same reviewers (those reachable from the short proposal in the residual graph). */
  proposalIds: string[];
  /** The reviewers they compete for, all at their maximum load after the assignment. */
  reviewerIds: string[];
  /** Free slots those reviewers had before this assignment (all used now, by these proposals). */
  slots: number;
  /** How many reviewers those proposals miss together. */
  missing: number;
}

export interface UnmetProposal {
  proposalId: string;
  /** Reviewers still missing to reach k. */
  missing: number;
  /** The first applicable cause (see UnmetCause); `reason` explains all the applicable ones. */
  cause: UnmetCause;
  reason: string;
  /** Reviewers it still needs before this assignment: k minus existing pairs. */
  needed: number;
  /** Reviewers without a conflict and not already assigned to it. */
  eligible: number;
  /** Of those, the ones with room left before this assignment. */
  eligibleWithRoom: number;
  contention?: ContentionGroup;
}

export interface ReviewerLoad {
  reviewerId: string;
  /** currentLoad + existing pairs. */
  before: number;
  added: number;
  after: number;
  maxLoad: number;
}

export interface AssignmentStats {
  proposals: number;
  reviewers: number;
  k: number;
  /** Σ over proposals of (k − existing pairs). */
  required: number;
  assigned: number;
  missing: number;
  nodes: number;
  /** Arcs of the network (not counting residual reverse arcs). */
  arcs: number;
  /** Σ of the expertise costs of the new assignments (minimum among maximum assignments). */
  expertiseCost: number;
  matches: { sectorAndRegion: number; sectorOnly: number; regionOnly: number; neither: number };
  /** Σ over reviewers of 1 + 2 + … + load for the loads after assignment (what tier 4 minimizes, plus a constant). */
  loadCost: number;
  loadBalanced: boolean;
  /** Dijkstra runs. */
  phases: number;
  augmentations: number;
}

export interface AssignmentResult {
  /** New pairs only (not `existing`), proposals in input order, then reviewers in input order. */
  assignments: Assignment[];
  /** Proposals that could not get k reviewers, in input order. */
  unmet: UnmetProposal[];
  /** One line per reviewer, in input order. */
  loads: ReviewerLoad[];
  stats: AssignmentStats;
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const set = new Set(a);
  return b.some((x) => set.has(x));
}

export function expertiseCost(
  proposal: Pick<AssignmentProposal, 'sectors' | 'regions'>,
  reviewer: Pick<AssignmentReviewer, 'sectors' | 'regions'>,
): ExpertiseCost {
  const sector = intersects(proposal.sectors, reviewer.sectors);
  const region = intersects(proposal.regions, reviewer.regions);
  return sector ? (region ? 0 : 1) : region ? 2 : 3;
}

function checkCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${what} must be an integer ≥ 0, got ${String(value)}`);
  }
  return value;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** At most 10 ids in a sentence; the structured fields have them all. */
const listIds = (ids: string[]) =>
  ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`;

/** A growable binary min-heap of (key, node) with ties broken by the lower node index. */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }
  clear(): void {
    this.size = 0;
  }
  private less(i: number, j: number): boolean {
    const a = this.keys[i];
    const b = this.keys[j];
    return a < b || (a === b && this.nodes[i] < this.nodes[j]);
  }
  private swap(i: number, j: number): void {
    const k = this.keys[i];
    this.keys[i] = this.keys[j];
    this.keys[j] = k;
    const n = this.nodes[i];
    this.nodes[i] = this.nodes[j];
    this.nodes[j] = n;
  }
  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.nodes[i] = node;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  /** Removes the minimum; read topKey/topNode before calling. */
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    this.keys[0] = this.keys[last];
    this.nodes[0] = this.nodes[last];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const child = r < last && this.less(r, l) ? r : l;
      if (!this.less(child, i)) break;
      this.swap(child, i);
      i = child;
    }
  }
  get topKey(): number {
    return this.keys[0];
  }
  get topNode(): number {
    return this.nodes[0];
  }
}

/** Residual network with arcs in pairs (e, e ^ 1) and adjacency in insertion order. */
class FlowNetwork {
  private readonly arcTo: number[] = [];
  private readonly arcCap: number[] = [];
  private readonly arcCost: number[] = [];
  to!: Int32Array;
  cap!: Int32Array;
  cost!: Float64Array;
  adjStart!: Int32Array;
  adj!: Int32Array;

  constructor(readonly n: number) {}

  get arcs(): number {
    return this.arcTo.length >> 1;
  }

  /** Adds from → to and its reverse; returns the forward arc's index. */
  addArc(from: number, to: number, cap: number, cost: number): number {
    const e = this.arcTo.length;
    this.arcTo.push(to, from);
    this.arcCap.push(cap, 0);
    this.arcCost.push(cost, -cost);
    return e;
  }

  freeze(): void {
    this.to = Int32Array.from(this.arcTo);
    this.cap = Int32Array.from(this.arcCap);
    this.cost = Float64Array.from(this.arcCost);
    const m2 = this.to.length;
    this.adjStart = new Int32Array(this.n + 1);
    for (let e = 0; e < m2; e++) this.adjStart[this.to[e ^ 1] + 1]++;
    for (let v = 0; v < this.n; v++) this.adjStart[v + 1] += this.adjStart[v];
    const fill = this.adjStart.slice(0, this.n);
    this.adj = new Int32Array(m2);
    for (let e = 0; e < m2; e++) this.adj[fill[this.to[e ^ 1]]++] = e;
  }

  /** Min-cost max-flow from s to t; returns the number of Dijkstra phases and augmentations. */
  minCostMaxFlow(s: number, t: number): { flow: number; phases: number; augmentations: number } {
    const { n, to, cap, cost, adjStart, adj } = this;
    const pot = new Float64Array(n);
    const dist = new Float64Array(n);
    const settled = new Uint8Array(n);
    const level = new Int32Array(n);
    const queue = new Int32Array(n);
    const iter = new Int32Array(n);
    const path = new Int32Array(n);
    const heap = new MinHeap(adj.length + 1);
    let flow = 0;
    let phases = 0;
    let augmentations = 0;

    for (;;) {
      // Dijkstra on reduced costs (all ≥ 0), stopped when t is settled.
      dist.fill(Infinity);
      settled.fill(0);
      heap.clear();
      dist[s] = 0;
      heap.push(0, s);
      while (heap.size > 0) {
        const d = heap.topKey;
        const u = heap.topNode;
        heap.pop();
        if (settled[u] || d > dist[u]) continue;
        settled[u] = 1;
        if (u === t) break;
        const pu = pot[u];
        for (let i = adjStart[u], end = adjStart[u + 1]; i < end; i++) {
          const e = adj[i];
          if (cap[e] <= 0) continue;
          const v = to[e];
          if (settled[v]) continue;
          const nd = d + cost[e] + pu - pot[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      if (!settled[t]) break;
      phases++;
      const D = dist[t];
      for (let v = 0; v < n; v++) pot[v] += settled[v] ? dist[v] : D;

      // Dinic on the arcs of reduced cost 0: every s-t path there is a shortest augmenting path.
      for (;;) {
        level.fill(-1);
        level[s] = 0;
        let head = 0;
        let tail = 0;
        queue[tail++] = s;
        while (head < tail) {
          const u = queue[head++];
          const pu = pot[u];
          for (let i = adjStart[u], end = adjStart[u + 1]; i < end; i++) {
            const e = adj[i];
            const v = to[e];
            if (cap[e] > 0 && level[v] < 0 && cost[e] + pu - pot[v] === 0) {
              level[v] = level[u] + 1;
              queue[tail++] = v;
            }
          }
        }
        if (level[t] < 0) break;
        iter.set(adjStart.subarray(0, n));
        // iterative blocking flow: walk forward along admissible arcs, retreat from dead ends
        let depth = 0;
        let u = s;
        for (;;) {
          if (u === t) {
            let bottleneck = Infinity;
            for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, cap[path[i]]);
            for (let i = 0; i < depth; i++) {
              cap[path[i]] -= bottleneck;
              cap[path[i] ^ 1] += bottleneck;
            }
            flow += bottleneck;
            augmentations++;
            depth = 0;
            u = s;
            continue;
          }
          let advanced = false;
          const pu = pot[u];
          for (const end = adjStart[u + 1]; iter[u] < end; iter[u]++) {
            const e = adj[iter[u]];
            const v = to[e];
            if (cap[e] > 0 && level[v] === level[u] + 1 && cost[e] + pu - pot[v] === 0) {
              path[depth++] = e;
              u = v;
              advanced = true;
              break;
            }
          }
          if (advanced) continue;
          if (u === s) break;
          level[u] = -1; // dead end for this level graph
          u = to[path[--depth] ^ 1];
          iter[u]++;
        }
      }
    }
    return { flow, phases, augmentations };
  }
}

export function solveAssignment(input: AssignmentInput): AssignmentResult {
  const k = checkCount(input.k, 'k');
  const proposals = input.proposals;
  const reviewers = input.reviewers;
  const P = proposals.length;
  const R = reviewers.length;

  const proposalIndex = new Map<string, number>();
  proposals.forEach((p, i) => {
    if (proposalIndex.has(p.id)) throw new RangeError(`duplicate proposal id ${p.id}`);
    proposalIndex.set(p.id, i);
  });
  const reviewerIndex = new Map<string, number>();
  reviewers.forEach((r, j) => {
    if (reviewerIndex.has(r.id)) throw new RangeError(`duplicate reviewer id ${r.id}`);
    reviewerIndex.set(r.id, j);
    checkCount(r.maxLoad, `maxLoad of reviewer ${r.id}`);
    checkCount(r.currentLoad ?? 0, `currentLoad of reviewer ${r.id}`);
  });

  // existing pairs: toward k and toward load
  const existingCount = new Int32Array(P);
  const existingLoad = new Int32Array(R);
  const existingPairs = new Set<string>();
  for (const pair of input.existing ?? []) {
    const key = JSON.stringify([pair.proposalId, pair.reviewerId]);
    if (existingPairs.has(key)) throw new RangeError(`duplicate existing pair ${pair.proposalId} / ${pair.reviewerId}`);
    existingPairs.add(key);
    const i = proposalIndex.get(pair.proposalId);
    const j = reviewerIndex.get(pair.reviewerId);
    if (i !== undefined) existingCount[i]++;
    if (j !== undefined) existingLoad[j]++;
  }
  const need = Array.from({ length: P }, (_, i) => Math.max(0, k - existingCount[i]));
  const before = reviewers.map((r, j) => (r.currentLoad ?? 0) + existingLoad[j]);
  const room = reviewers.map((r, j) => Math.max(0, r.maxLoad - before[j]));
  const required = need.reduce((a, b) => a + b, 0);

  // allowed pairs and their expertise costs, in input order
  const allowed: Int32Array[] = [];
  const pairCost: Uint8Array[] = [];
  const eligible = new Int32Array(P);
  const eligibleWithRoom = new Int32Array(P);
  for (let i = 0; i < P; i++) {
    const p = proposals[i];
    const list: number[] = [];
    const costs: number[] = [];
    for (let j = 0; j < R; j++) {
      const r = reviewers[j];
      if ((existingPairs.size > 0 && existingPairs.has(JSON.stringify([p.id, r.id]))) || input.forbidden(p.id, r.id)) continue;
      list.push(j);
      costs.push(expertiseCost(p, r));
      if (room[j] > 0) eligibleWithRoom[i]++;
    }
    eligible[i] = list.length;
    allowed.push(Int32Array.from(list));
    pairCost.push(Uint8Array.from(costs));
  }

  // weights of the tiers (see the header); drop tier 4 if the numbers would not stay exact
  const n = P + R + 2;
  const S = 0;
  const T = n - 1;
  const proposalNode = (i: number) => 1 + i;
  const reviewerNode = (j: number) => 1 + P + j;
  const weights = (balance: boolean) => {
    let loadTotal = 0; // Σ of every unit cost: bounds tier 4 for any flow
    let maxUnit = 0;
    if (balance) {
      for (let j = 0; j < R; j++) {
        const last = before[j] + room[j];
        loadTotal += (last * (last + 1) - before[j] * (before[j] + 1)) / 2;
        maxUnit = Math.max(maxUnit, last);
      }
    }
    const wExp = loadTotal + 1;
    const wSpread = (3 * required + 1) * wExp;
    const maxArc = Math.max(Math.max(0, k - 1) * wSpread, 3 * wExp, maxUnit);
    return { wExp, wSpread, exact: 4 * n * maxArc <= Number.MAX_SAFE_INTEGER };
  };
  let loadBalanced = input.balanceLoad ?? true;
  let w = weights(loadBalanced);
  if (!w.exact && loadBalanced) {
    loadBalanced = false;
    w = weights(false);
  }
  if (!w.exact) throw new RangeError(`instance too large for exact costs (${P} proposals, ${R} reviewers, k = ${k})`);

  const net = new FlowNetwork(n);
  for (let i = 0; i < P; i++) {
    for (let unit = existingCount[i] + 1; unit <= existingCount[i] + need[i]; unit++) {
      net.addArc(S, proposalNode(i), 1, (unit - 1) * w.wSpread);
    }
  }
  const pairArc: Int32Array[] = [];
  for (let i = 0; i < P; i++) {
    const arcsOfP = new Int32Array(allowed[i].length);
    for (let a = 0; a < allowed[i].length; a++) {
      arcsOfP[a] = need[i] > 0 ? net.addArc(proposalNode(i), reviewerNode(allowed[i][a]), 1, pairCost[i][a] * w.wExp) : -1;
    }
    pairArc.push(arcsOfP);
  }
  for (let j = 0; j < R; j++) {
    if (room[j] === 0) continue;
    if (loadBalanced) {
      for (let unit = before[j] + 1; unit <= before[j] + room[j]; unit++) net.addArc(reviewerNode(j), T, 1, unit);
    } else {
      net.addArc(reviewerNode(j), T, room[j], 0);
    }
  }
  net.freeze();
  const run = net.minCostMaxFlow(S, T);

  // read the flow
  const assignments: Assignment[] = [];
  const got = new Int32Array(P);
  const added = new Int32Array(R);
  const matches = { sectorAndRegion: 0, sectorOnly: 0, regionOnly: 0, neither: 0 };
  const matchKeys = ['sectorAndRegion', 'sectorOnly', 'regionOnly', 'neither'] as const;
  let totalExpertise = 0;
  for (let i = 0; i < P; i++) {
    for (let a = 0; a < allowed[i].length; a++) {
      const e = pairArc[i][a];
      if (e < 0 || net.cap[e] !== 0) continue;
      const j = allowed[i][a];
      const c = pairCost[i][a] as ExpertiseCost;
      assignments.push({ proposalId: proposals[i].id, reviewerId: reviewers[j].id, cost: c });
      got[i]++;
      added[j]++;
      totalExpertise += c;
      matches[matchKeys[c]]++;
    }
  }
  const loads: ReviewerLoad[] = reviewers.map((r, j) => ({
    reviewerId: r.id,
    before: before[j],
    added: added[j],
    after: before[j] + added[j],
    maxLoad: r.maxLoad,
  }));

  const unmet = explainShortfalls({
    proposals,
    reviewers,
    k,
    need,
    got,
    eligible,
    eligibleWithRoom,
    allowed,
    pairArc,
    room,
    net,
  });

  return {
    assignments,
    unmet,
    loads,
    stats: {
      proposals: P,
      reviewers: R,
      k,
      required,
      assigned: run.flow,
      missing: required - run.flow,
      nodes: n,
      arcs: net.arcs,
      expertiseCost: totalExpertise,
      matches,
      loadCost: loads.reduce((sum, l) => sum + (l.after * (l.after + 1)) / 2, 0),
      loadBalanced,
      phases: run.phases,
      augmentations: run.augmentations,
    },
  };
}

function explainShortfalls(ctx: {
  proposals: readonly AssignmentProposal[];
  reviewers: readonly AssignmentReviewer[];
  k: number;
  need: number[];
  got: Int32Array;
  eligible: Int32Array;
  eligibleWithRoom: Int32Array;
  allowed: Int32Array[];
  pairArc: Int32Array[];
  room: number[];
  net: FlowNetwork;
}): UnmetProposal[] {
  const { proposals, reviewers, k, need, got, eligible, eligibleWithRoom, allowed, pairArc, room, net } = ctx;
  const P = proposals.length;
  const R = reviewers.length;
  // who holds each reviewer's new assignments: reviewer j -> proposals i with flow on (i, j)
  const holders: number[][] = Array.from({ length: R }, () => []);
  for (let i = 0; i < P; i++) {
    for (let a = 0; a < allowed[i].length; a++)
      if (pairArc[i][a] >= 0 && net.cap[pairArc[i][a]] === 0) holders[allowed[i][a]].push(i);
  }

  const unmet: UnmetProposal[] = [];
  for (let i = 0; i < P; i++) {
    const missing = need[i] - got[i];
    if (missing <= 0) continue;
    const E = eligible[i];
    const W = eligibleWithRoom[i];
    const existing = k - need[i];
    const clauses: string[] = [];
    let cause: UnmetCause | undefined;
    const head = `${plural(got[i], 'reviewer', 'reviewers')} assigned of ${need[i]} needed${existing ? ` (k = ${k}, ${existing} already assigned)` : ''}`;
    if (E < need[i]) {
      cause = 'too_few_eligible';
      clauses.push(
        `only ${plural(E, 'reviewer has', 'reviewers have')} no conflict with it${existing ? ' and no assignment to it yet' : ''}`,
      );
    }
    if (W < Math.min(E, need[i])) {
      cause ??= 'eligible_at_max_load';
      clauses.push(
        `${E - W} of the ${plural(E, 'reviewer', 'reviewers')} without a conflict ${E - W === 1 ? 'is' : 'are'} already at maximum load`,
      );
    }
    let contention: ContentionGroup | undefined;
    if (got[i] < Math.min(need[i], W)) {
      cause ??= 'contention';
      contention = contentionGroup(i);
      const others = contention.proposalIds.length - 1;
      clauses.push(
        `it competes with ${plural(others, 'other proposal', 'other proposals')} for reviewers ${listIds(contention.reviewerIds)}, ` +
          `whose ${plural(contention.slots, 'free slot', 'free slots')} fall ${contention.missing} short of the ${contention.slots + contention.missing} these proposals need ` +
          `(none of them has another eligible reviewer with room)`,
      );
    }
    unmet.push({
      proposalId: proposals[i].id,
      missing,
      cause: cause ?? 'contention',
      reason: `${head}: ${clauses.join('; ')}`,
      needed: need[i],
      eligible: E,
      eligibleWithRoom: W,
      ...(contention ? { contention } : {}),
    });
  }
  return unmet;

  /**
   * The proposals and reviewers reachable from proposal i0 in the residual graph, not through the source or the
   * sink: proposal → reviewer along an allowed pair not assigned, reviewer → proposal along a new assignment. The
   * flow is maximum and i0 is short (reachable from the source), so every reviewer reached is at maximum load, and
   * everything they hold is held by proposals in the group: the group's demand exceeds those reviewers' slots.
   */
  function contentionGroup(i0: number): ContentionGroup {
    const seenP = new Uint8Array(P);
    const seenR = new Uint8Array(R);
    const stack = [i0];
    seenP[i0] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      for (let a = 0; a < allowed[i].length; a++) {
        const e = pairArc[i][a];
        const j = allowed[i][a];
        if (e < 0 || net.cap[e] === 0 || seenR[j]) continue;
        seenR[j] = 1;
        for (const h of holders[j]) {
          if (!seenP[h]) {
            seenP[h] = 1;
            stack.push(h);
          }
        }
      }
    }
    const proposalIds: string[] = [];
    let missing = 0;
    for (let i = 0; i < P; i++) {
      if (!seenP[i]) continue;
      proposalIds.push(proposals[i].id);
      missing += need[i] - got[i];
    }
    const reviewerIds: string[] = [];
    let slots = 0;
    for (let j = 0; j < R; j++) {
      if (!seenR[j] || room[j] === 0) continue;
      reviewerIds.push(reviewers[j].id);
      slots += room[j];
    }
    return { proposalIds, reviewerIds, slots, missing };
  }
}
