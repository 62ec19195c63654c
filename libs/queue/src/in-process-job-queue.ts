import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { backoffMs, DEFAULT_ATTEMPTS, EnqueueOptions, JobQueue } from './job-queue';
import { ProcessorRegistry } from './processor-registry';

/**
 * The embedded default (no REDIS_URL): the same processors run inside the API process, with
 * delays and retries. Jobs pending at shutdown are lost from memory; durable work is written to
 * the database first (the outbox) and enqueued again from there.
 */
@Injectable()
export class InProcessJobQueue extends JobQueue implements OnApplicationShutdown {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly registry: ProcessorRegistry) {
    super();
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    if (!this.registry.get(name)) throw new Error(`No processor for job ${name}`);
    const id = options.jobId ?? randomUUID();
    if (this.pending.has(id)) return id;
    this.schedule(id, name, data, 1, options.attempts ?? DEFAULT_ATTEMPTS, options.delayMs ?? 0);
    return id;
  }

  private schedule(id: string, name: string, data: unknown, attempt: number, attempts: number, delay: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.pending.delete(id);
      const run = this.run(id, name, data, attempt, attempts).finally(() => this.running.delete(run));
      this.running.add(run);
    }, delay);
    timer.unref?.();
    this.pending.set(id, timer);
  }

  private async run(id: string, name: string, data: unknown, attempt: number, attempts: number): Promise<void> {
    try {
      await this.registry.get(name)!.handle(data, { id, name, attempt, runner: 'in-process' });
    } catch (error) {
      if (attempt < attempts) {
        this.logger.warn({ err: error, jobId: id, job: name, attempt }, 'Job failed; retrying');
        this.schedule(id, name, data, attempt + 1, attempts, backoffMs(attempt));
      } else {
        this.logger.error({ err: error, jobId: id, job: name, attempt }, 'Job failed; giving up');
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.allSettled([...this.running]);
  }
}
