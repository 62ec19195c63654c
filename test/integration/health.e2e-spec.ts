/**
 * Liveness and readiness (issue 7). `GET /api/health` is readiness: the database and, when configured, Redis.
 * `GET /api/health/live` is what a load balancer checks: the process answers and the database answers; never Redis,
 * because while Redis is down submissions keep working (their jobs wait in the PostgreSQL outbox), and a balancer
 * checking readiness would take every replica out at once.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { LIVENESS_DB_TIMEOUT_MS } from '../../libs/system/src/health.controller';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

/** A port nothing listens on: connections to it are refused. */
async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** Runs `sql` as the superuser on the maintenance database (not the application's connection). */
async function asAdmin(sql: string, params: unknown[] = []): Promise<void> {
  const c = new Client({ connectionString: TEST_POSTGRES_URL });
  await c.connect();
  try {
    await c.query(sql, params);
  } finally {
    await c.end();
  }
}

const databaseName = (t: TestApp) => decodeURIComponent(new URL(t.databaseUrl).pathname.slice(1));

describe('liveness and readiness with the database and Redis up', () => {
  let t: TestApp;
  const prefix = `cftest${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
  });
  afterAll(async () => {
    await t.stop();
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('answers 200 on both: liveness checks the database only, readiness Redis as well', async () => {
    const live = await t.http().get('/api/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    expect(live.body.details.redis).toBeUndefined();
    expect(live.headers['cache-control']).toMatch(/no-store/);

    const ready = await t.http().get('/api/health');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('is documented in the OpenAPI document like /api/health (public, 200 and 503)', async () => {
    const doc = await t.http().get('/api/docs-json');
    const live = doc.body.paths['/api/health/live']?.get;
    const ready = doc.body.paths['/api/health']?.get;
    expect(live).toBeDefined();
    expect(live.tags).toEqual(ready.tags);
    expect(Object.keys(live.responses).sort()).toEqual(Object.keys(ready.responses).sort());
    expect(Object.keys(live.responses)).toEqual(expect.arrayContaining(['200', '503']));
    expect(live.security).toEqual(ready.security);
  });

  it('answers 503 naming the database while it refuses connections, and 200 again once it is back', async () => {
    const name = databaseName(t);
    await asAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    try {
      await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
        name,
      ]);
      const live = await t.http().get('/api/health/live');
      expect(live.status).toBe(503);
      expect(live.body).toMatchObject({ status: 'error', details: { database: { status: 'down' } } });
      expect((await t.http().get('/api/health')).status).toBe(503);
    } finally {
      await asAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    }
    const back = await t.http().get('/api/health/live');
    expect(back.status).toBe(200);
  });

  it('answers 503 within its short timeout when the database does not answer in time', async () => {
    // every connection of the pool (DB_POOL_SIZE=10) busy for 4 s: the ping cannot get an answer
    const busy = Array.from({ length: 10 }, () => t.dataSource.query('SELECT pg_sleep(4)'));
    try {
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      const live = await t.http().get('/api/health/live');
      const elapsed = Date.now() - started;
      expect(live.status).toBe(503);
      expect(live.body.details.database.status).toBe('down');
      expect(elapsed).toBeGreaterThanOrEqual(LIVENESS_DB_TIMEOUT_MS - 100);
      expect(elapsed).toBeLessThan(LIVENESS_DB_TIMEOUT_MS + 1500);
    } finally {
      await Promise.all(busy);
    }
    expect((await t.http().get('/api/health/live')).status).toBe(200);
  });
});

describe('liveness and readiness while Redis does not answer', () => {
  let t: TestApp;

  beforeAll(async () => {
    // REDIS_URL points at a port nothing listens on: Redis is down from the start. The demo is seeded: its award
    // scenarios enqueue their computation, which once waited without end for a Redis that had never answered
    // (BullMQ waits for its first connection), so the start never finished; now each gives up after 3 s (queued).
    t = await startTestApp({
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      QUEUE_PREFIX: `cftest${randomBytes(4).toString('hex')}`,
    });
  }, 90_000);
  afterAll(() => t?.stop());

  it('answers 200 on /api/health/live while /api/health answers 503 naming Redis', async () => {
    const live = await t.http().get('/api/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    expect(live.body.details.redis).toBeUndefined();

    const ready = await t.http().get('/api/health');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'error', details: { database: { status: 'up' }, redis: { status: 'down' } } });
  });

  it('answers 503 QUEUE_UNAVAILABLE within seconds to a request that must reach the queue, instead of hanging', async () => {
    const token = await t.token('admin@example.org');
    const started = Date.now();
    const ping = await t.http().post('/api/system/jobs/ping').set('Authorization', `Bearer ${token}`);
    expect(ping.status).toBe(503);
    expect(ping.body.code).toBe('QUEUE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
    // the demo's scenarios were written and stay queued (recompute enqueues them again once Redis answers)
    const [{ queued }] = await t.dataSource.query(`SELECT count(*)::int AS queued FROM award_scenarios WHERE status = 'queued'`);
    expect(queued).toBeGreaterThan(0);
  });

  it('still serves requests that need only the database (the replica belongs in the balancer)', async () => {
    const institutions = await t.http().get('/api/institutions');
    expect(institutions.status).toBe(200);
    const login = await t.http().post('/api/auth/login').send({ email: 'nobody@example.org', password: 'not-a-password' });
    expect(login.status).toBe(401);
  });
});
