import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiRoutes, concrete } from '../support/routes';
import { call, startTestApp, TestApp } from '../support/test-app';

describe('the platform', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token('admin@example.org');
  });
  afterAll(() => t.stop());

  it('publishes an OpenAPI document generated from the code, and its UI', async () => {
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/users/{id}', '/api/health']),
    );
    expect(doc.body.components.schemas.CreateUserDto.required).toEqual(expect.arrayContaining(['email', 'password', 'roles']));
    const ui = await t.http().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('reports health, with the database', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    expect(res.body.details.redis).toBeUndefined();
  });

  it('exposes Prometheus metrics with request timings by route pattern', async () => {
    await t.http().get('/api/users').set('Authorization', `Bearer ${admin}`);
    const res = await t.http().get('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/users",status="200"\} \d+/);
  });

  it('sets security headers (helmet) and a request id, echoing a valid one', async () => {
    const res = await t.http().get('/api/health').set('X-Request-Id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const generated = await t.http().get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps CORS closed unless configured', async () => {
    const res = await t
      .http()
      .options('/api/users')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.http().get('/api/nope').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('serves the console at / when it is built', async () => {
    if (!existsSync(resolve(__dirname, '../../dist/console/index.html')))
      throw new Error('Build the console first (npm run build:console)');
    const res = await t.http().get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<div id="root">');
  });

  it('answers a malformed body on every write endpoint with 400 naming the body, never a 500', async () => {
    const writes = apiRoutes(t.app).filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
    expect(writes.length).toBeGreaterThan(8);
    for (const r of writes) {
      const res = await call(t, r.method, concrete(r.path))
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'application/json')
        .send('{"broken":');
      expect({ route: `${r.method} ${r.path}`, status: res.status, errors: res.body.errors }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 400,
        errors: [{ field: 'body', reason: 'malformed JSON' }],
      });
    }
  });

  it('answers wrong types on every write endpoint that takes a body with 400 naming a field', async () => {
    // Routes without a JSON body (multipart uploads are covered in proposals.e2e-spec.ts).
    const noBody = new Set([
      'POST /api/users/:id/deactivate',
      'POST /api/users/:id/reactivate',
      'POST /api/system/jobs/ping',
      'POST /api/proposals/:id/submit',
      'POST /api/proposals/:id/attachments',
      'POST /api/assignments/:id/review/submit',
      'POST /api/scenarios/:id/recompute',
      'POST /api/projects/:id/agreement/document',
      'POST /api/decisions/:id/letters/regenerate',
    ]);
    // Routes whose DTO has only optional fields get one of its own fields with a wrong type.
    const bodies: Record<string, object> = {
      'POST /api/proposals/:id/withdraw': { reason: 42 },
      'PATCH /api/proposals/:id': { version: 'one', title: 7 },
      'PUT /api/proposals/:id': { version: 'one', title: 7 },
      'POST /api/funds/:fundId/auto-assign': { k: 'three' },
      'PUT /api/assignments/:id/review': { scores: 'all tens' },
      'POST /api/decisions/:id/confirm': { note: 42 },
      'POST /api/projects/:id/close': { note: 42 },
      'POST /api/projects/:id/agreement/send': { note: 42 },
      'POST /api/projects/:id/milestones/:milestoneId/accept': { comment: 42 },
      'POST /api/projects/:id/tranches/:trancheId/release': { note: 42 },
      'POST /api/projects/:id/reports/:reportId/accept': { comment: 42 },
    };
    const writes = apiRoutes(t.app).filter(
      (r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !noBody.has(`${r.method} ${r.path}`),
    );
    // One account holding every role, so that each route reaches its validation.
    const [inst] = await t.dataSource.query(`SELECT id FROM institutions LIMIT 1`);
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        email: 'everyone@example.org',
        displayName: 'Every Role',
        roles: ['applicant', 'reviewer', 'program_officer', 'approver', 'admin'],
        institutionId: inst.id,
        preferredLanguage: 'en',
        password: 'every-role-password',
      });
    expect(created.status).toBe(201);
    const token = await t.token('everyone@example.org', 'every-role-password');
    const [someone] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'reviewer@example.org'`);
    for (const r of writes) {
      const url = concrete(r.path, { id: r.path.includes('institutions') ? inst.id : someone.id });
      const res = await call(t, r.method, url)
        .set('Authorization', `Bearer ${token}`)
        .send(
          bodies[`${r.method} ${r.path}`] ?? {
            email: 42,
            password: 7,
            refreshToken: 1,
            name: [],
            preferredLanguage: {},
            roles: 'x',
          },
        );
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({ route: `${r.method} ${r.path}`, status: 400 });
      expect(res.body.errors.length).toBeGreaterThan(0);
      for (const e of res.body.errors) expect(typeof e.field === 'string' && typeof e.reason === 'string').toBe(true);
    }
  });
});

describe('the audit log', () => {
  let t: TestApp;
  let seeded: number; // the demo seeding's own records (reviews are written through the audited services)
  beforeAll(async () => {
    t = await startTestApp();
    seeded = (await t.dataSource.query(`SELECT coalesce(max(id), 0)::int AS n FROM audit_log`))[0].n;
    const admin = await t.token('admin@example.org');
    const [u] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'reviewer@example.org'`);
    await t.http().post(`/api/users/${u.id}/deactivate`).set('Authorization', `Bearer ${admin}`);
  });
  afterAll(() => t.stop());

  it('records who changed what and when', async () => {
    const rows = await t.dataSource.query(
      `SELECT a.action, a.changes, u.email AS actor FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.id > $1`,
      [seeded],
    );
    expect(rows).toEqual([
      { action: 'user.deactivate', actor: 'admin@example.org', changes: { isActive: { from: true, to: false } } },
    ]);
  });

  it('cannot be edited or deleted through the database connection the application uses', async () => {
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'nothing'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE id > $1`, [seeded]))[0].n).toBe(1);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE id <= $1`, [seeded]))[0].n).toBe(seeded);
  });
});
