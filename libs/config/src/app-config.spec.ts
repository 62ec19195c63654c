import { ConfigError, parseConfig } from './app-config';

describe('parseConfig', () => {
  it('applies the documented defaults to an empty environment (the embedded default)', () => {
    const c = parseConfig({});
    expect(c.http.port).toBe(3000);
    expect(c.database.url).toBeUndefined();
    expect(c.redis.url).toBeUndefined();
    expect(c.dataDir).toBe('./.data');
    expect(c.auth.maxFailuresPerAccount).toBe(100);
    expect(c.auth.failureWindowSeconds).toBe(3600);
    expect(c.http.corsOrigins).toEqual([]);
  });

  it('names every malformed variable with its reason', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect((error as ConfigError).message).toMatch(/PORT: must be a whole number/);
  });

  it('requires JWT_SECRET in production with an external database', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres://db/x' })).toThrow(/JWT_SECRET/);
    expect(() => parseConfig({ DATABASE_URL: 'postgres://db/x', JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(parseConfig({ DATABASE_URL: 'postgres://db/x', JWT_SECRET: 'x'.repeat(32) }).database.url).toBe('postgres://db/x');
  });

  it('treats empty strings as unset and splits CORS origins', () => {
    const c = parseConfig({ REDIS_URL: '', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(c.redis.url).toBeUndefined();
    expect(c.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
