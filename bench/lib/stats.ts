/** Percentiles, medians and a latency recorder for the benchmarks. */

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export interface LatencySummary {
  requests: number;
  errors: number;
  /** Requests per second over the phase's wall time. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  elapsedMs: number;
  /** Error responses by status (0: the connection failed). */
  errorsByStatus: Record<string, number>;
}

/** Collects latencies (ms) and outcomes of one kind of request. */
export class Recorder {
  readonly latencies: number[] = [];
  errors = 0;
  readonly errorsByStatus: Record<string, number> = {};

  record(ms: number, ok: boolean, status: number): void {
    this.latencies.push(ms);
    if (!ok) {
      this.errors++;
      this.errorsByStatus[String(status)] = (this.errorsByStatus[String(status)] ?? 0) + 1;
    }
  }

  summary(elapsedMs: number): LatencySummary {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      requests: sorted.length,
      errors: this.errors,
      rps: elapsedMs > 0 ? (sorted.length / elapsedMs) * 1000 : 0,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
      elapsedMs,
      errorsByStatus: { ...this.errorsByStatus },
    };
  }
}

/** The median of each figure over several rounds (errors: the sum). */
export function medianSummary(rounds: LatencySummary[]): LatencySummary {
  const pick = (k: keyof LatencySummary) => median(rounds.map((r) => r[k] as number));
  const errorsByStatus: Record<string, number> = {};
  for (const r of rounds) for (const [s, n] of Object.entries(r.errorsByStatus)) errorsByStatus[s] = (errorsByStatus[s] ?? 0) + n;
  return {
    requests: pick('requests'),
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    rps: pick('rps'),
    p50: pick('p50'),
    p95: pick('p95'),
    p99: pick('p99'),
    max: pick('max'),
    elapsedMs: pick('elapsedMs'),
    errorsByStatus,
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
