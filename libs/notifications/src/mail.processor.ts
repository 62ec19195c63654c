import { APP_CONFIG, AppConfig } from '@cf/config';
import { NotFoundError } from '@cf/platform';
import { JobContext, JobHandler, JobProcessor } from '@cf/queue';
import { ObjectStorage } from '@cf/storage';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailFile, Mailer } from './mailer';
import { MAIL_SEND_JOB, MAIL_TOPIC, MailAttachment, MailPayload, OutboxService } from './outbox.service';
import { OutboxTopic } from './outbox-topic';
import { renderMail } from './templates';

/** Tries to record a sent mail: 250 ms, 0.5 s, 1 s … 8 s apart, about 16 s in all, well within the lease. */
const RECORD_DELIVERY_ATTEMPTS = 7;

export interface MailSendJob {
  outboxId: string;
}

/**
 * Delivers one outbox mail. Idempotent: a delivered row is left alone, and a short lease keeps two
 * deliveries of the same row (a re-dispatch racing a retry) from sending at once; the lease names its job, so
 * a run of the same job after its worker died takes it back rather than waiting for it to expire. On failure the
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
    private readonly outbox: OutboxService,
  ) {}

  async handle({ outboxId }: MailSendJob, job?: JobContext): Promise<void> {
    // the lease names its job: a retry of that job (its worker was killed mid-send) takes it back at once
    const mail = await this.outbox.claim<MailPayload>(this.dataSource.manager, MAIL_TOPIC, outboxId, job?.id);
    // delivered already, being sent by another job, or not a mail: nothing to do
    if (!mail) return;
    const stopRenewing = this.outbox.keepLease(this.dataSource.manager, outboxId, job?.id);
    try {
      const rendered = renderMail(mail.template, mail.language, mail.data, { publicUrl: this.config.publicUrl });
      const attachments = await this.readAttachments(outboxId, mail.attachments ?? []);
      await this.mailer.send({ outboxId, to: mail.to, language: mail.language, ...rendered, attachments });
    } catch (error) {
      stopRenewing();
      await this.outbox.release(this.dataSource.manager, outboxId, error);
      throw error;
    }
    try {
      await this.recordDelivery(outboxId);
    } finally {
      stopRenewing();
    }
  }

  /**
   * The mail has gone: record it, insisting through a database blip (a restart takes seconds) while the lease holds,
   * since a row left undelivered is sent again.
   */
  private async recordDelivery(outboxId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.outbox.markDelivered(this.dataSource.manager, outboxId);
      } catch (error) {
        // the application is closing its database (shutdown): give up now, the row is handed over again later
        if (attempt >= RECORD_DELIVERY_ATTEMPTS || !this.dataSource.isInitialized) throw error;
        this.logger.warn(
          { outboxId, attempt, err: error instanceof Error ? error.message : String(error) },
          'Could not record a sent mail yet; retrying',
        );
        await new Promise((r) => setTimeout(r, 250 * 2 ** (attempt - 1)));
      }
    }
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
