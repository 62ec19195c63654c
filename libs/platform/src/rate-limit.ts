import { DynamicModule, Global, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Clock } from './clock';

/** One hit counted in a fixed window: how many hits the key has in the window so far, and when the window ends. */
export interface RateLimitHit {
  count: number;
  /** Milliseconds until the window ends and the count starts again from zero. */
  resetInMs: number;
}

/**
 * Counters of fixed windows (per key, aligned on multiples of the window, so every process agrees on the window a
 * hit falls in). In memory for one process (the embedded default), in Redis when REDIS_URL is set, so that every
 * API replica counts one limit together.
 */
export abstract class RateLimitStore {
  abstract readonly kind: 'memory' | 'redis';
  /** Counts one hit of `key` (`name` separates the limits) in its current window of `windowMs`. */
  abstract hit(name: string, key: string, windowMs: number): Promise<RateLimitHit>;
  /** Releases the store's connection, if it has one. */
  close(): void {}
}

/** Keys tracked at most per limit in memory: past that, new keys are not counted (a flood of forged addresses). */
const MAX_TRACKED = 50_000;

export class MemoryRateLimitStore extends RateLimitStore {
  readonly kind = 'memory' as const;
  private readonly limits = new Map<string, { window: number; counts: Map<string, number> }>();

  constructor(private readonly clock: Clock) {
    super();
  }

  async hit(name: string, key: string, windowMs: number): Promise<RateLimitHit> {
    return this.hitSync(name, key, windowMs);
  }

  hitSync(name: string, key: string, windowMs: number): RateLimitHit {
    const now = this.clock.now().getTime();
    const window = Math.floor(now / windowMs);
    let limit = this.limits.get(name);
    if (!limit || limit.window !== window) {
      limit = { window, counts: new Map() };
      this.limits.set(name, limit);
    }
    const count = (limit.counts.get(key) ?? 0) + 1;
    if (limit.counts.size < MAX_TRACKED || limit.counts.has(key)) limit.counts.set(key, count);
    return { count, resetInMs: (window + 1) * windowMs - now };
  }
}

/** INCR the window's key, and give it an expiry on its first hit: one round trip, atomic. */
const HIT_SCRIPT = `local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return c`;

/**
 * Redis-backed counters shared by every process that uses the same Redis and prefix. When Redis does not answer
 * (down, or slower than `timeoutMs`), the hit is counted in this process's memory instead: the limit degrades to
 * per-process counting rather than refusing or failing requests.
 */
export class RedisRateLimitStore extends RateLimitStore {
  readonly kind = 'redis' as const;
  private readonly logger = new Logger('RateLimitStore');
  private readonly fallback: MemoryRateLimitStore;
  private warned = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: Clock,
    private readonly timeoutMs = 250,
  ) {
    super();
    this.fallback = new MemoryRateLimitStore(clock);
  }

  async hit(name: string, key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.clock.now().getTime();
    const window = Math.floor(now / windowMs);
    const redisKey = `${this.prefix}:ratelimit:${name}:${window}:${key}`;
    try {
      const count = Number(await withTimeout(this.redis.eval(HIT_SCRIPT, 1, redisKey, String(windowMs * 2)), this.timeoutMs));
      if (this.warned) {
        this.warned = false;
        this.logger.log('Redis answers again: rate limits are shared by the replicas again');
      }
      return { count, resetInMs: (window + 1) * windowMs - now };
    } catch (error) {
      if (!this.warned) {
        this.warned = true;
        this.logger.warn({ err: (error as Error).message }, 'Redis does not answer: rate limits are counted per process');
      }
      return this.fallback.hitSync(name, key, windowMs);
    }
  }

  override close(): void {
    this.redis.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface RateLimitModuleOptions {
  /** Shared counters in this Redis when set; in memory otherwise. */
  redisUrl?: string;
  /** Prefix of the Redis keys (the queue prefix: several environments may share one Redis). */
  prefix: string;
}

@Injectable()
class RateLimitStoreCloser implements OnModuleDestroy {
  constructor(private readonly store: RateLimitStore) {}

  onModuleDestroy(): void {
    this.store.close();
  }
}

/** Provides the `RateLimitStore` to every module (global). */
@Global()
@Module({})
export class RateLimitModule {
  static forRoot(options: RateLimitModuleOptions): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [
        {
          provide: RateLimitStore,
          inject: [Clock],
          useFactory: (clock: Clock): RateLimitStore => {
            if (!options.redisUrl) return new MemoryRateLimitStore(clock);
            const redis = new Redis(options.redisUrl, {
              // fail fast: a request never waits for Redis to come back (the hit is counted in memory meanwhile)
              maxRetriesPerRequest: 1,
              enableOfflineQueue: false,
              connectTimeout: 2000,
            });
            redis.on('error', () => undefined); // reported by the health check; hits fall back to memory
            return new RedisRateLimitStore(redis, options.prefix, clock);
          },
        },
        RateLimitStoreCloser,
      ],
      exports: [RateLimitStore],
    };
  }
}
