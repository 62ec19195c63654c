import { parseConfig } from '@cf/config';
import { JobQueue } from '@cf/queue';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

const WORKER_MAIN = resolve(__dirname, '../../dist/apps/worker/apps/worker/src/main.js');

async function until<T>(fn: () => Promise<T | undefined | null | false>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ping(t: TestApp, token: string) {
  const res = await t.http().post('/api/system/jobs/ping').set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(202);
  return res.body as { id: string; status: string; queueMode: string };
}

const runOf = (t: TestApp, token: string, id: string) =>
  t
    .http()
    .get(`/api/system/jobs/${id}`)
    .set('Authorization', `Bearer ${token}`)
    .then((r) => r.body as { status: string; processedBy: string | null });

describe('jobs without Redis: the same processors run inside the API', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token('admin@example.org');
  });
  afterAll(() => t.stop());

  it('runs an enqueued job in-process', async () => {
    const run = await ping(t, admin);
    expect(run.queueMode).toBe('in-process');
    const done = await until(async () => {
      const r = await runOf(t, admin, run.id);
      return r.status === 'done' && r;
    });
    expect(done.processedBy).toBe('in-process');
  });

  it('runs delayed jobs after their delay, not before', async () => {
    const queue = t.app.get(JobQueue);
    const [{ id }] = await t.dataSource.query(`INSERT INTO job_runs (kind) VALUES ('system.ping') RETURNING id`);
    await queue.enqueue('system.ping', { runId: id }, { jobId: id, delayMs: 800 });
    await new Promise((r) => setTimeout(r, 400));
    expect((await t.dataSource.query(`SELECT status FROM job_runs WHERE id = $1`, [id]))[0].status).toBe('queued');
    await until(
      async () => (await t.dataSource.query(`SELECT status FROM job_runs WHERE id = $1`, [id]))[0].status === 'done',
      5000,
    );
  });
});

describe('jobs with Redis: the API only enqueues, apps/worker processes', () => {
  let t: TestApp;
  let admin: string;
  let worker: ChildProcess | undefined;
  let workerLog = '';
  let pending = '';
  const prefix = `cftest${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`Build the worker first (npm run build:server): ${WORKER_MAIN} is missing`);
    t = await startTestApp({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
    admin = await t.token('admin@example.org');
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker!.once('exit', r));
    }
    await t.stop();
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('leaves the job queued while no worker runs', async () => {
    const run = await ping(t, admin);
    expect(run.queueMode).toBe('bullmq');
    await new Promise((r) => setTimeout(r, 700));
    expect((await runOf(t, admin, run.id)).status).toBe('queued');
    pending = run.id;
  });

  it('has the worker process (a separate OS process) consume it', async () => {
    const env = { ...t.env, PATH: process.env.PATH ?? '', LOG_LEVEL: 'info' };
    parseConfig(env); // the same configuration the worker will validate
    worker = spawn(process.execPath, [WORKER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout!.on('data', (d) => (workerLog += d));
    worker.stderr!.on('data', (d) => (workerLog += d));
    const done = await until(async () => {
      const r = await runOf(t, admin, pending);
      return r.status === 'done' && r;
    }, 20000).catch((e) => {
      throw new Error(`${e.message}; worker output:\n${workerLog}`);
    });
    expect(done.processedBy).toBe('worker');
    const fresh = await ping(t, admin);
    const second = await until(async () => {
      const r = await runOf(t, admin, fresh.id);
      return r.status === 'done' && r;
    });
    expect(second.processedBy).toBe('worker');
  });

  it('reports Redis in the health check', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });
});

describe('the worker refuses to start without its services', () => {
  it('names the missing variables', async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`Build the worker first: ${WORKER_MAIN} is missing`);
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr!.on('data', (d) => (out += d));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(out).toMatch(/REDIS_URL: is required by the worker/);
    expect(out).toMatch(/DATABASE_URL: is required by the worker/);
  });
});
