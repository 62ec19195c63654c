/**
 * Auto-assignment benchmark (issue 4): 1,000 proposals, 60 reviewers, k = 3, seeded. Prints the figures; asserts
 * only correctness (every proposal gets 3 distinct reviewers, no conflict, every load within its maximum).
 * Run: npx jest --selectProjects bench --runInBand test/bench/assignment.bench.ts
 * (or without jest and its database check: node -r ./scripts/bench/swc-register.cjs scripts/bench/assignment.ts).
 */
import { benchOptionsFromEnv, runAssignmentBenchmark } from '../../scripts/bench/assignment';

describe('reviewer auto-assignment', () => {
  const options = benchOptionsFromEnv();

  it(`assigns ${options.k} reviewers to each of ${options.proposals} proposals from ${options.reviewers} reviewers`, () => {
    const { figures, problems, result } = runAssignmentBenchmark(options);
    console.log(JSON.stringify(figures, null, 2));
    expect(problems).toEqual([]);
    expect(result.unmet).toEqual([]);
    expect(result.stats.assigned).toBe(options.proposals * options.k);
    expect(figures.totalExpertiseCost).toBeLessThanOrEqual(figures.greedyExpertiseCost);
  }, 60_000);
});
