import { AwardsJobsModule, DecisionLettersJobsModule } from '@cf/awards';
import { ConfigModule, AppConfig } from '@cf/config';
import { DatabaseModule } from '@cf/database';
import { NotificationsModule } from '@cf/notifications';
import { QueueModule } from '@cf/queue';
import { SystemModule } from '@cf/system';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/** The worker: the same processors as the API's in-process mode, fed by BullMQ. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        // the API applies migrations; the worker never changes the schema
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: Math.min(config.database.poolSize, 5), runMigrations: false }),
        QueueModule.forRoot({ redisUrl: config.redis.url, role: 'worker' }),
        SystemModule,
        NotificationsModule.forRoot({ role: 'worker' }),
        AwardsJobsModule,
        DecisionLettersJobsModule,
      ],
    };
  }
}
