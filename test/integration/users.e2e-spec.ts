import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { startTestApp, TestApp } from '../support/test-app';

describe('users administration through the stock ra-data-simple-rest client', () => {
  let t: TestApp;
  let admin: string;
  let provider: ReturnType<typeof simpleRestProvider>;
  let georgeBrown: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token('admin@example.org');
    const httpClient = (url: string, options: fetchUtils.Options = {}) =>
      fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${admin}` } });
    provider = simpleRestProvider(`${t.baseUrl}/api`, httpClient);
    const [gb] = await t.dataSource.query(`SELECT id FROM institutions WHERE name = 'George Brown College'`);
    georgeBrown = gb.id;
  });
  afterAll(() => t.stop());

  it('lists with sort, range and filter, and a Content-Range total', async () => {
    const page = await provider.getList('users', {
      pagination: { page: 1, perPage: 3 },
      sort: { field: 'email', order: 'ASC' },
      filter: {},
    });
    expect(page.total).toBe(12); // the demo accounts: 7, 4 more reviewers, and the applicant of a funded project
    expect(page.data.map((u) => u.email)).toEqual(['admin@example.org', 'applicant2@example.org', 'applicant3@example.org']);
    const page3 = await provider.getList('users', {
      pagination: { page: 3, perPage: 3 },
      sort: { field: 'email', order: 'ASC' },
      filter: {},
    });
    expect(page3.data).toHaveLength(3);
    const reviewers = (order: 'ASC' | 'DESC') =>
      provider.getList('users', {
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'email', order },
        filter: { role: 'reviewer', q: 'REVIEW' },
      });
    const asc = (await reviewers('ASC')).data.map((u) => u.email);
    expect([...asc].sort()).toEqual([
      'reviewer2@example.org',
      'reviewer3@example.org',
      'reviewer4@example.org',
      'reviewer5@example.org',
      'reviewer6@example.org',
      'reviewer@example.org',
    ]);
    expect((await reviewers('DESC')).data.map((u) => u.email)).toEqual([...asc].reverse());
    const raw = await fetch(`${t.baseUrl}/api/users?range=[0,1]`, { headers: { Authorization: `Bearer ${admin}` } });
    expect(raw.headers.get('content-range')).toBe('users 0-1/12');
  });

  it('gets many by id, and one', async () => {
    const all = await provider.getList('users', {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'email', order: 'ASC' },
      filter: {},
    });
    const ids = all.data.slice(0, 2).map((u) => u.id);
    const many = await provider.getMany('users', { ids });
    expect(many.data.map((u) => u.id).sort()).toEqual([...ids].sort());
    const one = await provider.getOne('users', { id: ids[0] });
    expect(one.data.email).toBe(all.data[0].email);
    expect(Object.keys(one.data).sort()).toEqual([
      'createdAt',
      'displayName',
      'email',
      'id',
      'institutionId',
      'isActive',
      'preferredLanguage',
      'roles',
      'updatedAt',
    ]);
  });

  it('creates, then updates with the full record as PUT, and audits both in the same transaction', async () => {
    const created = await provider.create('users', {
      data: {
        email: 'New.Person@Example.org',
        displayName: 'New Person',
        password: 'long-enough',
        roles: ['applicant'],
        institutionId: georgeBrown,
        preferredLanguage: 'fr',
      },
    });
    expect(created.data).toMatchObject({ email: 'new.person@example.org', roles: ['applicant'], isActive: true });
    const previousData = (await provider.getOne('users', { id: created.data.id })).data;
    const updated = await provider.update('users', {
      id: created.data.id,
      data: { ...previousData, roles: ['applicant', 'reviewer'], displayName: 'Renamed' },
      previousData,
    });
    expect(updated.data).toMatchObject({ displayName: 'Renamed', roles: ['applicant', 'reviewer'] });

    const audit = await t.dataSource.query(`SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      created.data.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['user.create', 'user.update']);
    expect(audit[1].changes).toEqual({
      displayName: { from: 'New Person', to: 'Renamed' },
      roles: { from: ['applicant'], to: ['applicant', 'reviewer'] },
    });
    expect(JSON.stringify(audit)).not.toContain('long-enough');
  });

  it('signs the new user in with the password the admin set', async () => {
    expect(
      (await t.http().post('/api/auth/login').send({ email: 'new.person@example.org', password: 'long-enough' })).status,
    ).toBe(200);
  });

  it('answers 400 naming the field, 409 for a taken email, and writes nothing', async () => {
    const post = (body: unknown) =>
      t
        .http()
        .post('/api/users')
        .set('Authorization', `Bearer ${admin}`)
        .send(body as object);
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    const cases: [unknown, string][] = [
      [{ email: 'not-an-email', displayName: 'X', password: 'long-enough', roles: ['admin'], preferredLanguage: 'en' }, 'email'],
      [
        { email: 'x@example.org', displayName: '', password: 'long-enough', roles: ['admin'], preferredLanguage: 'en' },
        'displayName',
      ],
      [{ email: 'x@example.org', displayName: 'X', password: 'short', roles: ['admin'], preferredLanguage: 'en' }, 'password'],
      [{ email: 'x@example.org', displayName: 'X', password: 'long-enough', roles: [], preferredLanguage: 'en' }, 'roles'],
      [{ email: 'x@example.org', displayName: 'X', password: 'long-enough', roles: ['king'], preferredLanguage: 'en' }, 'roles'],
      [
        { email: 'x@example.org', displayName: 'X', password: 'long-enough', roles: ['admin'], preferredLanguage: 'de' },
        'preferredLanguage',
      ],
      [
        { email: 'x@example.org', displayName: 'X', password: 'long-enough', roles: ['applicant'], preferredLanguage: 'en' },
        'institutionId',
      ],
      [
        {
          email: 'x@example.org',
          displayName: 'X',
          password: 'long-enough',
          roles: ['applicant'],
          institutionId: 'nope',
          preferredLanguage: 'en',
        },
        'institutionId',
      ],
      [
        {
          email: 'x@example.org',
          displayName: 'X',
          password: 'long-enough',
          roles: ['applicant'],
          institutionId: '3f6c1f0e-8a57-4a4e-9d55-1d2b8a7f9a10',
          preferredLanguage: 'en',
        },
        'institutionId',
      ],
      [
        { email: ['x@example.org'], displayName: 'X', password: 'long-enough', roles: ['admin'], preferredLanguage: 'en' },
        'email',
      ],
      [
        {
          email: 'x@example.org',
          displayName: 'X'.repeat(5000),
          password: 'long-enough',
          roles: ['admin'],
          preferredLanguage: 'en',
        },
        'displayName',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect({ field, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        field,
        status: 400,
        fields: [field],
      });
    }
    const taken = await post({
      email: 'ADMIN@example.org',
      displayName: 'X',
      password: 'long-enough',
      roles: ['admin'],
      preferredLanguage: 'en',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ field: 'email', reason: 'is already in use' }]);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('answers malformed JSON and bad list parameters with 400 naming them', async () => {
    const bad = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send('{"email":');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body', reason: 'malformed JSON' }]);
    const list = await t
      .http()
      .get('/api/users?sort=["passwordHash","ASC"]&filter={"role":"king"}')
      .set('Authorization', `Bearer ${admin}`);
    expect(list.status).toBe(400);
    expect(list.body.errors.map((e: { field: string }) => e.field)).toEqual(['sort', 'filter.role']);
    const badId = await t.http().get('/api/users/42').set('Authorization', `Bearer ${admin}`);
    expect(badId.status).toBe(400);
    expect(
      (await t.http().get('/api/users/3f6c1f0e-8a57-4a4e-9d55-1d2b8a7f9a10').set('Authorization', `Bearer ${admin}`)).status,
    ).toBe(404);
  });

  it('keeps an admin from locking themselves out', async () => {
    const me = (await t.http().get('/api/auth/me').set('Authorization', `Bearer ${admin}`)).body;
    const deactivate = await t.http().post(`/api/users/${me.id}/deactivate`).set('Authorization', `Bearer ${admin}`);
    expect(deactivate.status).toBe(409);
    const demote = await t
      .http()
      .put(`/api/users/${me.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...me, roles: ['reviewer'] });
    expect(demote.status).toBe(400);
    expect(demote.body.errors[0].field).toBe('roles');
  });

  it('ends the sessions of a user whose roles change', async () => {
    const s = (await t.http().post('/api/auth/login').send({ email: 'reviewer@example.org', password: 'demo1234' })).body;
    const user = (await provider.getOne('users', { id: s.user.id })).data;
    await provider.update('users', {
      id: user.id,
      data: { ...user, roles: ['reviewer', 'program_officer'] },
      previousData: user,
    });
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
  });
});
