import { APP_CONFIG, AppConfig } from '@cf/config';
import { NotFoundError } from '@cf/platform';
import { JobHandler, JobProcessor } from '@cf/queue';
import { ObjectStorage } from '@cf/storage';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailFile, Mailer } from './mailer';
import { MAIL_SEND_JOB, MAIL_TOPIC, MailAttachment, MailPayload } from './outbox.service';
import { OutboxTopic } from './outbox-topic';
import { SEND_LEASE_SECONDS } from './outbox-policy';
import { renderMail } from './templates';

export interface MailSendJob {
  outboxId: string;
}

/**
 * Delivers one outbox mail. Idempotent: a delivered row is left alone, and a short lease keeps two
 * deliveries of the same row (a re-dispatch racing a retry) from sending at once. On failure the
 * error is recorded and rethrown, so the queue retries; the relay hands the row over again later.
 */
@Injectable()
@OutboxTopic(MAIL_TOPIC)
@JobProcessor(MAIL_SEND_JOB)
export class MailProcessor implements JobHandler<MailSendJob> {
  private readonly logger = new Logger('MailProcessor');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: ObjectStorage,
  ) {}

  async handle({ outboxId }: MailSendJob): Promise<void> {
    const [claimed]: [{ payload: MailPayload }[], number] = await this.dataSource.query(
      `UPDATE outbox SET locked_until = now() + make_interval(secs => $3)
        WHERE id = $1 AND topic = $2 AND delivered_at IS NULL AND (locked_until IS NULL OR locked_until < now())
        RETURNING payload`,
      [outboxId, MAIL_TOPIC, SEND_LEASE_SECONDS],
    );
    // delivered already, being sent by another job, or not a mail: nothing to do
    if (!claimed.length) return;
    const mail = claimed[0].payload;
    try {
      const rendered = renderMail(mail.template, mail.language, mail.data, { publicUrl: this.config.publicUrl });
      const attachments = await this.readAttachments(outboxId, mail.attachments ?? []);
      await this.mailer.send({ outboxId, to: mail.to, language: mail.language, ...rendered, attachments });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(`UPDATE outbox SET locked_until = NULL, last_error = $2 WHERE id = $1`, [
        outboxId,
        message.slice(0, 2000),
      ]);
      throw error;
    }
    await this.dataSource.query(`UPDATE outbox SET delivered_at = now(), locked_until = NULL WHERE id = $1`, [outboxId]);
  }

  /** The attached files' bytes; one no longer in the store (replaced since) is left out: the mail links to it anyway. */
  private async readAttachments(outboxId: string, attachments: MailAttachment[]): Promise<MailFile[]> {
    const files: MailFile[] = [];
    for (const a of attachments) {
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of await this.storage.get(a.storageKey)) chunks.push(chunk as Buffer);
        files.push({ fileName: a.fileName, contentType: a.contentType, content: Buffer.concat(chunks) });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        this.logger.warn({ outboxId, storageKey: a.storageKey }, 'A mail attachment is no longer stored; sending without it');
      }
    }
    return files;
  }
}
