import { APP_CONFIG, AppConfig } from '@cf/config';
import { JobHandler, JobProcessor } from '@cf/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Mailer } from './mailer';
import { MAIL_SEND_JOB, MAIL_TOPIC, MailPayload } from './outbox.service';
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
@JobProcessor(MAIL_SEND_JOB)
export class MailProcessor implements JobHandler<MailSendJob> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
      await this.mailer.send({ outboxId, to: mail.to, language: mail.language, ...rendered });
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
}
