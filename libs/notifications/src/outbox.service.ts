import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LEASE_RENEW_MS, SEND_LEASE_SECONDS } from './outbox-policy';
import { assertMailData, MAIL_TEMPLATES, MailLanguage, MailTemplate } from './templates';

/** The outbox topic of mails; the job that delivers one. */
export const MAIL_TOPIC = 'mail';
export const MAIL_SEND_JOB = 'mail.send';

export interface MailRequest {
  to: string;
  template: MailTemplate;
  language: MailLanguage;
  data: Record<string, unknown>;
  /** Makes the enqueue idempotent: a second mail with the same key is not written. */
  dedupeKey?: string;
  /** Files attached from the object store (read when the mail is sent; one gone by then is left out). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  /** Its key in `ObjectStorage`. */
  storageKey: string;
  fileName: string;
  contentType: string;
}

/** What an outbox row of topic `mail` carries. */
export type MailPayload = Omit<MailRequest, 'dedupeKey'>;

/** Another topic's row: its payload carries ids (the job reads the records), never records. */
export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  /** Makes the enqueue idempotent per topic. */
  dedupeKey?: string;
}

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** Writes mails to the transactional outbox; the relay hands them to the queue once committed. */
@Injectable()
export class OutboxService {
  /**
   * Inserts one outbox row in the caller's transaction (`manager`), so the mail exists if and only if
   * the caller's change commits. Answers the row's id, or null when `dedupeKey` was already used.
   * Throws (and the caller's transaction should roll back) on an address, language, template or
   * `data` that cannot make a mail.
   */
  async enqueueMail(manager: EntityManager, mail: MailRequest): Promise<string | null> {
    if (typeof mail.to !== 'string' || !EMAIL.test(mail.to)) throw new Error(`Mail: not an email address: ${String(mail.to)}`);
    if (!MAIL_TEMPLATES.includes(mail.template)) throw new Error(`Mail: unknown template ${String(mail.template)}`);
    if (mail.language !== 'en' && mail.language !== 'fr') throw new Error(`Mail: unknown language ${String(mail.language)}`);
    assertMailData(mail.template, mail.data);
    for (const a of mail.attachments ?? []) {
      if (!a.storageKey || !a.fileName || !a.contentType)
        throw new Error(`Mail: an attachment needs storageKey, fileName, contentType`);
    }
    const payload: MailPayload = {
      to: mail.to,
      template: mail.template,
      language: mail.language,
      data: mail.data,
      ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
    };
    return this.enqueue(manager, { topic: MAIL_TOPIC, payload: { ...payload }, dedupeKey: mail.dedupeKey });
  }

  /**
   * Inserts one row of any topic in the caller's transaction; the relay hands it to the job of an `@OutboxTopic`
   * processor once committed. Answers the row's id, or null when `dedupeKey` was already used for the topic.
   */
  async enqueue(manager: EntityManager, message: OutboxMessage): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO outbox (topic, payload, dedupe_key) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (topic, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [message.topic, JSON.stringify(message.payload), message.dedupeKey ?? null],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * A processor's lease on a row of its topic (SEND_LEASE_SECONDS), unless the row is delivered or leased by another
   * run: answers its payload, or null when there is nothing to do (a duplicate job, a retry after success). `jobId`
   * names the holder: a run of the same job (a retry after its worker was killed) takes its own lease back at once.
   */
  async claim<T = Record<string, unknown>>(
    manager: EntityManager,
    topic: string,
    outboxId: string,
    jobId?: string,
  ): Promise<T | null> {
    const [claimed]: [{ payload: T }[], number] = await manager.query(
      `UPDATE outbox SET locked_until = now() + make_interval(secs => $3), locked_by = $4
        WHERE id = $1 AND topic = $2 AND delivered_at IS NULL
          AND (locked_until IS NULL OR locked_until < now() OR locked_by = $4)
        RETURNING payload`,
      [outboxId, topic, SEND_LEASE_SECONDS, jobId ?? null],
    );
    return claimed[0]?.payload ?? null;
  }

  /**
   * Keeps a claimed row's lease while its work runs: renewed every LEASE_RENEW_MS as long as `jobId` holds it.
   * Call the answer when the work ends, however it ends.
   */
  keepLease(manager: EntityManager, outboxId: string, jobId?: string): () => void {
    const timer = setInterval(() => {
      manager
        .query(
          `UPDATE outbox SET locked_until = now() + make_interval(secs => $3)
            WHERE id = $1 AND delivered_at IS NULL AND locked_by IS NOT DISTINCT FROM $2`,
          [outboxId, jobId ?? null, SEND_LEASE_SECONDS],
        )
        .catch(() => undefined); // the database is away: the lease runs out, and the row is handed over again
    }, LEASE_RENEW_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** The row's work is done: pass the transaction that did the last of it, so both commit together. */
  async markDelivered(manager: EntityManager, outboxId: string, note?: string): Promise<void> {
    await manager.query(
      `UPDATE outbox SET delivered_at = now(), locked_until = NULL, locked_by = NULL, last_error = coalesce($2, last_error)
        WHERE id = $1`,
      [outboxId, note ?? null],
    );
  }

  /** Gives the lease back after a failure, with the error; the queue's retry or the relay's next hand-over tries again. */
  async release(manager: EntityManager, outboxId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await manager.query(`UPDATE outbox SET locked_until = NULL, locked_by = NULL, last_error = $2 WHERE id = $1`, [
      outboxId,
      message.slice(0, 2000),
    ]);
  }
}
