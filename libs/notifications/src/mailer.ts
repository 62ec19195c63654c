import { APP_CONFIG, AppConfig } from '@cf/config';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import type { MailLanguage } from './templates';

export interface OutgoingMail {
  /** The outbox row: it names the .eml file and makes the Message-ID. */
  outboxId: string;
  to: string;
  language: MailLanguage;
  subject: string;
  text: string;
  html: string;
  attachments?: MailFile[];
}

/** A file attached to a mail. */
export interface MailFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface MailSent {
  transport: 'smtp' | 'file';
  messageId: string;
  /** The .eml file, for the file transport. */
  file?: string;
}

/** `<outbox id>@<domain of MAIL_FROM>`: a resend of the same outbox row carries the same Message-ID. */
export function messageIdFor(outboxId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'challenge-fund.local';
  return `<${outboxId}@${domain}>`;
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise writes each message as an RFC 822 `.eml` file in
 * `DATA_DIR/mail/` (`<send time>-<outbox id>.eml`), which any mail client opens.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private smtp?: ReturnType<typeof createTransport>;
  private readonly file = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Where the file transport writes, or null when mail goes over SMTP. */
  get folder(): string | null {
    return this.config.mail.smtpUrl ? null : resolve(this.config.dataDir, 'mail');
  }

  async send(mail: OutgoingMail): Promise<MailSent> {
    const messageId = messageIdFor(mail.outboxId, this.config.mail.from);
    const message = {
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
      attachments: mail.attachments?.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content })),
      headers: { 'Content-Language': mail.language, 'X-Outbox-Id': mail.outboxId, 'Auto-Submitted': 'auto-generated' },
    };
    if (this.config.mail.smtpUrl) {
      // bounded, so a send always ends well within the delivery lease (SEND_LEASE_SECONDS)
      this.smtp ??= createTransport({
        url: this.config.mail.smtpUrl,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      });
      await this.smtp.sendMail(message);
      return { transport: 'smtp', messageId };
    }
    const info = await this.file.sendMail(message);
    const folder = this.folder!;
    await mkdir(folder, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
    const file = join(folder, `${stamp}-${mail.outboxId}.eml`);
    // written aside then renamed: a reader never sees half a message
    const partial = `${file}.partial`;
    await writeFile(partial, info.message as Buffer);
    await rename(partial, file);
    return { transport: 'file', messageId, file };
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
