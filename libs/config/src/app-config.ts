import { join } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { message: `must be at least ${min}` })
        .max(max, { message: `must be at most ${max}` }),
    );

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/**
 * Every variable the product reads, with its default. `.env.example` mirrors this list.
 * Empty strings count as unset.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  EMBEDDED_DB_PORT: int(0, 65535).default(0),
  EMBEDDED_DB_TEMPLATE: z.string().min(1).default('./dist/embedded/pgdata.tar'),
  DB_POOL_SIZE: int(1, 200).default(10),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/i, { message: 'must be 1-32 letters, digits, - or _' })
    .default('cf'),
  JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  JWT_ACCESS_TTL_SECONDS: int(60, 86400).default(900),
  REFRESH_TTL_SECONDS: int(300, 90 * 86400).default(14 * 86400),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(1, 100000).default(100),
  LOGIN_MAX_FAILURES_PER_ADDRESS: int(1, 100000).default(500),
  LOGIN_FAILURE_WINDOW_SECONDS: int(60, 86400).default(3600),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  TRUST_PROXY: bool.default(false),
  PUBLIC_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONSOLE_DIR: z.string().min(1).default('./dist/console'),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('Challenge Fund <no-reply@challenge-fund.local>'),
  OUTBOX_POLL_MS: int(100, 600_000).default(1000),
  UPLOAD_MAX_BYTES: int(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
  SEED_DEMO: z.enum(['auto', 'true', 'false'], { message: 'must be auto, true or false' }).default('auto'),
  STORAGE_DRIVER: z.enum(['local', 's3'], { message: 'must be local or s3' }).default('local'),
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, { message: 'must be a region name such as us-east-1' })
    .default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[A-Za-z0-9._-]{3,255}$/, { message: 'must be a bucket name (3-255 letters, digits, . _ or -)' })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
});

export type Env = z.infer<typeof envSchema>;

export interface S3StorageConfig {
  /** Unset: AWS S3 itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/** Where attachments are kept: files under `localDir`, or a bucket of an S3-compatible store. */
export type StorageConfig = { driver: 'local'; localDir: string } | { driver: 's3'; s3: S3StorageConfig };

export interface AppConfig {
  nodeEnv: Env['NODE_ENV'];
  http: {
    port: number;
    host: string;
    corsOrigins: string[];
    trustProxy: boolean;
    consoleDir: string;
    /** Requests one client address may make to the public catalogue per minute (shared in Redis when set). */
    publicRequestsPerMinute: number;
  };
  database: {
    /** Set when an external PostgreSQL is used; unset means the embedded default (PGlite). */
    url?: string;
    embeddedPort: number;
    /** Initialized data folder (tar) an empty embedded database starts from; made by npm start's build step. */
    embeddedTemplate: string;
    poolSize: number;
  };
  dataDir: string;
  redis: { url?: string; queuePrefix: string };
  auth: {
    /** Unset only in embedded mode, where a random secret is kept in the data folder. */
    jwtSecret?: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    maxFailuresPerAccount: number;
    maxFailuresPerAddress: number;
    failureWindowSeconds: number;
  };
  logLevel: Env['LOG_LEVEL'];
  seedDemo: Env['SEED_DEMO'];
  /** Address of the product as people reach it, for links in emails. */
  publicUrl: string;
  mail: { smtpUrl?: string; from: string; outboxPollMs: number };
  uploads: { maxBytes: number };
  storage: StorageConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super('Invalid configuration:\n' + problems.map((p) => `  - ${p.variable}: ${p.reason}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment; throws a ConfigError naming every bad variable. */
export function parseConfig(source: Record<string, string | undefined>): AppConfig {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim();
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), reason: i.message })));
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.JWT_SECRET && e.NODE_ENV === 'production') {
    throw new ConfigError([{ variable: 'JWT_SECRET', reason: 'is required when DATABASE_URL is set (at least 32 characters)' }]);
  }
  if (e.STORAGE_DRIVER === 's3') {
    const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((v) => !e[v]);
    if (missing.length) {
      throw new ConfigError(missing.map((variable) => ({ variable, reason: 'is required when STORAGE_DRIVER is s3' })));
    }
  }
  return {
    nodeEnv: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      corsOrigins: e.CORS_ORIGINS,
      trustProxy: e.TRUST_PROXY,
      consoleDir: e.CONSOLE_DIR,
      publicRequestsPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    },
    database: {
      url: e.DATABASE_URL,
      embeddedPort: e.EMBEDDED_DB_PORT,
      embeddedTemplate: e.EMBEDDED_DB_TEMPLATE,
      poolSize: e.DB_POOL_SIZE,
    },
    dataDir: e.DATA_DIR,
    redis: { url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX },
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TTL_SECONDS,
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      failureWindowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
    },
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxPollMs: e.OUTBOX_POLL_MS },
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES },
    storage:
      e.STORAGE_DRIVER === 's3'
        ? {
            driver: 's3',
            s3: {
              endpoint: e.S3_ENDPOINT,
              region: e.S3_REGION,
              bucket: e.S3_BUCKET!,
              accessKeyId: e.S3_ACCESS_KEY_ID!,
              secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
              forcePathStyle: e.S3_FORCE_PATH_STYLE,
            },
          }
        : { driver: 'local', localDir: join(e.DATA_DIR, 'uploads') },
  };
}

/** The one place that reads process.env. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return parseConfig({ ...process.env, ...overrides });
}
