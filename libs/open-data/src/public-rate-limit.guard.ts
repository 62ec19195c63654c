import { APP_CONFIG, AppConfig } from '@cf/config';
import { DomainError, RateLimitStore } from '@cf/platform';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';

const WINDOW_MS = 60_000;

/**
 * A fixed-window limit per client address on the public, unauthenticated routes, so a scraper cannot keep the
 * database busy: 429 `RATE_LIMITED` with `Retry-After`. At most `PUBLIC_RATE_LIMIT_PER_MINUTE` requests a minute
 * per address, counted in Redis when REDIS_URL is set (every API replica counts one limit), in memory otherwise
 * (the embedded default: one process). The responses are also cacheable (Cache-Control, ETag), so a proxy in front
 * takes most of the load.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(
    private readonly store: RateLimitStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const max = this.config.http.publicRequestsPerMinute;
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const { count, resetInMs } = await this.store.hit('public', key, WINDOW_MS);
    if (count > max) {
      const retryAfterSeconds = Math.max(1, Math.ceil(resetInMs / 1000));
      throw new DomainError(
        'RATE_LIMITED',
        `Too many requests to the public catalogue: at most ${max} a minute. Try again in ${retryAfterSeconds} s.`,
        429,
        { retryAfterSeconds },
      );
    }
    return true;
  }
}

/** Public answers may be cached a few minutes by browsers and proxies (published data changes rarely). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300';
