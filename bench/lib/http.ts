/**
 * A small HTTP client for load: node:http over keep-alive connections, at most `connections` sockets per target,
 * latency measured on the client from the call to the end of the response body.
 */
import { Agent, request } from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
  ms: number;
}

export class HttpClient {
  readonly agent: Agent;

  constructor(connections: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: 'fifo' });
  }

  send(
    url: string,
    method: string,
    headers: Record<string, string> = {},
    body?: unknown,
    timeoutMs = 30_000,
  ): Promise<HttpResult> {
    const t0 = performance.now();
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve) => {
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            ...headers,
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }),
          );
          res.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - t0 }));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => resolve({ status: 0, body: String(e.message), ms: performance.now() - t0 }));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Runs `worker(i)` on `connections` loops at once until `next()` answers null (a closed loop: each loop sends its
 * next request when the previous one answered). Answers the wall time in ms.
 */
export async function closedLoop<T>(connections: number, next: () => T | null, run: (item: T) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let item = next(); item !== null; item = next()) await run(item);
    }),
  );
  return performance.now() - t0;
}
