import { APP_CONFIG, AppConfig } from '@cf/config';
import { Public } from '@cf/platform';
import { Controller, Get, Inject, OnModuleDestroy } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthIndicatorFunction,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Redis } from 'ioredis';

/** How long the liveness check waits for the database's `SELECT 1` before answering 503. */
export const LIVENESS_DB_TIMEOUT_MS = 1500;

/**
 * Readiness (`GET /api/health`): the database and, when configured, Redis; 503 when one is down. For monitoring and
 * the container start order.
 *
 * Liveness (`GET /api/health/live`): this process serves requests and the database answers; never Redis. For load
 * balancers: while Redis is down submissions keep working (jobs wait in the PostgreSQL outbox), so a Redis outage must
 * not take every replica out of the balancer.
 */
@ApiTags('system')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private redis?: Redis;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [() => this.db.pingCheck('database', { timeout: 3000 })];
    const url = this.config.redis.url;
    if (url) {
      checks.push(() =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            if (!this.redis) {
              this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
              this.redis.on('error', () => undefined); // reported as down below
            }
            await this.redis.ping();
          })
          .withTimeout(2000),
      );
    }
    return this.health.check(checks);
  }

  @Public()
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([() => this.db.pingCheck('database', { timeout: LIVENESS_DB_TIMEOUT_MS })]);
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
