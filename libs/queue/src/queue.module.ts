import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullJobQueue, BullWorkerHost } from './bull-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue } from './job-queue';
import { ProcessorRegistry } from './processor-registry';

export interface QueueModuleOptions {
  /** BullMQ over Redis when set; otherwise jobs run in this process. */
  redisUrl?: string;
  /** The worker consumes; the API only produces (or runs in-process without Redis). */
  role: 'api' | 'worker';
}

@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions): DynamicModule {
    const providers: Provider[] = [ProcessorRegistry];
    if (options.redisUrl) {
      providers.push({ provide: JobQueue, useClass: BullJobQueue });
      if (options.role === 'worker') providers.push(BullWorkerHost);
    } else {
      if (options.role === 'worker') throw new Error('The worker needs REDIS_URL: without it, jobs run inside the API.');
      providers.push({ provide: JobQueue, useClass: InProcessJobQueue });
    }
    return { module: QueueModule, imports: [DiscoveryModule], providers, exports: [JobQueue] };
  }
}
