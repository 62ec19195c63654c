import { AppConfig, ConfigError } from '@cf/config';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  const problems = [];
  if (!config.redis.url)
    problems.push({ variable: 'REDIS_URL', reason: 'is required by the worker (without it, jobs run inside the API)' });
  if (!config.database.url)
    problems.push({
      variable: 'DATABASE_URL',
      reason: 'is required by the worker (the embedded database lives in the API process)',
    });
  if (problems.length) throw new ConfigError(problems);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, config.database.url!), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
