import { join } from 'node:path';
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

  it('keeps files in DATA_DIR/uploads by default', () => {
    expect(parseConfig({}).storage).toEqual({ driver: 'local', localDir: join('.data', 'uploads') });
    expect(parseConfig({ DATA_DIR: '/var/lib/cf' }).storage).toEqual({ driver: 'local', localDir: '/var/lib/cf/uploads' });
  });

  it('requires the bucket and both keys with STORAGE_DRIVER=s3, naming each missing one', () => {
    let error: unknown;
    try {
      parseConfig({ STORAGE_DRIVER: 's3', S3_ACCESS_KEY_ID: 'AKIA' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      { variable: 'S3_BUCKET', reason: 'is required when STORAGE_DRIVER is s3' },
      { variable: 'S3_SECRET_ACCESS_KEY', reason: 'is required when STORAGE_DRIVER is s3' },
    ]);
    expect(() => parseConfig({ STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER: must be local or s3/);
    expect(() => parseConfig({ S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT: must be a URL/);
    expect(() => parseConfig({ S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(/S3_FORCE_PATH_STYLE: must be true or false/);
  });

  it('gives the S3 settings with their defaults', () => {
    const s3 = { STORAGE_DRIVER: 's3', S3_BUCKET: 'cf-files', S3_ACCESS_KEY_ID: 'AKIA', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(parseConfig(s3).storage).toEqual({
      driver: 's3',
      s3: {
        endpoint: undefined,
        region: 'us-east-1',
        bucket: 'cf-files',
        accessKeyId: 'AKIA',
        secretAccessKey: 'secret',
        forcePathStyle: true,
      },
    });
    const minio = parseConfig({
      ...s3,
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_REGION: 'eu-west-3',
      S3_FORCE_PATH_STYLE: 'false',
    });
    expect(minio.storage).toMatchObject({
      s3: { endpoint: 'http://127.0.0.1:9000', region: 'eu-west-3', forcePathStyle: false },
    });
  });

  it('treats empty strings as unset and splits CORS origins', () => {
    const c = parseConfig({ REDIS_URL: '', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(c.redis.url).toBeUndefined();
    expect(c.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
