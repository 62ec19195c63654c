/**
 * Reads: the staff proposal list (react-admin's list contract) over the 100,000 generated proposals, with the
 * console's filters and sorts. Each query alone (one connection: its own latency), then a mix at several
 * connections.
 */
import { closedLoop, HttpClient } from '../lib/http';
import { LatencySummary, Recorder } from '../lib/stats';

export function readQueries(readsFundId: string): { name: string; path: string }[] {
  const q = (filter: object, sort: [string, string], range: [number, number] = [0, 24]) =>
    `/api/proposals?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sort))}&range=${encodeURIComponent(JSON.stringify(range))}`;
  return [
    { name: 'default list (updatedAt desc)', path: q({}, ['updatedAt', 'DESC']) },
    {
      name: 'fund + status, lastSubmittedAt desc',
      path: q({ fundId: readsFundId, status: 'submitted' }, ['lastSubmittedAt', 'DESC']),
    },
    { name: 'region, requestedCents desc', path: q({ fundId: readsFundId, region: 'northern' }, ['requestedCents', 'DESC']) },
    { name: 'sector + type, title asc', path: q({ sector: 'mining', institutionType: 'public_college' }, ['title', 'ASC']) },
    { name: 'search "nursing", trackingNumber', path: q({ q: 'nursing' }, ['trackingNumber', 'ASC']) },
    { name: 'page 200 (range 5000-5024)', path: q({ fundId: readsFundId }, ['trackingNumber', 'ASC'], [5000, 5024]) },
  ];
}

export async function readEach(
  base: string,
  token: string,
  queries: { name: string; path: string }[],
  perQuery: number,
): Promise<Record<string, LatencySummary>> {
  const client = new HttpClient(1);
  const out: Record<string, LatencySummary> = {};
  for (const { name, path } of queries) {
    for (let i = 0; i < 5; i++) await client.send(`${base}${path}`, 'GET', { authorization: `Bearer ${token}` }); // warm
    const rec = new Recorder();
    const t0 = performance.now();
    for (let i = 0; i < perQuery; i++) {
      const res = await client.send(`${base}${path}`, 'GET', { authorization: `Bearer ${token}` });
      rec.record(res.ms, res.status === 200, res.status);
    }
    out[name] = rec.summary(performance.now() - t0);
  }
  client.close();
  return out;
}

export async function readMix(
  base: string,
  token: string,
  queries: { name: string; path: string }[],
  connections: number,
  durationMs: number,
): Promise<LatencySummary> {
  const client = new HttpClient(connections);
  const rec = new Recorder();
  let i = 0;
  const t0 = performance.now();
  const elapsed = await closedLoop(
    connections,
    () => (performance.now() - t0 < durationMs ? queries[i++ % queries.length] : null),
    async ({ path }) => {
      const res = await client.send(`${base}${path}`, 'GET', { authorization: `Bearer ${token}` });
      rec.record(res.ms, res.status === 200, res.status);
    },
  );
  client.close();
  return rec.summary(elapsed);
}
