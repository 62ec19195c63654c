import { AuditService } from '@cf/audit';
import { AuthUser, ConflictError, NotFoundError } from '@cf/platform';
import { ProposalAccess } from '@cf/proposals';
import { ObjectStorage } from '@cf/storage';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import type { DecisionKind, DecisionStatus } from '../domain/decision-rules';
import { DecisionLetterDto, LetterStatus, ProposalDecisionDto } from './decision-letter.dto';
import { LetterRequests } from './letter-requests';
import { LETTER_LANGUAGES, letterFileName, LetterLanguage } from './letter-text';

interface LetterRow {
  decision_id: string;
  language: LetterLanguage;
  status: LetterStatus;
  storage_key: string | null;
  byte_size: number | null;
  sha256: string | null;
  generated_at: Date | null;
  emailed_at: Date | null;
  error: string | null;
  tracking_number: string | null;
}

interface DecisionScope {
  id: string;
  status: DecisionStatus;
  kind: DecisionKind;
  institution_id: string;
  tracking_number: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const LETTER_SELECT = `
  SELECT l.decision_id, l.language, l.status, l.storage_key, l.byte_size, l.sha256, l.generated_at, l.emailed_at, l.error,
         p.tracking_number
    FROM decision_letters l
    JOIN award_decisions d ON d.id = l.decision_id
    JOIN proposals p ON p.id = d.proposal_id`;

/**
 * The decision letters as people read them: staff see every letter (with its failures) and may regenerate them; an
 * applicant sees the letters of their own institution's confirmed decisions. Anything else answers 404, like a
 * proposal's attachments (ProposalAccess decides who is staff and whose institution it is).
 */
@Injectable()
export class DecisionLettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProposalAccess,
    private readonly storage: ObjectStorage,
    private readonly requests: LetterRequests,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, decisionId: string): Promise<DecisionLetterDto[]> {
    const d = await this.readable(this.dataSource.manager, user, decisionId);
    return this.lettersOf(d, this.access.isStaff(user));
  }

  async open(
    user: AuthUser,
    decisionId: string,
    language: LetterLanguage,
  ): Promise<{ fileName: string; sizeBytes: number; body: Readable }> {
    const d = await this.readable(this.dataSource.manager, user, decisionId);
    const [row]: LetterRow[] = await this.dataSource.query(`${LETTER_SELECT} WHERE l.decision_id = $1 AND l.language = $2`, [
      d.id,
      language,
    ]);
    if (!row?.storage_key || !row.byte_size) {
      throw new ConflictError('LETTER_PENDING', 'This letter is being prepared; try again in a moment', {
        status: row?.status ?? 'pending',
      });
    }
    return {
      fileName: letterFileName(d.tracking_number ?? '', language),
      sizeBytes: row.byte_size,
      body: await this.storage.get(row.storage_key),
    };
  }

  /** Staff: the letters of a fund's decisions (the awards board). */
  async listForFund(fundId: string): Promise<DecisionLetterDto[]> {
    const rows: LetterRow[] = await this.dataSource.query(
      `${LETTER_SELECT} WHERE d.fund_id = $1 ORDER BY l.decision_id, l.language`,
      [fundId],
    );
    return rows.map((r) => this.toDto(r, true));
  }

  /** A proposal's confirmed decision with its letters, for its applicant (and staff); null before there is one. */
  async forProposal(user: AuthUser, proposalId: string): Promise<ProposalDecisionDto | null> {
    const m = this.dataSource.manager;
    const [p]: { id: string; institution_id: string; submitted_version: number }[] = await m.query(
      `SELECT id, institution_id, submitted_version FROM proposals WHERE id = $1`,
      [proposalId],
    );
    if (!p || !this.canSee(user, { institutionId: p.institution_id, submittedVersion: p.submitted_version })) {
      throw new NotFoundError('Proposal', proposalId);
    }
    const [d] = await m.query(
      `SELECT d.id, d.status, d.kind, d.amount_cents, d.requested_cents, d.conditions, d.decided_at, p.institution_id, p.tracking_number
         FROM award_decisions d JOIN proposals p ON p.id = d.proposal_id
        WHERE d.proposal_id = $1 AND d.status = 'confirmed'`,
      [proposalId],
    );
    if (!d) return null;
    return {
      decisionId: d.id,
      kind: d.kind,
      amountCents: Number(d.amount_cents),
      requestedCents: Number(d.requested_cents),
      conditions: d.conditions,
      decidedAt: new Date(d.decided_at).toISOString(),
      letters: await this.lettersOf(d, this.access.isStaff(user)),
    };
  }

  /** Staff: make the letters again (after a correction, or when they failed); refused while a request is pending. */
  async regenerate(actor: AuthUser, decisionId: string): Promise<DecisionLetterDto[]> {
    return this.dataSource.transaction(async (m) => {
      const [d]: DecisionScope[] = await m.query(
        `SELECT d.id, d.status, d.kind, p.institution_id, p.tracking_number
           FROM award_decisions d JOIN proposals p ON p.id = d.proposal_id WHERE d.id = $1 FOR UPDATE OF d`,
        [decisionId],
      );
      if (!d) throw new NotFoundError('Decision', decisionId);
      if (d.status !== 'confirmed') {
        throw new ConflictError('NOT_CONFIRMED', `Letters are made for confirmed decisions; this one is ${d.status}`, {
          status: d.status,
        });
      }
      if (await this.requests.pendingWithin(m, d.id)) {
        throw new ConflictError('LETTERS_PENDING', 'The letters of this decision are being made; wait until they are done');
      }
      const outboxId = await this.requests.regenerateWithin(m, d.id);
      await m.query(`UPDATE decision_letters SET status = 'pending', error = NULL, updated_at = now() WHERE decision_id = $1`, [
        d.id,
      ]);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'award.letters_regenerate',
        entityType: 'award_decision',
        entityId: d.id,
        changes: { outboxId },
      });
      return this.lettersOf(d, true, m);
    });
  }

  /** Staff see any decision; an applicant only a confirmed decision on their institution's proposal. */
  private async readable(m: EntityManager, user: AuthUser, decisionId: string): Promise<DecisionScope> {
    const [d]: DecisionScope[] = await m.query(
      `SELECT d.id, d.status, d.kind, p.institution_id, p.tracking_number
         FROM award_decisions d JOIN proposals p ON p.id = d.proposal_id WHERE d.id = $1`,
      [decisionId],
    );
    const visible =
      !!d &&
      (this.access.isStaff(user) ||
        (d.status === 'confirmed' && this.access.isOwnInstitution(user, { institutionId: d.institution_id })));
    if (!visible) throw new NotFoundError('Decision', decisionId);
    return d;
  }

  private canSee(user: AuthUser, p: { institutionId: string; submittedVersion: number }): boolean {
    return (this.access.isStaff(user) && p.submittedVersion > 0) || this.access.isOwnInstitution(user, p);
  }

  /** Both languages; a confirmed decision whose job has not run yet shows them pending. */
  private async lettersOf(
    d: Pick<DecisionScope, 'id' | 'status' | 'tracking_number'>,
    staff: boolean,
    m: EntityManager = this.dataSource.manager,
  ): Promise<DecisionLetterDto[]> {
    const rows: LetterRow[] = await m.query(`${LETTER_SELECT} WHERE l.decision_id = $1 ORDER BY l.language`, [d.id]);
    if (d.status !== 'confirmed' && !rows.length) return [];
    return LETTER_LANGUAGES.map((language) => {
      const row = rows.find((r) => r.language === language);
      return this.toDto(
        row ?? {
          decision_id: d.id,
          language,
          status: 'pending',
          storage_key: null,
          byte_size: null,
          sha256: null,
          generated_at: null,
          emailed_at: null,
          error: null,
          tracking_number: d.tracking_number,
        },
        staff,
      );
    });
  }

  private toDto(r: LetterRow, staff: boolean): DecisionLetterDto {
    return {
      decisionId: r.decision_id,
      language: r.language,
      status: r.status,
      fileName: letterFileName(r.tracking_number ?? '', r.language),
      sizeBytes: r.byte_size,
      sha256: r.sha256,
      generatedAt: iso(r.generated_at),
      emailedAt: iso(r.emailed_at),
      downloadUrl: r.storage_key ? `/api/decisions/${r.decision_id}/letters/${r.language}` : null,
      ...(staff ? { error: r.error } : {}),
    };
  }
}
