/**
 * Replicas (issue 7): two API instances on one PostgreSQL and one Redis count one limit. The public catalogue's
 * per-address limit lives in Redis when REDIS_URL is set; the sign-in failure limit lives in PostgreSQL
 * (`login_failures`). Without REDIS_URL the public limit is counted in the process (the embedded default).
 */
import { parseConfig } from '@cf/config';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { prepareRuntime } from '../../apps/api/src/runtime';
import { TEST_REDIS_URL } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

const LIMIT = 5;

describe('limits shared by API replicas', () => {
  const prefix = `rl${randomBytes(4).toString('hex')}`;
  let a: TestApp;
  let b: INestApplication;
  let stopB: () => Promise<void>;

  beforeAll(async () => {
    a = await startTestApp({
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    });
    // the second replica: same database (already migrated and seeded), same Redis, same secret, its own data folder
    const dataDir = mkdtempSync(join(tmpdir(), 'cf-test-'));
    const runtime = await prepareRuntime(parseConfig({ ...a.env, SEED_DEMO: 'false', DATA_DIR: dataDir }));
    b = await createApiApp(runtime);
    await b.listen(0, '127.0.0.1');
    stopB = async () => {
      await b.close();
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }, 60_000);

  afterAll(async () => {
    await stopB?.();
    await a?.stop();
  });

  it('counts the public catalogue limit once across both replicas (in Redis)', async () => {
    // the counters are per fixed minute: start at the beginning of one so the hits below share a window
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const server = i % 2 === 0 ? a.app.getHttpServer() : b.getHttpServer();
      statuses.push((await request(server).get('/api/public/projects')).status);
    }
    // each replica alone saw at most 4 requests, under the limit of 5: only a shared counter refuses the 6th and 7th
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await request(b.getHttpServer()).get('/api/public/micro-credentials');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  }, 90_000);

  it('counts failed sign-ins once across both replicas (in PostgreSQL)', async () => {
    const login = (app: INestApplication, password: string) =>
      request(app.getHttpServer()).post('/api/auth/login').send({ email: 'reviewer2@example.org', password });
    expect((await login(a.app, 'wrong-1')).status).toBe(401);
    expect((await login(b, 'wrong-2')).status).toBe(401);
    expect((await login(a.app, 'wrong-3')).status).toBe(401);
    const locked = await login(b, 'demo1234'); // the right password, on the other replica, past the limit
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'LOGIN_LOCKED', scope: 'account' });
  });
});

describe('the public limit without Redis (the embedded default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
  }, 60_000);
  afterAll(() => t?.stop());

  it('is counted in the process', async () => {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.http().get('/api/public/projects')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  }, 90_000);
});
