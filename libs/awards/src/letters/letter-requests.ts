import { OutboxService } from '@cf/notifications';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The outbox topic that asks for a decision's letters, and the job that makes them. */
export const LETTER_TOPIC = 'letter';
export const LETTER_GENERATE_JOB = 'letter.generate';

/** What a `letter` outbox row carries: ids only. */
export interface LetterRequestPayload {
  decisionId: string;
}

/**
 * Asks for a decision's letters by writing a `letter` row to the outbox in the caller's transaction: the letters
 * exist (eventually) if and only if the decision's confirmation commits, even when the queue or the worker is down.
 */
@Injectable()
export class LetterRequests {
  constructor(private readonly outbox: OutboxService) {}

  /** On confirmation: once per decision (a second request with the same decision is not written). */
  requestWithin(manager: EntityManager, decisionId: string): Promise<string | null> {
    const payload: LetterRequestPayload = { decisionId };
    return this.outbox.enqueue(manager, { topic: LETTER_TOPIC, payload: { ...payload }, dedupeKey: `decision:${decisionId}` });
  }

  /** A regeneration asked for by staff: a new request each time (the caller refuses one while another is pending). */
  regenerateWithin(manager: EntityManager, decisionId: string): Promise<string | null> {
    const payload: LetterRequestPayload = { decisionId };
    return this.outbox.enqueue(manager, { topic: LETTER_TOPIC, payload: { ...payload } });
  }

  /** Whether a request for the decision's letters is waiting or being worked on. */
  async pendingWithin(manager: EntityManager, decisionId: string): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM outbox WHERE topic = $1 AND delivered_at IS NULL AND payload->>'decisionId' = $2 LIMIT 1`,
      [LETTER_TOPIC, decisionId],
    );
    return rows.length > 0;
  }
}
