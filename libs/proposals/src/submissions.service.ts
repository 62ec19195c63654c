import { AuditService } from '@cf/audit';
import { FundsService } from '@cf/funds';
import { formatLocalDateTime, OutboxService } from '@cf/notifications';
import { AuthUser, Clock, ConflictError, DomainError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { submissionProblems } from './domain/completeness';
import { COUNTS_AS_SUBMISSION } from './domain/proposal-status';
import { ProposalDto, ReceiptDto } from './dto/proposal.dto';
import { ProposalAccess } from './proposal-access';
import { ProposalEntity, SubmissionEntity } from './proposal.entity';
import { contentOf, ProposalContextLoader, toProposalDto, toReceiptDto } from './proposal-view';
import { assertWindowOpen, fundRules, ProposalsService, updateProposal } from './proposals.service';

const UNIQUE_VIOLATION = '23505';

/**
 * `MCF-2021-000123`: the fund's code ($4) and a number from one sequence, so unique across funds; at least six
 * digits, more once the sequence passes 999,999 (lpad alone would cut them).
 */
const TRACKING_NUMBER_SQL = `$4 || '-' || (SELECT CASE WHEN length(n) < 6 THEN lpad(n, 6, '0') ELSE n END
                                             FROM (SELECT nextval('proposal_tracking_seq')::text AS n) s)`;

export interface SubmitResult {
  receipt: ReceiptDto;
  /** True when an earlier submit with the same Idempotency-Key already made this receipt. */
  replayed: boolean;
}

/**
 * Submission, resubmission and withdrawal: the applicant's acts that the deadline governs.
 * Each runs in one transaction with the proposal row locked, so parallel submits serialize,
 * and the receipt is answered only once the snapshot, the audit record and the receipt
 * email (in the outbox) are committed together.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProposalAccess,
    private readonly contexts: ProposalContextLoader,
    private readonly proposals: ProposalsService,
    private readonly funds: FundsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async submit(user: AuthUser, id: string, idempotencyKey: string | null, receivedAt: Date): Promise<SubmitResult> {
    try {
      return await this.dataSource.transaction((m) => this.submitIn(m, user, id, idempotencyKey, receivedAt));
    } catch (e) {
      // Two first submits with one key raced past the lookup: the loser answers the winner's receipt.
      if (idempotencyKey && (e as { code?: string }).code === UNIQUE_VIOLATION) {
        const prior = await this.dataSource.manager.getRepository(SubmissionEntity).findOneBy({ proposalId: id, idempotencyKey });
        if (prior) return { receipt: toReceiptDto(prior, await this.timeZoneOf(id)), replayed: true };
      }
      throw e;
    }
  }

  private async submitIn(
    m: EntityManager,
    user: AuthUser,
    id: string,
    idempotencyKey: string | null,
    receivedAt: Date,
  ): Promise<SubmitResult> {
    const p = await this.access.lockOwn(m, user, id);
    const ctx = await this.contexts.loadOne(m, p);
    // a proposal never submitted (version 0) has no submission to replay: the row lock above makes that certain
    if (idempotencyKey && p.submittedVersion > 0) {
      const prior = await m.getRepository(SubmissionEntity).findOneBy({ proposalId: p.id, idempotencyKey });
      if (prior) return { receipt: toReceiptDto(prior, ctx.timeZone), replayed: true };
    }
    if (p.status !== 'draft' && p.status !== 'submitted') {
      throw new ConflictError('NOT_SUBMITTABLE', `A ${p.status} proposal cannot be submitted`, { status: p.status });
    }
    const onTimeBy = assertWindowOpen(ctx, receivedAt, p.status === 'draft' ? 'submit' : 'resubmit');
    if (p.status === 'submitted' && !p.hasUnsubmittedChanges) {
      throw new ConflictError(
        'NO_CHANGES',
        `Nothing changed since version ${p.submittedVersion} (${p.trackingNumber}); that submission stands`,
        { trackingNumber: p.trackingNumber, version: p.submittedVersion },
      );
    }
    const fund = (await this.funds.find(m, p.fundId))!;
    const problems = submissionProblems(contentOf(p), fundRules(fund), await this.proposals.facts(m, p));
    if (problems.length) {
      throw new DomainError(
        'PROPOSAL_INCOMPLETE',
        `The proposal cannot be submitted yet: ${problems.map((x) => `${x.field}: ${x.reason}`).join('; ')}`,
        422,
        { errors: problems },
      );
    }
    if (p.status === 'draft') {
      // Serialize first submissions of one institution in one fund, then count them.
      await m.query(`SELECT pg_advisory_xact_lock(7401, hashtext($1))`, [`${p.fundId}:${p.institutionId}`]);
      const others: { status: ProposalEntity['status']; trackingNumber: string | null }[] = await m.query(
        `SELECT status, tracking_number AS "trackingNumber" FROM proposals WHERE fund_id = $1 AND institution_id = $2 AND id <> $3`,
        [p.fundId, p.institutionId, p.id],
      );
      const used = others.filter((o) => COUNTS_AS_SUBMISSION(o.status));
      if (used.length >= fund.submissionsPerInstitution) {
        throw new ConflictError(
          'SUBMISSION_LIMIT',
          `${fund.code} accepts ${fund.submissionsPerInstitution} submission(s) per institution, and your institution already submitted ${used
            .map((o) => o.trackingNumber)
            .join(', ')}. Resubmit or withdraw that one instead.`,
          { limit: fund.submissionsPerInstitution, trackingNumbers: used.map((o) => o.trackingNumber) },
        );
      }
    }

    const version = p.submittedVersion + 1;
    const snapshot = {
      ...contentOf(p),
      requestedCents: p.requestedCents,
      partnerContributionCents: p.partnerContributionCents,
      fund: { id: fund.id, code: fund.code },
      institution: { id: p.institutionId, name: ctx.institutionName, type: ctx.institutionType },
      proposalVersion: p.version,
    };
    // the first submission takes its tracking number in the INSERT itself (one statement less on deadline day)
    const [row]: { id: string; tracking_number: string }[] = await m.query(
      `INSERT INTO proposal_submissions
              (proposal_id, version, tracking_number, submitted_at, submitted_by, on_time_by, idempotency_key, snapshot)
       VALUES ($1, $2, COALESCE($3, ${TRACKING_NUMBER_SQL}), $5, $6, $7, $8, $9::jsonb)
       RETURNING id, tracking_number`,
      [p.id, version, p.trackingNumber, fund.code, receivedAt, user.id, onTimeBy, idempotencyKey, JSON.stringify(snapshot)],
    );
    const submission = Object.assign(new SubmissionEntity(), {
      id: row.id,
      proposalId: p.id,
      version,
      trackingNumber: row.tracking_number,
      submittedAt: receivedAt,
      submittedBy: user.id,
      onTimeBy,
      idempotencyKey,
      snapshot,
    });
    const trackingNumber = submission.trackingNumber;
    const wasStatus = p.status;
    const values = {
      status: 'submitted' as const,
      trackingNumber,
      submittedVersion: version,
      lastSubmittedAt: receivedAt,
      hasUnsubmittedChanges: false,
      version: p.version + 1,
    };
    Object.assign(p, values, { updatedAt: await updateProposal(m, p.id, values) });
    await this.audit.record(m, {
      actorId: user.id,
      action: version === 1 ? 'proposal.submit' : 'proposal.resubmit',
      entityType: 'proposal',
      entityId: p.id,
      changes: {
        status: { from: wasStatus, to: 'submitted' },
        version,
        trackingNumber,
        submittedAt: receivedAt.toISOString(),
        onTimeBy,
      },
    });
    await this.outbox.enqueueMail(m, {
      to: user.email,
      language: user.preferredLanguage,
      template: 'submission_receipt',
      data: {
        trackingNumber,
        version,
        proposalTitle: p.title,
        fundName: user.preferredLanguage === 'fr' ? fund.nameFr : fund.nameEn,
        submittedAtLocal: formatLocalDateTime(receivedAt, user.preferredLanguage, ctx.timeZone),
      },
      dedupeKey: `receipt:${submission.id}`,
    });
    return { receipt: toReceiptDto(submission, ctx.timeZone), replayed: false };
  }

  async withdraw(user: AuthUser, id: string, reason: string | undefined, receivedAt: Date): Promise<ProposalDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.lockOwn(m, user, id);
      if (p.status !== 'draft' && p.status !== 'submitted') {
        throw new ConflictError('NOT_WITHDRAWABLE', `A ${p.status} proposal cannot be withdrawn`, { status: p.status });
      }
      const ctx = await this.contexts.loadOne(m, p);
      assertWindowOpen(ctx, receivedAt, 'withdraw');
      const from = p.status;
      Object.assign(p, { status: 'withdrawn', withdrawnAt: receivedAt, version: p.version + 1 });
      const saved = await m.getRepository(ProposalEntity).save(p);
      await this.audit.record(m, {
        actorId: user.id,
        action: 'proposal.withdraw',
        entityType: 'proposal',
        entityId: p.id,
        changes: { status: { from, to: 'withdrawn' }, reason: reason?.trim() || null },
      });
      return toProposalDto(saved, ctx, this.clock.now());
    });
  }

  private async timeZoneOf(proposalId: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT f.time_zone FROM proposals p JOIN funds f ON f.id = p.fund_id WHERE p.id = $1`,
      [proposalId],
    );
    return row?.time_zone ?? 'America/Toronto';
  }
}
