import { APP_CONFIG, AppConfig } from '@cf/config';
import { JOB_PROCESSOR, JobQueue } from '@cf/queue';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENQUEUE_TIMEOUT_MS, redispatchDelayMs, RELAY_BATCH } from './outbox-policy';
import { OUTBOX_TOPIC } from './outbox-topic';

/**
 * Hands committed outbox rows to the job queue (API side). Every OUTBOX_POLL_MS it takes the rows
 * due for (re)dispatch with `FOR UPDATE SKIP LOCKED` in a short transaction, so replicas share the
 * work without sending a row twice at the same time; enqueues the topic's job (`@OutboxTopic`) with the job id
 * `<row id>-<attempt>` (the queue drops a duplicate; BullMQ refuses `:` in ids), and sets when to hand it over again should the
 * delivery not be confirmed by then. When the queue refuses (Redis down) the row stays due and the
 * next poll tries again.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private failing = false;
  /** The job of each outbox topic, from the `@OutboxTopic` processors of the application (`mail` → `mail.send`, …). */
  private readonly jobOfTopic = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const { metatype } of this.discovery.getProviders()) {
      if (!metatype) continue;
      const topic = this.reflector.get<string | undefined>(OUTBOX_TOPIC, metatype);
      const job = this.reflector.get<string | undefined>(JOB_PROCESSOR, metatype);
      if (!topic || !job) continue;
      const known = this.jobOfTopic.get(topic);
      if (known && known !== job) throw new Error(`Outbox topic ${topic} has two jobs: ${known} and ${job}`);
      this.jobOfTopic.set(topic, job);
    }
  }

  /** The topics this relay hands over, with their jobs. */
  get topics(): ReadonlyMap<string, string> {
    return this.jobOfTopic;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.queue.mode === 'in-process') {
      // jobs of an in-process queue die with the process that held them: hand those rows over again now
      await this.dataSource
        .query(
          `UPDATE outbox SET next_attempt_at = now()
            WHERE delivered_at IS NULL AND dispatched_at IS NOT NULL AND next_attempt_at > now()
              AND (locked_until IS NULL OR locked_until < now())`,
        )
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not reset the in-process outbox rows'));
    }
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        this.schedule(this.config.mail.outboxPollMs);
      });
    }, delay);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.pollOnce()) === RELAY_BATCH);
    } catch (error) {
      this.logger.warn({ err: error }, 'Outbox poll failed');
    }
  }

  /** One pass: hands the due rows (at most one batch) to the queue. Answers how many it handed over. */
  async pollOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: { id: string; topic: string; attempts: number }[] = await manager.query(
        `SELECT id, topic, attempts FROM outbox
          WHERE delivered_at IS NULL AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
            AND topic = ANY($1)
          ORDER BY next_attempt_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [[...this.jobOfTopic.keys()], RELAY_BATCH],
      );
      let handed = 0;
      for (const row of due) {
        const attempt = row.attempts + 1;
        try {
          await this.queue.enqueue(
            this.jobOfTopic.get(row.topic)!,
            { outboxId: row.id },
            { jobId: `${row.id}-${attempt}`, timeoutMs: ENQUEUE_TIMEOUT_MS },
          );
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await manager.query(`UPDATE outbox SET last_error = $2 WHERE id = $1`, [row.id, `enqueue: ${message}`.slice(0, 2000)]);
          if (!this.failing) this.logger.warn({ err: message }, 'The job queue refused outbox rows; they stay pending');
          this.failing = true;
          break; // the queue is down: the rest waits for the next poll
        }
        await manager.query(
          `UPDATE outbox SET dispatched_at = now(), attempts = $2, next_attempt_at = now() + make_interval(secs => $3)
            WHERE id = $1`,
          [row.id, attempt, redispatchDelayMs(attempt) / 1000],
        );
        handed++;
      }
      if (handed && this.failing) {
        this.failing = false;
        this.logger.log('The job queue accepts outbox rows again');
      }
      return handed;
    });
  }
}
