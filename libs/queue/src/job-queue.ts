import { SetMetadata } from '@nestjs/common';

export const JOB_PROCESSOR = 'cf:jobProcessor';

export interface JobContext {
  /** Stable id: a retry of the same job carries the same id (processors use it to stay idempotent). */
  id: string;
  name: string;
  /** 1 for the first run. */
  attempt: number;
  /** Where it ran: the worker (BullMQ) or inside the API (the embedded default). */
  runner: 'worker' | 'in-process';
}

/** A processor: thin, idempotent, given ids rather than records. */
export interface JobHandler<T = unknown> {
  handle(data: T, job: JobContext): Promise<void>;
}

/** Marks a provider as the processor of the job `name` (`<queue>.<job>`, e.g. `mail.send`). */
export const JobProcessor = (name: string): ClassDecorator => SetMetadata(JOB_PROCESSOR, name);

export interface EnqueueOptions {
  /** Deduplicates: a job with an id already queued is not added again. */
  jobId?: string;
  delayMs?: number;
  /** Tries before the job is given up (default 5, exponential backoff from 1 s). */
  attempts?: number;
  /** How long to wait for the queue to take the job before answering 503 QUEUE_UNAVAILABLE (default 3 s). */
  timeoutMs?: number;
}

export abstract class JobQueue {
  abstract readonly mode: 'bullmq' | 'in-process';
  abstract enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string>;
}

export const queueOf = (jobName: string): string => {
  const [queue, job] = jobName.split('.');
  if (!queue || !job) throw new Error(`Job names are <queue>.<job>: ${jobName}`);
  return queue;
};

export const DEFAULT_ATTEMPTS = 5;
export const backoffMs = (attempt: number): number => Math.min(60_000, 1000 * 2 ** (attempt - 1));
