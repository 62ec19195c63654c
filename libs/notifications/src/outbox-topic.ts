import { SetMetadata } from '@nestjs/common';

export const OUTBOX_TOPIC = 'cf:outboxTopic';

/**
 * Marks a `@JobProcessor` as the consumer of an outbox topic: the relay hands each committed row of that topic to
 * this processor's job, `{ outboxId }`. So a context adds a topic (its own durable work) without notifications
 * knowing it: `@OutboxTopic('letter') @JobProcessor('letter.generate') class …`. The processor marks the row
 * delivered (`OutboxService.markDelivered`) when its work is done.
 */
export const OutboxTopic = (topic: string): ClassDecorator => SetMetadata(OUTBOX_TOPIC, topic);

/** What a job of an outbox topic receives. */
export interface OutboxJob {
  outboxId: string;
}
