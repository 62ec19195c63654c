/**
 * The deadline rush: applicant sessions open their draft, autosave it every few seconds, check it and submit it.
 * Sessions join at a rising rate and most submit near the end, so the load climbs to its peak in the final
 * part of the run ("the final minute"). Each session is one browser: its next request leaves when the previous
 * one answered and its pause is over. Requests go through `connections` keep-alive sockets per API (a proxy's
 * upstream pool), round-robin over the APIs given. Latency is measured on the client, queueing included.
 */
import { randomBytes } from 'node:crypto';
import { Draft } from '../lib/data';
import { HttpClient } from '../lib/http';
import { LatencySummary, Recorder, sleep } from '../lib/stats';

export interface RushOptions {
  bases: string[];
  drafts: Draft[];
  durationMs: number;
  autosaveEveryMs: number;
  connections: number;
}

export interface RushResult {
  sessions: number;
  durationMs: number;
  all: LatencySummary;
  autosave: LatencySummary;
  submit: LatencySummary;
  read: LatencySummary;
  /** The last quarter of the run alone (the final minute of a real deadline). */
  finalQuarter: LatencySummary;
  submitted: number;
  /** Requests per second in each tenth of the run. */
  rpsByTenth: number[];
}

export async function runRush(o: RushOptions): Promise<RushResult> {
  const clients = o.bases.map(() => new HttpClient(o.connections));
  let rr = 0;
  const all = new Recorder();
  const autosave = new Recorder();
  const submit = new Recorder();
  const read = new Recorder();
  const finalQuarter = new Recorder();
  const buckets = new Array(10).fill(0);
  const t0 = performance.now();
  const D = o.durationMs;
  let submitted = 0;

  const call = async (rec: Recorder, method: string, path: string, token: string, body?: unknown, headers = {}) => {
    const i = rr++ % o.bases.length;
    const res = await clients[i].send(`${o.bases[i]}${path}`, method, { authorization: `Bearer ${token}`, ...headers }, body);
    const ok = res.status >= 200 && res.status < 300;
    rec.record(res.ms, ok, res.status);
    all.record(res.ms, ok, res.status);
    const at = performance.now() - t0;
    if (at >= 0.75 * D) finalQuarter.record(res.ms, ok, res.status);
    buckets[Math.min(9, Math.floor((at / D) * 10))]++;
    return res;
  };

  const session = async (d: Draft, k: number) => {
    // joins at a rising rate (density grows linearly over the first 70% of the run) ...
    const start = 0.7 * D * Math.sqrt((k + Math.random()) / o.drafts.length);
    // ... and submits late: at least 60% of the run in, most of them in the last quarter
    const submitAt = Math.max(start + 2000, D * (0.6 + 0.4 * Math.sqrt(Math.random())) - 500);
    await sleep(start);
    let version = d.version;
    const opened = await call(read, 'GET', `/api/proposals/${d.proposalId}`, d.token);
    if (opened.status === 200) version = JSON.parse(opened.body).version;
    let n = 0;
    while (performance.now() - t0 + o.autosaveEveryMs < submitAt) {
      await sleep(o.autosaveEveryMs * (0.7 + 0.6 * Math.random()));
      const res = await call(autosave, 'PATCH', `/api/proposals/${d.proposalId}`, d.token, {
        version,
        summary: `Two stackable micro-credentials in collaborative welding robotics for manufacturing workers (draft ${++n}).`,
      });
      if (res.status === 200) version = JSON.parse(res.body).version;
    }
    await sleep(Math.max(0, submitAt - (performance.now() - t0)));
    await call(read, 'GET', `/api/proposals/${d.proposalId}/readiness`, d.token);
    const key = randomBytes(12).toString('hex');
    let res = await call(submit, 'POST', `/api/proposals/${d.proposalId}/submit`, d.token, undefined, { 'idempotency-key': key });
    if (res.status === 0) {
      // the connection failed: the browser retries with the same key (the server answers the same receipt)
      res = await call(submit, 'POST', `/api/proposals/${d.proposalId}/submit`, d.token, undefined, { 'idempotency-key': key });
    }
    if (res.status === 201) submitted++;
    await call(read, 'GET', `/api/proposals/${d.proposalId}`, d.token);
  };

  await Promise.all(o.drafts.map((d, k) => session(d, k)));
  const elapsed = performance.now() - t0;
  for (const c of clients) c.close();
  const tenth = elapsed / 10 / 1000;
  return {
    sessions: o.drafts.length,
    durationMs: elapsed,
    all: all.summary(elapsed),
    autosave: autosave.summary(elapsed),
    submit: submit.summary(elapsed),
    read: read.summary(elapsed),
    finalQuarter: finalQuarter.summary(elapsed * 0.25),
    submitted,
    rpsByTenth: buckets.map((b) => Math.round(b / tenth)),
  };
}
