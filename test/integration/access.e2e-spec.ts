import { apiRoutes, concrete } from '../support/routes';
import { call, startTestApp, TestApp } from '../support/test-app';

/** Routes open without a token. Adding @Public() anywhere else makes this test fail until reviewed. */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/metrics',
  'GET /api/institutions',
  'GET /api/institutions/:id',
  // the public catalogue and open data (libs/open-data), read-only; what they show is tested in open-data.e2e-spec.ts
  'GET /api/public/projects',
  'GET /api/public/projects/facets',
  'GET /api/public/projects/:id',
  'GET /api/public/micro-credentials',
  'GET /api/public/micro-credentials/facets',
  'GET /api/public/open-data',
  'GET /api/public/open-data/projects.csv',
  'GET /api/public/open-data/projects.json',
  'GET /api/public/open-data/micro-credentials.csv',
  'GET /api/public/open-data/micro-credentials.json',
]);

describe('the global guard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('finds the routes in the router', () => {
    const routes = apiRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toEqual(expect.arrayContaining([...PUBLIC_ROUTES, 'GET /api/users', 'PUT /api/users/:id']));
  });

  it('answers 401 without a token, or with a bad one, on every non-public route', async () => {
    const checked: string[] = [];
    for (const route of apiRoutes(t.app)) {
      const key = `${route.method} ${route.path}`;
      if (PUBLIC_ROUTES.has(key)) continue;
      const url = concrete(route.path);
      const anonymous = await call(t, route.method, url).send({});
      expect({ key, status: anonymous.status, code: anonymous.body.code }).toEqual({ key, status: 401, code: 'UNAUTHENTICATED' });
      const forged = await call(t, route.method, url)
        .set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')
        .send({});
      expect({ key, status: forged.status }).toEqual({ key, status: 401 });
      checked.push(key);
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  it('lets the public routes through without a token', async () => {
    for (const key of PUBLIC_ROUTES) {
      const [method, path] = key.split(' ');
      const res = await call(t, method, concrete(path)).send({});
      expect({ key, status: res.status === 401 && res.body.code === 'UNAUTHENTICATED' ? 401 : 'open' }).toEqual({
        key,
        status: 'open',
      });
    }
  });

  it('answers 403 with the reason for a wrong role, and the account stays signed in', async () => {
    const token = await t.token('applicant@example.org');
    const res = await t.http().get('/api/users').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', message: 'This action requires the role admin' });
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('applicant@example.org');
  });

  it('lets every admin route through for an admin and none for the other roles', async () => {
    const adminOnly = apiRoutes(t.app).filter(
      (r) =>
        r.path.startsWith('/api/users') ||
        r.path.startsWith('/api/system') ||
        (r.path.startsWith('/api/institutions') && r.method !== 'GET'),
    );
    for (const email of ['officer@example.org', 'approver@example.org', 'reviewer@example.org', 'applicant@example.org']) {
      const token = await t.token(email);
      for (const r of adminOnly) {
        const res = await call(t, r.method, concrete(r.path)).set('Authorization', `Bearer ${token}`).send({});
        expect({ email, route: `${r.method} ${r.path}`, status: res.status }).toEqual({
          email,
          route: `${r.method} ${r.path}`,
          status: 403,
        });
      }
    }
  });

  it('rejects an expired access token with a distinct code', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const jwt = t.app.get(JwtService);
    const admin = await t.http().post('/api/auth/login').send({ email: 'admin@example.org', password: 'demo1234' });
    const expired = await jwt.signAsync(
      { sub: admin.body.user.id, roles: ['admin'], exp: Math.floor(Date.now() / 1000) - 10 },
      { issuer: 'challenge-fund', audience: 'challenge-fund-api' },
    );
    const res = await t.http().get('/api/users').set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
  });
});
