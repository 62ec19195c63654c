import { parseConfig } from '@cf/config';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mailer, messageIdFor } from './mailer';

describe('Mailer without SMTP_URL', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cf-mailer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an RFC 822 .eml file named after the outbox row, with a Message-ID from it', async () => {
    const mailer = new Mailer(parseConfig({ DATA_DIR: dir, MAIL_FROM: 'Fonds <no-reply@grants.example.org>' }));
    const outboxId = '0b6e2a8e-6a39-4b4b-9d2c-0a6a3f1f7f11';
    const sent = await mailer.send({
      outboxId,
      to: 'a@example.org',
      language: 'fr',
      subject: 'Accusé de réception',
      text: 'Bonjour é',
      html: '<p>Bonjour é</p>',
    });
    expect(sent.transport).toBe('file');
    expect(sent.messageId).toBe(`<${outboxId}@grants.example.org>`);
    const files = readdirSync(join(dir, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^\\d{8}T\\d{9}Z-${outboxId}\\.eml$`));
    const eml = readFileSync(join(dir, 'mail', files[0]), 'utf8');
    expect(eml).toContain(`Message-ID: <${outboxId}@grants.example.org>`);
    expect(eml).toContain('To: a@example.org');
    expect(eml).toContain('Content-Language: fr');
    expect(eml).toContain('Subject: =?UTF-8?');
    expect(eml).toContain('multipart/alternative');
    expect(eml).toContain('\r\n');
  });

  it('derives the Message-ID domain from MAIL_FROM', () => {
    expect(messageIdFor('x', 'Challenge Fund <no-reply@challenge-fund.local>')).toBe('<x@challenge-fund.local>');
    expect(messageIdFor('x', 'bare@example.org')).toBe('<x@example.org>');
  });
});
