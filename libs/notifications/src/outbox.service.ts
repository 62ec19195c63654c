import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
}

/** What an outbox row of topic `mail` carries. */
export type MailPayload = Omit<MailRequest, 'dedupeKey'>;

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
    const payload: MailPayload = { to: mail.to, template: mail.template, language: mail.language, data: mail.data };
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO outbox (topic, payload, dedupe_key) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (topic, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [MAIL_TOPIC, JSON.stringify(payload), mail.dedupeKey ?? null],
    );
    return rows[0]?.id ?? null;
  }
}
