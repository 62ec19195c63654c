import { AssignmentInput, AssignmentResult, AssignmentReviewer, expertiseCost, solveAssignment } from './assignment-solver';

const none = () => false;
const forbidPairs =
  (...pairs: [string, string][]) =>
  (p: string, r: string) =>
    pairs.some(([fp, fr]) => fp === p && fr === r);
const proposal = (id: string, sectors: string[] = [], regions: string[] = []) => ({ id, sectors, regions });
const reviewer = (id: string, maxLoad: number, more: Partial<AssignmentReviewer> = {}): AssignmentReviewer => ({
  id,
  maxLoad,
  sectors: [],
  regions: [],
  ...more,
});
const pairsOf = (result: AssignmentResult) => result.assignments.map((a) => `${a.proposalId}-${a.reviewerId}`);

/** mulberry32, so the random instances are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInstance(seed: number, size: { proposals: number; reviewers: number }): AssignmentInput {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const some = (from: string[]) => from.filter(() => rand() < 0.4);
  const proposals = Array.from({ length: size.proposals }, (_, i) =>
    proposal(`p${i}`, some(['s1', 's2', 's3']), some(['r1', 'r2'])),
  );
  const reviewers = Array.from({ length: size.reviewers }, (_, j) =>
    reviewer(`r${j}`, int(4), {
      currentLoad: rand() < 0.2 ? 1 : 0,
      sectors: some(['s1', 's2', 's3']),
      regions: some(['r1', 'r2']),
    }),
  );
  const forbidden = new Set<string>();
  const existing: { proposalId: string; reviewerId: string }[] = [];
  for (const p of proposals) {
    for (const r of reviewers) {
      const x = rand();
      if (x < 0.2) forbidden.add(`${p.id}|${r.id}`);
      else if (x < 0.25) existing.push({ proposalId: p.id, reviewerId: r.id });
    }
  }
  return { proposals, reviewers, k: 1 + int(2), forbidden: (p, r) => forbidden.has(`${p}|${r}`), existing };
}

/** What the solver optimizes, lexicographically: (−assigned, spread of shortfalls, expertise, load), from a set of new pairs. */
function objective(input: AssignmentInput, pairs: { proposalId: string; reviewerId: string }[], balance = true): number[] {
  const ex = (id: string, side: 'proposalId' | 'reviewerId') => (input.existing ?? []).filter((e) => e[side] === id).length;
  let spread = 0;
  let expertise = 0;
  let load = 0;
  for (const p of input.proposals) {
    const got = pairs.filter((a) => a.proposalId === p.id).length;
    for (let u = ex(p.id, 'proposalId') + 1; u <= ex(p.id, 'proposalId') + got; u++) spread += u - 1;
  }
  for (const r of input.reviewers) {
    const before = (r.currentLoad ?? 0) + ex(r.id, 'reviewerId');
    const added = pairs.filter((a) => a.reviewerId === r.id).length;
    for (let u = before + 1; u <= before + added; u++) load += u;
  }
  for (const a of pairs) {
    expertise += expertiseCost(
      input.proposals.find((p) => p.id === a.proposalId)!,
      input.reviewers.find((r) => r.id === a.reviewerId)!,
    );
  }
  return [-pairs.length, spread, expertise, balance ? load : 0];
}

const lexLess = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};

/** Exhaustive search over every feasible assignment (each proposal: any subset of its allowed reviewers, up to its need). */
function bruteForceOptimum(input: AssignmentInput, balance = true): number[] {
  const isExisting = (p: string, r: string) => (input.existing ?? []).some((e) => e.proposalId === p && e.reviewerId === r);
  const room = new Map(
    input.reviewers.map((r) => [
      r.id,
      r.maxLoad - (r.currentLoad ?? 0) - (input.existing ?? []).filter((e) => e.reviewerId === r.id).length,
    ]),
  );
  let best: number[] | null = null;
  const chosen: { proposalId: string; reviewerId: string }[] = [];
  const visit = (i: number) => {
    if (i === input.proposals.length) {
      const value = objective(input, chosen, balance);
      if (!best || lexLess(value, best)) best = value;
      return;
    }
    const p = input.proposals[i];
    const need = input.k - (input.existing ?? []).filter((e) => e.proposalId === p.id).length;
    const allowed = input.reviewers.filter((r) => !input.forbidden(p.id, r.id) && !isExisting(p.id, r.id));
    for (let mask = 0; mask < 1 << allowed.length; mask++) {
      const subset = allowed.filter((_, b) => mask & (1 << b));
      if (subset.length > Math.max(0, need) || subset.some((r) => room.get(r.id)! <= 0)) continue;
      for (const r of subset) {
        room.set(r.id, room.get(r.id)! - 1);
        chosen.push({ proposalId: p.id, reviewerId: r.id });
      }
      visit(i + 1);
      for (const r of subset) {
        room.set(r.id, room.get(r.id)! + 1);
        chosen.pop();
      }
    }
  };
  visit(0);
  return best!;
}

/** The hard constraints, checked independently of the solver. */
function expectValid(input: AssignmentInput, result: AssignmentResult): void {
  const existing = input.existing ?? [];
  const seen = new Set<string>();
  for (const a of result.assignments) {
    expect(input.forbidden(a.proposalId, a.reviewerId)).toBe(false);
    expect(existing.some((e) => e.proposalId === a.proposalId && e.reviewerId === a.reviewerId)).toBe(false);
    expect(seen.has(`${a.proposalId}|${a.reviewerId}`)).toBe(false);
    seen.add(`${a.proposalId}|${a.reviewerId}`);
  }
  let missing = 0;
  for (const p of input.proposals) {
    const total =
      existing.filter((e) => e.proposalId === p.id).length + result.assignments.filter((a) => a.proposalId === p.id).length;
    const newOnes = result.assignments.filter((a) => a.proposalId === p.id).length;
    expect(newOnes === 0 || total <= input.k).toBe(true);
    const unmet = result.unmet.find((u) => u.proposalId === p.id);
    const short = Math.max(0, input.k - total);
    expect(unmet?.missing ?? 0).toBe(short);
    missing += short;
  }
  expect(result.stats.missing).toBe(missing);
  for (const r of input.reviewers) {
    const load =
      (r.currentLoad ?? 0) +
      existing.filter((e) => e.reviewerId === r.id).length +
      result.assignments.filter((a) => a.reviewerId === r.id).length;
    const added = result.assignments.filter((a) => a.reviewerId === r.id).length;
    expect(added === 0 || load <= r.maxLoad).toBe(true);
    expect(result.loads.find((l) => l.reviewerId === r.id)!.after).toBe(load);
  }
}

describe('expertiseCost', () => {
  it('is 0 for sector and region, 1 sector only, 2 region only, 3 neither', () => {
    const p = proposal('p', ['ict', 'health'], ['northern']);
    expect(expertiseCost(p, reviewer('a', 1, { sectors: ['health'], regions: ['northern', 'eastern'] }))).toBe(0);
    expect(expertiseCost(p, reviewer('b', 1, { sectors: ['ict'], regions: ['toronto'] }))).toBe(1);
    expect(expertiseCost(p, reviewer('c', 1, { sectors: ['mining'], regions: ['northern'] }))).toBe(2);
    expect(expertiseCost(p, reviewer('d', 1, { sectors: [], regions: [] }))).toBe(3);
  });
});

describe('solveAssignment', () => {
  it('assigns where a greedy loop in input order strands a proposal', () => {
    // Greedy: P1 takes A (first, and its expert), then P2 can only use A, which is full. The flow gives P1 B instead.
    const input: AssignmentInput = {
      proposals: [proposal('P1', ['ict'], ['northern']), proposal('P2')],
      reviewers: [reviewer('A', 1, { sectors: ['ict'], regions: ['northern'] }), reviewer('B', 1)],
      k: 1,
      forbidden: forbidPairs(['P2', 'B']),
    };
    const result = solveAssignment(input);
    expect(pairsOf(result)).toEqual(['P1-B', 'P2-A']);
    expect(result.unmet).toEqual([]);
    expect(result.stats).toMatchObject({ required: 2, assigned: 2, missing: 0 });
  });

  it('finds the cheaper total where taking each proposal its best reviewer in turn does not', () => {
    // P1: A is perfect (0), B a sector match (1). P2: A is perfect (0), B matches nothing (3). One slot each.
    // Greedy: P1-A, P2-B = 3. Optimum: P1-B, P2-A = 1.
    const input: AssignmentInput = {
      proposals: [proposal('P1', ['ict'], ['northern']), proposal('P2', ['health'], ['toronto'])],
      reviewers: [
        reviewer('A', 1, { sectors: ['ict', 'health'], regions: ['northern', 'toronto'] }),
        reviewer('B', 1, { sectors: ['ict'], regions: ['eastern'] }),
      ],
      k: 1,
      forbidden: none,
    };
    const result = solveAssignment(input);
    expect(result.assignments).toEqual([
      { proposalId: 'P1', reviewerId: 'B', cost: 1 },
      { proposalId: 'P2', reviewerId: 'A', cost: 0 },
    ]);
    expect(result.stats.expertiseCost).toBe(1);
  });

  it('gives every proposal k distinct reviewers when it can (k = 3, a chain of conflicts)', () => {
    const proposals = ['P1', 'P2', 'P3', 'P4'].map((id) => proposal(id));
    const reviewers = ['A', 'B', 'C', 'D', 'E'].map((id) => reviewer(id, 3));
    // 12 assignments for 15 slots; each proposal has exactly 3 or 4 allowed reviewers
    const input: AssignmentInput = {
      proposals,
      reviewers,
      k: 3,
      forbidden: forbidPairs(['P1', 'A'], ['P1', 'B'], ['P2', 'A'], ['P3', 'B'], ['P4', 'C']),
    };
    const result = solveAssignment(input);
    expect(result.unmet).toEqual([]);
    for (const p of proposals) expect(result.assignments.filter((a) => a.proposalId === p.id)).toHaveLength(3);
    expectValid(input, result);
  });

  it('never assigns a forbidden pair, never exceeds a load, never gives more than k (random instances)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const input = randomInstance(seed, { proposals: 8, reviewers: 6 });
      expectValid(input, solveAssignment(input));
    }
  });

  it('reaches the brute-force optimum on small random instances (assignments, spread, expertise, load)', () => {
    for (let seed = 100; seed < 140; seed++) {
      const input = randomInstance(seed, { proposals: 2 + (seed % 3), reviewers: 2 + (seed % 3) });
      const result = solveAssignment(input);
      expect({ seed, value: objective(input, result.assignments) }).toEqual({ seed, value: bruteForceOptimum(input) });
      expect(result.stats.expertiseCost).toBe(objective(input, result.assignments)[2]);
    }
  });

  it('reaches the optimum without the load tier too', () => {
    for (let seed = 200; seed < 220; seed++) {
      const input = { ...randomInstance(seed, { proposals: 3, reviewers: 3 }), balanceLoad: false };
      const result = solveAssignment(input);
      expect(result.stats.loadBalanced).toBe(false);
      expect({ seed, value: objective(input, result.assignments, false) }).toEqual({
        seed,
        value: bruteForceOptimum(input, false),
      });
    }
  });

  it('prefers expertise over an even load, and evens the load among equals', () => {
    const expert = { sectors: ['ict'], regions: ['northern'] };
    const two = [proposal('P1', ['ict'], ['northern']), proposal('P2', ['ict'], ['northern'])];
    expect(
      pairsOf(
        solveAssignment({ proposals: two, reviewers: [reviewer('A', 2, expert), reviewer('B', 2)], k: 1, forbidden: none }),
      ),
    ).toEqual(['P1-A', 'P2-A']);
    const four = ['P1', 'P2', 'P3', 'P4'].map((id) => proposal(id));
    const even = solveAssignment({ proposals: four, reviewers: [reviewer('A', 4), reviewer('B', 4)], k: 1, forbidden: none });
    expect(even.loads.map((l) => l.after)).toEqual([2, 2]);
    // A already holds 2 elsewhere: the 4 new ones go 1 to A and 3 to B (3 and 3)
    const uneven = solveAssignment({
      proposals: four,
      reviewers: [reviewer('A', 6, { currentLoad: 2 }), reviewer('B', 6)],
      k: 1,
      forbidden: none,
    });
    expect(uneven.loads).toEqual([
      { reviewerId: 'A', before: 2, added: 1, after: 3, maxLoad: 6 },
      { reviewerId: 'B', before: 0, added: 3, after: 3, maxLoad: 6 },
    ]);
  });

  it('is deterministic and breaks ties by input order', () => {
    const input: AssignmentInput = {
      proposals: [proposal('P1')],
      reviewers: [reviewer('A', 1), reviewer('B', 1)],
      k: 1,
      forbidden: none,
    };
    expect(pairsOf(solveAssignment(input))).toEqual(['P1-A']);
    expect(pairsOf(solveAssignment({ ...input, reviewers: [...input.reviewers].reverse() }))).toEqual(['P1-B']);
    const big = randomInstance(7, { proposals: 30, reviewers: 10 });
    expect(solveAssignment(big)).toEqual(solveAssignment(big));
  });

  describe('when the constraints cannot be met', () => {
    it('names a proposal with too few reviewers without a conflict', () => {
      const input: AssignmentInput = {
        proposals: [proposal('P1'), proposal('P2')],
        reviewers: ['A', 'B', 'C', 'D'].map((id) => reviewer(id, 5)),
        k: 3,
        forbidden: forbidPairs(['P1', 'A'], ['P1', 'C']),
      };
      const result = solveAssignment(input);
      expect(result.unmet).toEqual([
        {
          proposalId: 'P1',
          missing: 1,
          cause: 'too_few_eligible',
          reason: '2 reviewers assigned of 3 needed: only 2 reviewers have no conflict with it',
          needed: 3,
          eligible: 2,
          eligibleWithRoom: 2,
        },
      ]);
      expect(pairsOf(result).filter((p) => p.startsWith('P1'))).toEqual(['P1-B', 'P1-D']);
      expectValid(input, result);
    });

    it('names a proposal whose eligible reviewers are at their maximum load', () => {
      const input: AssignmentInput = {
        proposals: [proposal('P1')],
        reviewers: [
          reviewer('A', 2, { currentLoad: 2 }),
          reviewer('B', 2),
          reviewer('C', 1, { currentLoad: 3 }),
          reviewer('D', 2),
        ],
        k: 3,
        forbidden: none,
      };
      const result = solveAssignment(input);
      expect(result.unmet).toEqual([
        expect.objectContaining({
          proposalId: 'P1',
          missing: 1,
          cause: 'eligible_at_max_load',
          reason: '2 reviewers assigned of 3 needed: 2 of the 4 reviewers without a conflict are already at maximum load',
          eligible: 4,
          eligibleWithRoom: 2,
        }),
      ]);
    });

    it('names the proposals that compete for the same full reviewers, and spreads the shortfall', () => {
      // P1-P3 can only use A and B (4 slots for 6 needed); P4 has C and D to itself.
      const input: AssignmentInput = {
        proposals: ['P1', 'P2', 'P3', 'P4'].map((id) => proposal(id)),
        reviewers: [reviewer('A', 2), reviewer('B', 2), reviewer('C', 5), reviewer('D', 5)],
        k: 2,
        forbidden: (p, r) => (p === 'P4') !== (r === 'C' || r === 'D'),
      };
      const result = solveAssignment(input);
      expectValid(input, result);
      const counts = input.proposals.map((p) => result.assignments.filter((a) => a.proposalId === p.id).length);
      expect(counts.slice(0, 3).sort()).toEqual([1, 1, 2]); // never 2, 2, 0: the shortfall is spread
      expect(counts[3]).toBe(2);
      expect(result.unmet).toHaveLength(2);
      for (const u of result.unmet) {
        expect(u).toMatchObject({
          missing: 1,
          cause: 'contention',
          eligible: 2,
          eligibleWithRoom: 2,
          contention: { proposalIds: ['P1', 'P2', 'P3'], reviewerIds: ['A', 'B'], slots: 4, missing: 2 },
        });
        expect(u.reason).toBe(
          '1 reviewer assigned of 2 needed: it competes with 2 other proposals for reviewers A, B, whose 4 free slots fall 2 short of the 6 these proposals need (none of them has another eligible reviewer with room)',
        );
      }
      expect(result.stats).toMatchObject({ required: 8, assigned: 6, missing: 2 });
    });

    it('keeps the reason short when many reviewers are involved (the structured field lists them all)', () => {
      const input: AssignmentInput = {
        proposals: Array.from({ length: 13 }, (_, i) => proposal(`P${i + 1}`)),
        reviewers: Array.from({ length: 12 }, (_, j) => reviewer(`R${j + 1}`, 1)),
        k: 1,
        forbidden: none,
      };
      const [u] = solveAssignment(input).unmet;
      expect(u.reason).toContain(
        'competes with 12 other proposals for reviewers R1, R2, R3, R4, R5, R6, R7, R8, R9, R10 and 2 more,',
      );
      expect(u.contention).toMatchObject({ slots: 12, missing: 1 });
      expect(u.contention!.reviewerIds).toHaveLength(12);
    });

    it('gives every applicable reason when causes combine', () => {
      // P1: conflicts leave A, B, C (k = 4); C is full; A and B are shared with P2, which can use only them.
      const input: AssignmentInput = {
        proposals: [proposal('P1'), proposal('P2')],
        reviewers: [reviewer('A', 1), reviewer('B', 1), reviewer('C', 1, { currentLoad: 1 }), reviewer('D', 3)],
        k: 4,
        forbidden: (p, r) => r === 'D' || (p === 'P2' && r === 'C'),
      };
      const result = solveAssignment(input);
      expectValid(input, result);
      const p1 = result.unmet.find((u) => u.proposalId === 'P1')!;
      expect(p1.cause).toBe('too_few_eligible');
      expect(p1.reason).toContain('only 3 reviewers have no conflict with it');
      expect(p1.reason).toContain('1 of the 3 reviewers without a conflict is already at maximum load');
      expect(p1.reason).toContain('it competes with 1 other proposal for reviewers A, B');
      expect(result.stats.assigned).toBe(2);
    });

    it('reports causes that match the constraints on random instances', () => {
      for (let seed = 300; seed < 340; seed++) {
        const input = randomInstance(seed, { proposals: 6, reviewers: 4 });
        const result = solveAssignment(input);
        expectValid(input, result);
        for (const u of result.unmet) {
          const eligible = input.reviewers.filter(
            (r) =>
              !input.forbidden(u.proposalId, r.id) &&
              !(input.existing ?? []).some((e) => e.proposalId === u.proposalId && e.reviewerId === r.id),
          );
          const withRoom = eligible.filter(
            (r) => r.maxLoad - (r.currentLoad ?? 0) - (input.existing ?? []).filter((e) => e.reviewerId === r.id).length > 0,
          );
          expect(u.eligible).toBe(eligible.length);
          expect(u.eligibleWithRoom).toBe(withRoom.length);
          const expected =
            eligible.length < u.needed ? 'too_few_eligible' : withRoom.length < u.needed ? 'eligible_at_max_load' : 'contention';
          expect(u.cause).toBe(expected);
          if (u.contention) expect(u.contention.slots).toBeLessThan(u.contention.slots + u.contention.missing);
        }
      }
    });
  });

  describe('existing assignments', () => {
    it('count toward k and toward load, and are never proposed again', () => {
      const input: AssignmentInput = {
        proposals: [proposal('P1'), proposal('P2')],
        reviewers: [reviewer('A', 1), reviewer('B', 2), reviewer('C', 2)],
        k: 2,
        forbidden: none,
        existing: [
          { proposalId: 'P1', reviewerId: 'A' }, // P1 needs one more; A is now full
          { proposalId: 'PX', reviewerId: 'B' }, // another fund's proposal: B has one slot left
          { proposalId: 'P2', reviewerId: 'gone' }, // a reviewer no longer in the pool: P2 needs one more
        ],
      };
      const result = solveAssignment(input);
      expectValid(input, result);
      expect(result.unmet).toEqual([]);
      expect(result.stats.required).toBe(2);
      expect(result.assignments).toHaveLength(2);
      expect(pairsOf(result)).not.toContain('P1-A');
      expect(result.assignments.some((a) => a.reviewerId === 'A')).toBe(false);
      expect(result.loads.map((l) => [l.reviewerId, l.before, l.after])).toEqual([
        ['A', 1, 1],
        ['B', 1, 1 + result.assignments.filter((a) => a.reviewerId === 'B').length],
        ['C', 0, result.assignments.filter((a) => a.reviewerId === 'C').length],
      ]);
    });

    it('need nothing more for a proposal that already has k, and say so when the rest is short', () => {
      const input: AssignmentInput = {
        proposals: [proposal('P1'), proposal('P2')],
        reviewers: [reviewer('A', 5), reviewer('B', 5)],
        k: 2,
        forbidden: forbidPairs(['P2', 'B']),
        existing: [
          { proposalId: 'P1', reviewerId: 'A' },
          { proposalId: 'P1', reviewerId: 'B' },
          { proposalId: 'P2', reviewerId: 'A' },
        ],
      };
      const result = solveAssignment(input);
      expect(result.assignments).toEqual([]);
      expect(result.unmet).toEqual([
        {
          proposalId: 'P2',
          missing: 1,
          cause: 'too_few_eligible',
          reason:
            '0 reviewers assigned of 1 needed (k = 2, 1 already assigned): only 0 reviewers have no conflict with it and no assignment to it yet',
          needed: 1,
          eligible: 0,
          eligibleWithRoom: 0,
        },
      ]);
    });
  });

  it('rejects malformed input', () => {
    const base: AssignmentInput = { proposals: [proposal('P1')], reviewers: [reviewer('A', 1)], k: 1, forbidden: none };
    expect(() => solveAssignment({ ...base, k: 1.5 })).toThrow(RangeError);
    expect(() => solveAssignment({ ...base, proposals: [proposal('P1'), proposal('P1')] })).toThrow(/duplicate proposal/);
    expect(() => solveAssignment({ ...base, reviewers: [reviewer('A', 1), reviewer('A', 2)] })).toThrow(/duplicate reviewer/);
    expect(() => solveAssignment({ ...base, reviewers: [reviewer('A', -1)] })).toThrow(/maxLoad/);
    expect(() =>
      solveAssignment({
        ...base,
        existing: [
          { proposalId: 'P1', reviewerId: 'A' },
          { proposalId: 'P1', reviewerId: 'A' },
        ],
      }),
    ).toThrow(/duplicate existing/);
  });

  it('handles empty inputs and k = 0', () => {
    expect(solveAssignment({ proposals: [], reviewers: [], k: 3, forbidden: none }).stats).toMatchObject({
      required: 0,
      assigned: 0,
    });
    const result = solveAssignment({ proposals: [proposal('P1')], reviewers: [], k: 3, forbidden: none });
    expect(result.unmet).toEqual([expect.objectContaining({ proposalId: 'P1', missing: 3, cause: 'too_few_eligible' })]);
    expect(
      solveAssignment({ proposals: [proposal('P1')], reviewers: [reviewer('A', 1)], k: 0, forbidden: none }).assignments,
    ).toEqual([]);
  });
});
