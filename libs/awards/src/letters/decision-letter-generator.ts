import { formatCents } from '@cf/funds';
import { OutboxService } from '@cf/notifications';
import { ObjectStorage } from '@cf/storage';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import type { DecisionKind, DecisionStatus } from '../domain/decision-rules';
import { DecisionLetterFacts, LETTER_LANGUAGES, letterFileName, LetterLanguage } from './letter-text';
import { renderDecisionLetter } from './render-decision-letter';

/** A letter is a page or two; anything near this is a bug. */
const MAX_LETTER_BYTES = 5 * 1024 * 1024;

/**
 * Letters rendered at once by one process. Rendering takes the event loop (some 20 ms a letter); without Redis the
 * API renders them, and a burst of confirmations (the demo's, a scenario applied) must not crowd out requests.
 */
const RENDER_CONCURRENCY = 2;

interface DecisionForLetter extends DecisionLetterFacts {
  id: string;
  status: DecisionStatus;
  proposalId: string;
  institutionId: string;
  submittedBy: string | null;
}

interface Recipient {
  id: string;
  email: string;
  language: LetterLanguage;
}

/** Where a letter made for a request (an outbox row) is stored: a retry of the same request writes the same key. */
export const letterKey = (decisionId: string, outboxId: string, language: LetterLanguage): string =>
  `decision-letters/${decisionId}/${outboxId}-${language}.pdf`;

/** The decision with what its letter says: the proposal as submitted, its institution, the fund. */
export async function loadDecisionForLetter(m: EntityManager, decisionId: string): Promise<DecisionForLetter | null> {
  const [r] = await m.query(
    `SELECT d.id, d.status, d.kind, d.amount_cents, d.requested_cents, d.conditions, d.decided_at, d.proposal_id,
            p.tracking_number, coalesce(s.snapshot->>'title', p.title) AS title, p.institution_id, i.name AS institution_name,
            f.name_en, f.name_fr, f.time_zone, s.submitted_by
       FROM award_decisions d
       JOIN proposals p ON p.id = d.proposal_id
       JOIN institutions i ON i.id = p.institution_id
       JOIN funds f ON f.id = d.fund_id
       LEFT JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
      WHERE d.id = $1`,
    [decisionId],
  );
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    kind: r.kind as DecisionKind,
    amountCents: Number(r.amount_cents),
    requestedCents: Number(r.requested_cents),
    conditions: r.conditions,
    decidedAt: new Date(r.decided_at ?? Date.now()),
    proposalId: r.proposal_id,
    trackingNumber: r.tracking_number ?? '',
    proposalTitle: r.title ?? '',
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    fundNameEn: r.name_en,
    fundNameFr: r.name_fr,
    timeZone: r.time_zone,
    submittedBy: r.submitted_by,
  };
}

/**
 * Makes a confirmed decision's letters for one request (an outbox row of topic `letter`): renders the PDF in
 * English and in French, stores each under a key of the request (`letterKey`), records it in `decision_letters`
 * (replacing, then deleting, an earlier request's file), and then, in one transaction, writes the mail to the
 * applicant (once per decision and recipient: `dedupeKey`) and marks the request delivered.
 *
 * Idempotent: a language already stored for this request is not rendered again, a retry after a crash between
 * storing and recording overwrites the same key (never a second file), and the mail's dedupe key keeps a retry or
 * a regeneration from writing a second mail.
 */
@Injectable()
export class DecisionLetterGenerator {
  private readonly logger = new Logger('DecisionLetters');
  private rendering = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
    private readonly outbox: OutboxService,
  ) {}

  async generate(outboxId: string, decisionId: string): Promise<void> {
    const decision = await loadDecisionForLetter(this.dataSource.manager, decisionId);
    if (!decision || decision.status !== 'confirmed') {
      // rescinded (or returned) before the job ran: a letter would say what is no longer true
      await this.outbox.markDelivered(
        this.dataSource.manager,
        outboxId,
        `no letter: the decision is ${decision?.status ?? 'gone'}`,
      );
      return;
    }
    await this.dataSource.query(
      `INSERT INTO decision_letters (decision_id, language) SELECT $1, unnest($2::text[]) ON CONFLICT (decision_id, language) DO NOTHING`,
      [decisionId, LETTER_LANGUAGES],
    );
    for (const language of LETTER_LANGUAGES) await this.store(decision, outboxId, language);

    await this.dataSource.transaction(async (m) => {
      const recipients = await this.recipients(m, decision);
      for (const r of recipients) {
        await this.outbox.enqueueMail(m, {
          to: r.email,
          language: r.language,
          template: 'decision_letter',
          data: {
            trackingNumber: decision.trackingNumber || '—',
            proposalTitle: decision.proposalTitle,
            fundName: r.language === 'fr' ? decision.fundNameFr : decision.fundNameEn,
            outcome: decision.kind,
            amountLocal:
              decision.kind === 'fund_full' || decision.kind === 'fund_partial'
                ? formatCents(decision.amountCents, r.language)
                : '',
            consolePath: `/#/proposals/${decision.proposalId}/show`,
          },
          attachments: [
            {
              storageKey: letterKey(decisionId, outboxId, r.language),
              fileName: letterFileName(decision.trackingNumber, r.language),
              contentType: 'application/pdf',
            },
          ],
          dedupeKey: `decision_letter:${decisionId}:${r.id}`,
        });
      }
      if (recipients.length) {
        await m.query(
          `UPDATE decision_letters SET emailed_at = now(), updated_at = now() WHERE decision_id = $1 AND emailed_at IS NULL`,
          [decisionId],
        );
      }
      await this.outbox.markDelivered(
        m,
        outboxId,
        recipients.length ? undefined : 'letters stored; no active applicant to write to',
      );
    });
  }

  private async store(decision: DecisionForLetter, outboxId: string, language: LetterLanguage): Promise<void> {
    const key = letterKey(decision.id, outboxId, language);
    const [row]: { status: string; storage_key: string | null }[] = await this.dataSource.query(
      `SELECT status, storage_key FROM decision_letters WHERE decision_id = $1 AND language = $2`,
      [decision.id, language],
    );
    if (row?.status === 'generated' && row.storage_key === key) return; // this request's file is stored already
    try {
      const pdf = await this.limited(() => renderDecisionLetter(decision, language));
      const put = await this.storage.put(key, Readable.from([pdf]), {
        contentType: 'application/pdf',
        maxBytes: MAX_LETTER_BYTES,
      });
      const [updated]: [{ old: string | null }[], number] = await this.dataSource.query(
        `UPDATE decision_letters l SET status = 'generated', storage_key = $3, byte_size = $4, sha256 = $5, generated_at = now(),
                error = NULL, updated_at = now()
           FROM (SELECT id, storage_key AS old FROM decision_letters WHERE decision_id = $1 AND language = $2 FOR UPDATE) o
          WHERE l.id = o.id RETURNING o.old`,
        [decision.id, language, key, put.sizeBytes, put.sha256],
      );
      const old = updated[0]?.old;
      if (old && old !== key) {
        await this.storage
          .delete(old)
          .catch((error) => this.logger.warn({ err: error, key: old }, 'Could not remove a replaced letter'));
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(
        `UPDATE decision_letters SET status = 'failed', error = $3, updated_at = now() WHERE decision_id = $1 AND language = $2`,
        [decision.id, language, message.slice(0, 2000)],
      );
      throw error;
    }
  }

  /** Runs `work` when fewer than RENDER_CONCURRENCY renders are under way; a finished one hands its slot on. */
  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.rendering < RENDER_CONCURRENCY) this.rendering++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.rendering--;
    }
  }

  /**
   * Who gets the letter: the person who submitted the proposal, while they are an active applicant of its
   * institution; otherwise every active applicant of the institution. Each in their own language.
   */
  private async recipients(m: EntityManager, decision: DecisionForLetter): Promise<Recipient[]> {
    const rows: { id: string; email: string; preferred_language: LetterLanguage }[] = await m.query(
      `SELECT id, email, preferred_language FROM users
        WHERE is_active AND 'applicant' = ANY (roles) AND institution_id = $1
        ORDER BY created_at, id`,
      [decision.institutionId],
    );
    const all = rows.map(
      (r) => ({ id: r.id, email: r.email, language: r.preferred_language === 'fr' ? 'fr' : 'en' }) as Recipient,
    );
    const submitter = all.find((r) => r.id === decision.submittedBy);
    return submitter ? [submitter] : all;
  }
}
