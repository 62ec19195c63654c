import { OutboxJob, OutboxService, OutboxTopic } from '@cf/notifications';
import { JobContext, JobHandler, JobProcessor } from '@cf/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionLetterGenerator } from './decision-letter-generator';
import { LETTER_GENERATE_JOB, LETTER_TOPIC, LetterRequestPayload } from './letter-requests';

/**
 * Makes a decision's letters for one `letter` outbox row (the worker, or the API without Redis). Thin and
 * idempotent: it takes a lease on the row unless it is delivered or leased, and the generator skips what is done.
 * On failure the lease is given back with the error and the queue retries; the relay hands the row over again later.
 */
@Injectable()
@OutboxTopic(LETTER_TOPIC)
@JobProcessor(LETTER_GENERATE_JOB)
export class DecisionLetterProcessor implements JobHandler<OutboxJob> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly generator: DecisionLetterGenerator,
  ) {}

  async handle({ outboxId }: OutboxJob, job?: JobContext): Promise<void> {
    const request = await this.outbox.claim<LetterRequestPayload>(this.dataSource.manager, LETTER_TOPIC, outboxId, job?.id);
    if (!request) return; // done already, or another run holds it
    const stopRenewing = this.outbox.keepLease(this.dataSource.manager, outboxId, job?.id);
    try {
      await this.generator.generate(outboxId, request.decisionId);
    } catch (error) {
      stopRenewing();
      await this.outbox.release(this.dataSource.manager, outboxId, error);
      throw error;
    }
    stopRenewing();
  }
}
