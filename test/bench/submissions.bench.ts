/**
 * Deadline-day benchmark: N institutions submit complete proposals in the last minute, each
 * client retrying once with the same Idempotency-Key. Prints throughput, latency percentiles
 * and memory; asserts only correctness (one submission per proposal). Run: npm run bench:submit
 * (BENCH_PROPOSALS=400 to change the load). Uses the real PostgreSQL, like the integration tests.
 */
import { instantFromZoned, TORONTO } from '@cf/platform';
import { randomUUID } from 'node:crypto';
import { clockOf, completeDraft, fundId, T2021 } from '../support/proposal-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const N = Number(process.env.BENCH_PROPOSALS ?? 200);

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

describe('deadline-day submissions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '20' });
  }, 60_000);
  afterAll(() => t.stop());

  it(`handles ${N} institutions submitting in the last minute`, async () => {
    const f = await fundId(t, 'MCF-2021');
    // N institutions, each with an applicant (the demo password hash, so no hashing here).
    const rows: { id: string; email: string }[] = await t.dataSource.query(
      `WITH i AS (
         INSERT INTO institutions (name, type, region, address)
         SELECT 'Bench College ' || g, 'public_college', 'central', 'Bench Rd' FROM generate_series(1, $1) g RETURNING id, name)
       INSERT INTO users (email, display_name, roles, institution_id, preferred_language, is_active, password_hash)
       SELECT lower('bench-' || replace(i.name, ' ', '-') || '@example.org'), i.name, '{applicant}', i.id, 'en', true,
              (SELECT password_hash FROM users WHERE email = 'applicant@example.org')
         FROM i RETURNING id, email`,
      [N],
    );
    const tokens = [];
    for (const r of rows) tokens.push(await t.token(r.email));
    clockOf(t).setForTesting(T2021.during);
    const drafts = [];
    for (const token of tokens) drafts.push({ token, ...(await completeDraft(t, token, f)) });

    clockOf(t).setForTesting(instantFromZoned('2021-06-25T23:59:30.000', TORONTO));
    const latencies: number[] = [];
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const statuses = await Promise.all(
      drafts.flatMap((d) => {
        const key = randomUUID();
        return [0, 1].map(async () => {
          const t0 = performance.now();
          const res = await t
            .http()
            .post(`/api/proposals/${d.id}/submit`)
            .set('Authorization', `Bearer ${d.token}`)
            .set('Idempotency-Key', key);
          latencies.push(performance.now() - t0);
          return res.status;
        });
      }),
    );
    const elapsed = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM proposal_submissions s JOIN proposals p ON p.id = s.proposal_id WHERE p.institution_id IN (SELECT institution_id FROM users WHERE email LIKE 'bench-%')`,
    );
    const figures = {
      proposals: N,
      requests: statuses.length,
      created: statuses.filter((s) => s === 201).length,
      submissionsStored: n,
      elapsedMs: Math.round(elapsed),
      requestsPerSecond: Math.round((statuses.length / elapsed) * 1000),
      p50Ms: Math.round(pct(latencies, 50)),
      p95Ms: Math.round(pct(latencies, 95)),
      p99Ms: Math.round(pct(latencies, 99)),
      maxMs: Math.round(latencies[latencies.length - 1]),
      rssMiB: Math.round(process.memoryUsage().rss / 1048576),
      rssGrowthMiB: Math.round((process.memoryUsage().rss - rssBefore) / 1048576),
    };
    process.stdout.write(`\nDeadline-day submissions\n${JSON.stringify(figures, null, 2)}\n`);
    expect(figures.created).toBe(statuses.length);
    expect(n).toBe(N);
  }, 600_000);
});
