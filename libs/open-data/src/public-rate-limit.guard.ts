import { Clock, DomainError } from '@cf/platform';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';

/** Requests one address may make to the public routes per minute (per API process). */
export const PUBLIC_REQUESTS_PER_MINUTE = 600;
const WINDOW_MS = 60_000;
const MAX_TRACKED = 50_000;

/**
 * A fixed-window limit per client address on the public, unauthenticated routes, so a scraper cannot keep the
 * database busy: 429 `RATE_LIMITED` with `Retry-After`. In memory, per process (each API replica counts its own);
 * the responses are also cacheable (Cache-Control, ETag), so a proxy in front takes most of the load.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private windowStart = 0;
  private readonly counts = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const now = this.clock.now().getTime();
    if (now - this.windowStart >= WINDOW_MS || now < this.windowStart) {
      this.windowStart = now;
      this.counts.clear();
    }
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const count = (this.counts.get(key) ?? 0) + 1;
    if (this.counts.size < MAX_TRACKED || this.counts.has(key)) this.counts.set(key, count);
    if (count > PUBLIC_REQUESTS_PER_MINUTE) {
      const retryAfterSeconds = Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
      throw new DomainError(
        'RATE_LIMITED',
        `Too many requests to the public catalogue: at most ${PUBLIC_REQUESTS_PER_MINUTE} a minute. Try again in ${retryAfterSeconds} s.`,
        429,
        { retryAfterSeconds },
      );
    }
    return true;
  }
}

/** Public answers may be cached a few minutes by browsers and proxies (published data changes rarely). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300';
