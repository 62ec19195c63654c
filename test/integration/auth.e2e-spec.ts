import { startTestApp, TestApp } from '../support/test-app';

const login = (t: TestApp, email: string, password = 'demo1234') => t.http().post('/api/auth/login').send({ email, password });

describe('sign-in, refresh rotation and logout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('signs in with email and password and answers tokens and the user', async () => {
    const res = await login(t, 'Officer@Example.org');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { email: 'officer@example.org', roles: ['program_officer'] },
    });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body.email).toBe('officer@example.org');
  });

  it('answers the same 401 for a wrong password and an unknown account', async () => {
    const wrong = await login(t, 'officer@example.org', 'wrong-password');
    const unknown = await login(t, 'nobody@example.org', 'wrong-password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('stores argon2id hashes, never passwords', async () => {
    const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = 'admin@example.org'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('rotates the refresh token, and reuse of a rotated one revokes the whole family', async () => {
    const first = (await login(t, 'reviewer@example.org')).body;
    const second = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const third = await t.http().post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);

    // the first token was already rotated: someone replays it
    const replay = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    // ... and the family is gone, the legitimate latest token included
    const latest = await t.http().post('/api/auth/refresh').send({ refreshToken: third.body.refreshToken });
    expect(latest.status).toBe(401);
    // another login (another family) is unaffected
    const other = (await login(t, 'reviewer@example.org')).body;
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: other.refreshToken })).status).toBe(200);
  });

  it('lets only one of two simultaneous refreshes with one token succeed', async () => {
    const s = (await login(t, 'approver@example.org')).body;
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('rejects tampered and malformed refresh tokens', async () => {
    const s = (await login(t, 'approver@example.org')).body;
    const [id] = s.refreshToken.split('.');
    expect(
      (
        await t
          .http()
          .post('/api/auth/refresh')
          .send({ refreshToken: `${id}.${'A'.repeat(43)}` })
      ).status,
    ).toBe(401);
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: 'nonsense' })).status).toBe(401);
    const missing = await t.http().post('/api/auth/refresh').send({});
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('refreshToken');
  });

  it('ends the session on logout', async () => {
    const s = (await login(t, 'officer@example.org')).body;
    const out = await t
      .http()
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${s.accessToken}`)
      .send({ refreshToken: s.refreshToken });
    expect(out.status).toBe(204);
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
  });

  it('shuts a deactivated account out at once, and lets it back after reactivation', async () => {
    const admin = await t.token('admin@example.org');
    const s = (await login(t, 'reviewer2@example.org')).body;
    const id = s.user.id;
    expect((await t.http().post(`/api/users/${id}/deactivate`).set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${s.accessToken}`)).status).toBe(401);
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
    const again = await login(t, 'reviewer2@example.org');
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('ACCOUNT_DISABLED');
    expect((await t.http().post(`/api/users/${id}/reactivate`).set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    expect((await login(t, 'reviewer2@example.org')).status).toBe(200);
  });

  it('keeps a preferred language and changes a password (ending other sessions)', async () => {
    const s = (await login(t, 'applicant2@example.org')).body;
    const auth = { Authorization: `Bearer ${s.accessToken}` };
    expect(
      (await t.http().put('/api/auth/me/preferences').set(auth).send({ preferredLanguage: 'en' })).body.preferredLanguage,
    ).toBe('en');
    const bad = await t.http().put('/api/auth/me/preferences').set(auth).send({ preferredLanguage: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'preferredLanguage', reason: 'must be en or fr' }]);
    const wrong = await t
      .http()
      .post('/api/auth/me/password')
      .set(auth)
      .send({ currentPassword: 'nope', newPassword: 'a-new-password' });
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', reason: 'is incorrect' }]);
    expect(
      (
        await t
          .http()
          .post('/api/auth/me/password')
          .set(auth)
          .send({ currentPassword: 'demo1234', newPassword: 'a-new-password' })
      ).status,
    ).toBe(204);
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
    expect((await login(t, 'applicant2@example.org', 'a-new-password')).status).toBe(200);
  });
});

describe('login failure limits (ASVS V2.2.1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '100000' });
  });
  afterAll(() => t.stop());

  it('allows 100 failures per hour per account, then locks it with a clear message, even in parallel', async () => {
    // 130 wrong guesses at once: the limit must hold under concurrency
    const guesses = await Promise.all(Array.from({ length: 130 }, (_, i) => login(t, 'officer@example.org', `guess-${i}`)));
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);

    const locked = await login(t, 'officer@example.org'); // the right password, too late
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'LOGIN_LOCKED', scope: 'account' });
    expect(locked.body.message).toMatch(/Too many failed sign-in attempts for this account. Try again in \d+ minute/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3000);
    // other accounts are not locked
    expect((await login(t, 'approver@example.org')).status).toBe(200);
  });

  it('unlocks when the failures leave the window', async () => {
    await t.dataSource.query(`UPDATE login_failures SET at = at - interval '61 minutes' WHERE email = 'officer@example.org'`);
    expect((await login(t, 'officer@example.org')).status).toBe(200);
  });
});

describe('login failure limits per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '5' });
  });
  afterAll(() => t.stop());

  it('locks an address that guesses across many accounts', async () => {
    for (let i = 0; i < 5; i++) expect((await login(t, `user${i}@example.org`, 'x')).status).toBe(401);
    const res = await login(t, 'admin@example.org');
    expect(res.status).toBe(429);
    expect(res.body.scope).toBe('address');
    expect(res.body.message).toMatch(/from your network address/);
  });
});
