/**
 * Closed loops at a fixed number of connections: each connection sends its next request when the previous one
 * answered. Submits (each draft once, with an Idempotency-Key) against the product or the raw baseline, and
 * autosaves (PATCH of the working copy, the version tracked per draft).
 */
import { randomBytes } from 'node:crypto';
import { Draft } from '../lib/data';
import { closedLoop, HttpClient } from '../lib/http';
import { LatencySummary, Recorder } from '../lib/stats';

export async function submitLoop(base: string, drafts: Draft[], connections: number): Promise<LatencySummary> {
  const client = new HttpClient(connections);
  const rec = new Recorder();
  let i = 0;
  const elapsed = await closedLoop(
    connections,
    () => (i < drafts.length ? drafts[i++] : null),
    async (d) => {
      const res = await client.send(`${base}/api/proposals/${d.proposalId}/submit`, 'POST', {
        authorization: `Bearer ${d.token}`,
        'idempotency-key': randomBytes(12).toString('hex'),
      });
      rec.record(res.ms, res.status === 201, res.status);
    },
  );
  client.close();
  return rec.summary(elapsed);
}

export async function autosaveLoop(
  base: string,
  drafts: Draft[],
  connections: number,
  durationMs: number,
): Promise<LatencySummary> {
  const client = new HttpClient(connections);
  const rec = new Recorder();
  const versions = new Map(drafts.map((d) => [d.proposalId, d.version]));
  const busy = new Set<string>();
  let i = 0;
  let n = 0;
  const t0 = performance.now();
  const elapsed = await closedLoop(
    connections,
    () => {
      if (performance.now() - t0 > durationMs) return null;
      // the next draft no other connection is saving (one browser per draft)
      for (let k = 0; k < drafts.length; k++) {
        const d = drafts[i++ % drafts.length];
        if (!busy.has(d.proposalId)) return d;
      }
      return null;
    },
    async (d) => {
      busy.add(d.proposalId);
      const res = await client.send(
        `${base}/api/proposals/${d.proposalId}`,
        'PATCH',
        { authorization: `Bearer ${d.token}` },
        {
          version: versions.get(d.proposalId),
          summary: `Autosaved summary of a welding robotics micro-credential, edit ${++n}.`,
        },
      );
      if (res.status === 200) versions.set(d.proposalId, JSON.parse(res.body).version);
      busy.delete(d.proposalId);
      rec.record(res.ms, res.status === 200, res.status);
    },
  );
  for (const d of drafts) d.version = versions.get(d.proposalId)!;
  client.close();
  return rec.summary(elapsed);
}
