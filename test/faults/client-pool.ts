/**
 * The applicants of the rush: each one edits its proposal and submits it, again and again, retrying every submit
 * with the same Idempotency-Key after a network error, a timeout or a 5xx (as a browser would), until it gets an
 * answer it can act on. Records every answer and every receipt.
 */
import { randomUUID } from 'node:crypto';
import { sleep } from './harness';

export interface Applicant {
  email: string;
  token: string;
  proposalId: string;
}

export interface Receipt {
  proposalId: string;
  key: string;
  status: number;
  trackingNumber: string;
  version: number;
  submittedAt: string;
  replayed: boolean;
  /** When the request was sent, and when its answer came. */
  sentAt: number;
  at: number;
}

export interface SubmitAttempt {
  at: number;
  /** `201`, `503 DATABASE_UNAVAILABLE`, `ECONNREFUSED`, `timeout`, … */
  kind: string;
  status: number | null;
}

const REQUEST_TIMEOUT_MS = 10_000;

/** What a failed fetch was: the error code of its cause, or a timeout. */
export function networkKind(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string; name?: string }; code?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return e?.cause?.code ?? e?.code ?? e?.cause?.name ?? e?.name ?? 'network';
}

export class ClientPool {
  readonly receipts: Receipt[] = [];
  readonly attempts: SubmitAttempt[] = [];
  /** Keys whose submit never got a usable answer before the pool gave up: a hang, reported as a failure. */
  readonly abandoned: { proposalId: string; key: string; lastKind: string }[] = [];
  /** Non-submit requests (the edits between submits) and how they ended. */
  readonly otherRequests = new Map<string, number>();
  /** Answers that a client cannot act on (4xx on a submit). */
  readonly refusals: { proposalId: string; key: string; status: number; body: string }[] = [];
  private stopping = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly applicants: Applicant[],
    /** How long a client keeps retrying one request after the rush ended. */
    private readonly giveUpAfterStopMs: number,
    /** A pause between one applicant's cycles, so the rush loads the machine without saturating it. */
    private readonly thinkMs: number,
  ) {}

  start(): void {
    this.loops = this.applicants.map((a, i) => sleep(i * 20).then(() => this.loop(a)));
  }

  /** Ends the rush: every client finishes its current cycle (retrying as needed), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stoppedAt = Date.now();
    await Promise.all(this.loops);
  }

  private stoppedAt = 0;

  private expired(): boolean {
    return this.stopping && Date.now() - this.stoppedAt > this.giveUpAfterStopMs;
  }

  private async loop(a: Applicant): Promise<void> {
    let revision = 0;
    while (!this.stopping) {
      const submitted = await this.submit(a);
      if (!submitted || this.stopping) break;
      if (!(await this.edit(a, ++revision))) break;
      await sleep(this.thinkMs * (0.5 + Math.random()));
    }
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  }

  private backoff(n: number): Promise<void> {
    return sleep(Math.min(2000, 100 * 2 ** Math.min(n, 5)) * (0.5 + Math.random()));
  }

  /** One submit with a fresh key, retried with the same key until it answers 2xx or 4xx. Sometimes a double click. */
  private async submit(a: Applicant): Promise<boolean> {
    const key = randomUUID();
    const once = async (): Promise<'done' | 'retry' | 'refused'> => {
      let kind: string;
      let status: number | null = null;
      const sentAt = Date.now();
      try {
        const res = await this.fetch(`/api/proposals/${a.proposalId}/submit`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${a.token}`, 'Idempotency-Key': key },
        });
        status = res.status;
        const text = await res.text();
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        kind = res.ok ? String(res.status) : `${res.status} ${String(body.code ?? '')}`.trim();
        this.attempts.push({ at: Date.now(), kind, status });
        if (res.ok) {
          this.receipts.push({
            proposalId: a.proposalId,
            key,
            status: res.status,
            trackingNumber: String(body.trackingNumber),
            version: Number(body.version),
            submittedAt: String(body.submittedAt),
            replayed: res.headers.get('idempotent-replayed') === 'true',
            sentAt,
            at: Date.now(),
          });
          return 'done';
        }
        if (res.status >= 500 || res.status === 429) return 'retry';
        this.refusals.push({ proposalId: a.proposalId, key, status: res.status, body: text.slice(0, 500) });
        return 'refused';
      } catch (error) {
        kind = networkKind(error);
        this.attempts.push({ at: Date.now(), kind, status });
        return 'retry';
      }
    };
    const doubleClick = Math.random() < 0.2;
    for (let n = 0; ; n++) {
      const results = await Promise.all(doubleClick && n === 0 ? [once(), once()] : [once()]);
      if (results.includes('done')) {
        if (results.every((r) => r === 'done')) return true;
        // the other click of a double click failed: a browser would retry it too, with the key (must replay)
        continue;
      }
      if (results.includes('refused')) return false;
      if (this.expired()) {
        this.abandoned.push({ proposalId: a.proposalId, key, lastKind: this.attempts[this.attempts.length - 1]?.kind ?? '' });
        return false;
      }
      await this.backoff(n);
    }
  }

  /** An edit between submits (a resubmission needs a change): read the version, PATCH, retried until it holds. */
  private async edit(a: Applicant, revision: number): Promise<boolean> {
    const auth = { Authorization: `Bearer ${a.token}` };
    for (let n = 0; ; n++) {
      let kind: string;
      try {
        const got = await this.fetch(`/api/proposals/${a.proposalId}`, { headers: auth });
        kind = `GET ${got.status}`;
        if (got.ok) {
          const proposal = (await got.json()) as { version: number; hasUnsubmittedChanges?: boolean };
          const res = await this.fetch(`/api/proposals/${a.proposalId}`, {
            method: 'PATCH',
            headers: { ...auth, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              version: proposal.version,
              summary: `Two stackable micro-credentials in collaborative welding robotics, revision ${revision}.`,
            }),
          });
          kind = `PATCH ${res.status}`;
          await res.text();
          if (res.ok) {
            this.count(kind);
            return true;
          }
          if (res.status < 500 && res.status !== 409 && res.status !== 429) {
            this.count(kind);
            return false;
          }
        } else {
          await got.text();
          if (got.status < 500 && got.status !== 429) {
            this.count(kind);
            return false;
          }
        }
      } catch (error) {
        kind = networkKind(error);
      }
      this.count(kind);
      if (this.expired()) return false;
      await this.backoff(n);
    }
  }

  private count(kind: string): void {
    this.otherRequests.set(kind, (this.otherRequests.get(kind) ?? 0) + 1);
  }

  /** 2xx answers since `since` (ms epoch). */
  okSince(since: number): number {
    return this.receipts.filter((r) => r.at >= since).length;
  }

  /** When the first 2xx answer after `since` came (of a request sent after it, with `sentAfter`), or undefined. */
  firstOkAfter(since: number, sentAfter = false): number | undefined {
    return this.receipts.find((r) => r.at >= since && (!sentAfter || r.sentAt >= since))?.at;
  }
}
