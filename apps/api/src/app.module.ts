import { AuditModule } from '@cf/audit';
import { AwardsModule } from '@cf/awards';
import { ConfigModule } from '@cf/config';
import { DatabaseModule } from '@cf/database';
import { DemoModule } from '@cf/demo';
import { FundsModule } from '@cf/funds';
import { IdentityModule } from '@cf/identity';
import { InstitutionsModule } from '@cf/institutions';
import { NotificationsModule } from '@cf/notifications';
import { OpenDataModule } from '@cf/open-data';
import { ProjectsModule } from '@cf/projects';
import { ProposalsModule } from '@cf/proposals';
import { ReviewsModule } from '@cf/reviews';
import { createValidationPipe, HttpExceptionFilter, RateLimitModule } from '@cf/platform';
import { QueueModule } from '@cf/queue';
import { SystemModule } from '@cf/system';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Runtime } from './runtime';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Polled every few seconds by balancers and monitoring: not logged per request. */
const UNLOGGED_URLS = new Set(['/api/health', '/api/health/live', '/api/metrics']);

export function loggerModule(level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refreshToken'],
      autoLogging: { ignore: (req: IncomingMessage) => UNLOGGED_URLS.has(req.url ?? '') },
      quietReqLogger: true,
    },
  });
}

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const { config } = runtime;
    const consoleDir = resolve(config.http.consoleDir);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(config.logLevel),
        DatabaseModule.forRoot({
          url: runtime.databaseUrl,
          // PGlite is one session: several pooled connections interleave protocol messages on it
          poolSize: runtime.embedded ? 1 : config.database.poolSize,
          runMigrations: true,
        }),
        QueueModule.forRoot({ redisUrl: config.redis.url, role: 'api' }),
        RateLimitModule.forRoot({ redisUrl: config.redis.url, prefix: config.redis.queuePrefix }),
        ...(existsSync(join(consoleDir, 'index.html'))
          ? [
              ServeStaticModule.forRoot({
                rootPath: consoleDir,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { index: 'index.html', maxAge: '1h' },
              }),
            ]
          : []),
        AuditModule,
        IdentityModule,
        InstitutionsModule,
        FundsModule,
        ProposalsModule,
        ReviewsModule,
        AwardsModule,
        OpenDataModule,
        ProjectsModule,
        NotificationsModule.forRoot({ role: 'api' }),
        SystemModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
