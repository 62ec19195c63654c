import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthController } from './health.controller';
import { JobRunEntity } from './job-run.entity';
import { HttpMetricsMiddleware, MetricsController } from './metrics';
import { PingProcessor } from './ping.processor';
import { SystemController } from './system.controller';

@Module({
  imports: [TypeOrmModule.forFeature([JobRunEntity]), TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController, SystemController],
  providers: [PingProcessor, HttpMetricsMiddleware],
})
export class SystemModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
