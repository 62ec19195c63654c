import { APP_CONFIG, AppConfig } from '@cf/config';
import { DomainError } from '@cf/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { backoffMs, DEFAULT_ATTEMPTS, EnqueueOptions, JobQueue, queueOf } from './job-queue';
import { ProcessorRegistry } from './processor-registry';

export function createRedis(url: string, forWorker: boolean): Redis {
  return new Redis(url, {
    // workers block on Redis and must wait for it; producers fail fast so callers can fall back
    maxRetriesPerRequest: forWorker ? null : 1,
    enableOfflineQueue: forWorker,
    lazyConnect: false,
  });
}

/** How long a producer waits by default for Redis to take a job before answering 503 (BullMQ would wait for ever). */
export const DEFAULT_ENQUEUE_TIMEOUT_MS = 3_000;

/** Redis did not take the job: 503, the caller may try again (durable work goes through the outbox instead). */
export class QueueUnavailableError extends DomainError {
  constructor(cause: string) {
    super('QUEUE_UNAVAILABLE', 'The job queue does not answer; try again in a moment', 503, { cause });
  }
}

/** Producer side (the API with REDIS_URL): jobs go to Redis for apps/worker. */
@Injectable()
export class BullJobQueue extends JobQueue implements OnApplicationShutdown {
  readonly mode = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
    this.connection = createRedis(config.redis.url!, false);
    this.connection.on('error', () => undefined); // reported by the health check
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    const id = options.jobId ?? randomUUID();
    const added = this.queue(queueOf(name)).add(name, data, {
      jobId: id,
      delay: options.delayMs,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: backoffMs(1) },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    // a Redis that never answered keeps BullMQ waiting for its first connection: a request must not wait with it.
    // Should the job still arrive later, its id makes it the same job, never a second one.
    const ms = options.timeoutMs ?? DEFAULT_ENQUEUE_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError(`no answer within ${ms} ms`)), ms);
    });
    added.catch(() => undefined); // a late failure after the timeout is not unhandled
    try {
      await Promise.race([added, timeout]);
    } catch (error) {
      throw error instanceof QueueUnavailableError ? error : new QueueUnavailableError((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
    return id;
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.config.redis.queuePrefix });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}

/** Consumer side (apps/worker): one BullMQ Worker per queue that has processors. */
@Injectable()
export class BullWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BullWorkerHost');
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ProcessorRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const queues = new Set(this.registry.names().map(queueOf));
    for (const queue of queues) {
      const connection = createRedis(this.config.redis.url!, true);
      connection.on('error', (err) => this.logger.warn({ err: err.message }, 'Redis connection error'));
      this.connections.push(connection);
      const worker = new Worker(
        queue,
        async (job: Job) => {
          const handler = this.registry.get(job.name);
          if (!handler) throw new Error(`No processor for job ${job.name}`);
          await handler.handle(job.data, { id: job.id!, name: job.name, attempt: job.attemptsMade + 1, runner: 'worker' });
        },
        { connection, prefix: this.config.redis.queuePrefix, concurrency: 8 },
      );
      worker.on('failed', (job, err) => this.logger.warn({ jobId: job?.id, job: job?.name, err: err.message }, 'Job failed'));
      worker.on('error', (err) => this.logger.warn({ err: err.message }, 'Worker error'));
      this.workers.push(worker);
      this.logger.log(`Consuming queue ${queue}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
    for (const c of this.connections) c.disconnect();
  }
}
