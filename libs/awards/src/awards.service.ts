import { AuditService } from '@cf/audit';
import { formatCents } from '@cf/funds';
import {
  AuthUser,
  Clock,
  ConflictError,
  ForbiddenError,
  ListQuery,
  NotFoundError,
  Page,
  ValidationFailedError,
} from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { commitsMoney, decisionAmount, DecisionKind, DecisionStatus, proposalStatusAfter } from './domain/decision-rules';
import { DecisionDto, LedgerDto, RecommendDto } from './dto/award.dto';
import { LetterRequests } from './letters/letter-requests';
import { AwardEvents } from './award-events';

export interface DecisionFilter {
  fundId?: string;
  proposalId?: string;
  status?: DecisionStatus;
  kind?: DecisionKind;
}

/** Proposals an officer may recommend on: reviewed, or already recommended (after a return). */
const DECIDABLE = ['reviewed', 'recommended', 'not_recommended'];

const DECISION_SELECT = `
  SELECT d.*, p.tracking_number, coalesce(s.snapshot->>'title', p.title) AS title, i.name AS institution_name,
         ru.display_name AS recommended_by_name, du.display_name AS decided_by_name
    FROM award_decisions d
    JOIN proposals p ON p.id = d.proposal_id
    JOIN institutions i ON i.id = p.institution_id
    LEFT JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
    JOIN users ru ON ru.id = d.recommended_by
    LEFT JOIN users du ON du.id = d.decided_by`;

interface DecisionRow {
  id: string;
  fund_id: string;
  proposal_id: string;
  tracking_number: string | null;
  title: string;
  institution_name: string;
  kind: DecisionKind;
  amount_cents: string;
  requested_cents: string;
  conditions: string;
  rationale: string;
  status: DecisionStatus;
  recommended_by: string;
  recommended_by_name: string;
  recommended_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  rescinded_at: Date | null;
  rescind_reason: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toDecisionDto(r: DecisionRow): DecisionDto {
  return {
    id: r.id,
    fundId: r.fund_id,
    proposalId: r.proposal_id,
    trackingNumber: r.tracking_number,
    proposalTitle: r.title,
    institutionName: r.institution_name,
    kind: r.kind,
    amountCents: Number(r.amount_cents),
    requestedCents: Number(r.requested_cents),
    conditions: r.conditions,
    rationale: r.rationale,
    status: r.status,
    recommendedBy: r.recommended_by,
    recommendedByName: r.recommended_by_name,
    recommendedAt: new Date(r.recommended_at).toISOString(),
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    rescindedAt: iso(r.rescinded_at),
    rescindReason: r.rescind_reason,
  };
}

/**
 * Funding decisions with the four-eyes rule, and the envelope ledger. Money moves only in `confirm` and
 * `rescind`, by one conditional UPDATE of the fund's ledger row (`committed + amount <= envelope`), which the
 * row's CHECK backs: however many approvers confirm at once, committed never passes the envelope, and it always
 * equals the sum of the confirmed, not rescinded, fund decisions (both change in the same transaction).
 */
@Injectable()
export class AwardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: AwardEvents,
    private readonly letters: LetterRequests,
  ) {}

  async ledger(fundId: string, m: EntityManager = this.dataSource.manager): Promise<LedgerDto> {
    const [row] = await m.query(
      `SELECT l.fund_id, l.envelope_cents, l.committed_cents, l.disbursed_cents,
              coalesce((SELECT sum(amount_cents) FROM award_decisions d WHERE d.fund_id = l.fund_id AND d.status = 'recommended'), 0) AS recommended,
              (SELECT count(*) FROM award_decisions d WHERE d.fund_id = l.fund_id AND d.status = 'confirmed' AND d.kind IN ('fund_full','fund_partial')) AS awards,
              (SELECT count(*) FROM award_decisions d WHERE d.fund_id = l.fund_id AND d.status = 'confirmed' AND d.kind = 'waitlist') AS waitlisted
         FROM fund_ledgers l WHERE l.fund_id = $1`,
      [fundId],
    );
    if (!row) throw new NotFoundError('Fund', fundId);
    return {
      fundId,
      envelopeCents: Number(row.envelope_cents),
      committedCents: Number(row.committed_cents),
      disbursedCents: Number(row.disbursed_cents),
      remainingCents: Number(row.envelope_cents) - Number(row.committed_cents),
      recommendedCents: Number(row.recommended),
      awards: Number(row.awards),
      waitlisted: Number(row.waitlisted),
    };
  }

  async list(query: ListQuery<DecisionFilter & { id?: string[] }>): Promise<Page<DecisionDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const f = query.filter;
    if (f.id) where.push(`d.id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.fundId) where.push(`d.fund_id = $${params.push(f.fundId)}`);
    if (f.proposalId) where.push(`d.proposal_id = $${params.push(f.proposalId)}`);
    if (f.status) where.push(`d.status = $${params.push(f.status)}`);
    if (f.kind) where.push(`d.kind = $${params.push(f.kind)}`);
    const sql = `${DECISION_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const m = this.dataSource.manager;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM (${sql}) x`, params);
    const order = { recommendedAt: 'd.recommended_at', amountCents: 'd.amount_cents', trackingNumber: 'p.tracking_number' }[
      query.sort.field
    ];
    const rows: DecisionRow[] = await m.query(
      `${sql} ORDER BY ${order ?? 'd.recommended_at'} ${query.sort.order}, d.id LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    return { items: rows.map(toDecisionDto), total };
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<DecisionDto> {
    const [row] = await m.query(`${DECISION_SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw new NotFoundError('Decision', id);
    return toDecisionDto(row);
  }

  /**
   * An officer recommends: fund in full or in part (with conditions), waitlist, or decline, with a rationale.
   * A confirmed waitlist decision is superseded by a new recommendation (promotion when money is released).
   */
  async recommend(officer: AuthUser, dto: RecommendDto): Promise<DecisionDto> {
    return this.dataSource.transaction((m) => this.recommendWithin(m, officer, dto));
  }

  /** `recommend` inside the caller's transaction (a scenario applies many recommendations at once). */
  async recommendWithin(m: EntityManager, officer: AuthUser, dto: RecommendDto): Promise<DecisionDto> {
    const [p] = await m.query(
      `SELECT p.id, p.fund_id, p.status, coalesce((s.snapshot->>'requestedCents')::bigint, p.requested_cents) AS requested
         FROM proposals p LEFT JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
        WHERE p.id = $1 FOR UPDATE OF p`,
      [dto.proposalId],
    );
    if (!p) throw new ValidationFailedError([{ field: 'proposalId', reason: 'is not a proposal' }]);
    const live: { id: string; kind: DecisionKind; status: DecisionStatus }[] = await m.query(
      `SELECT id, kind, status FROM award_decisions WHERE proposal_id = $1 AND status IN ('recommended','confirmed') FOR UPDATE`,
      [p.id],
    );
    const waitlisted = live.find((d) => d.kind === 'waitlist' && d.status === 'confirmed');
    const blocking = live.find((d) => d !== waitlisted);
    if (blocking) {
      throw new ConflictError('DECISION_EXISTS', `This proposal already has a ${blocking.status} ${blocking.kind} decision`, {
        decisionId: blocking.id,
      });
    }
    if (!waitlisted && !DECIDABLE.includes(p.status)) {
      throw new ConflictError('NOT_DECIDABLE', `A ${p.status} proposal cannot be recommended; its reviews must be complete`, {
        status: p.status,
      });
    }
    const amount = decisionAmount(dto.kind, Number(p.requested), dto.amountCents);
    if ('problems' in amount) throw new ValidationFailedError(amount.problems);
    if (waitlisted) {
      await m.query(`UPDATE award_decisions SET status = 'superseded', version = version + 1 WHERE id = $1`, [waitlisted.id]);
    }
    const [row] = await m.query(
      `INSERT INTO award_decisions (fund_id, proposal_id, kind, amount_cents, requested_cents, conditions, rationale, recommended_by, recommended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        p.fund_id,
        p.id,
        dto.kind,
        amount.amountCents,
        p.requested,
        dto.conditions?.trim() ?? '',
        dto.rationale.trim(),
        officer.id,
        this.clock.now(),
      ],
    );
    await this.moveProposal(m, officer, p.id, proposalStatusAfter(dto.kind, 'recommended'));
    await this.audit.record(m, {
      actorId: officer.id,
      action: 'award.recommend',
      entityType: 'award_decision',
      entityId: row.id,
      changes: {
        proposalId: p.id,
        kind: dto.kind,
        amountCents: amount.amountCents,
        conditions: dto.conditions?.trim() ?? '',
        rationale: dto.rationale.trim(),
        ...(waitlisted ? { supersedes: waitlisted.id } : {}),
      },
    });
    return this.get(row.id, m);
  }

  /** Another person confirms: only now does a fund decision commit money, within the envelope. */
  async confirm(approver: AuthUser, id: string, note: string | undefined): Promise<DecisionDto> {
    return this.dataSource.transaction(async (m) => {
      const d = await this.lockRecommended(m, approver, id);
      const decidedAt = this.clock.now();
      if (commitsMoney(d.kind)) {
        // One conditional UPDATE: of many concurrent confirmations, those that fit commit, the others match no row.
        const [moved]: [{ committed_cents: string }[], number] = await m.query(
          `UPDATE fund_ledgers SET committed_cents = committed_cents + $2, updated_at = now()
            WHERE fund_id = $1 AND committed_cents + $2 <= envelope_cents RETURNING committed_cents`,
          [d.fund_id, d.amount_cents],
        );
        if (!moved.length) {
          const ledger = await this.ledger(d.fund_id, m);
          throw new ConflictError(
            'ENVELOPE_EXCEEDED',
            `This award of ${formatCents(Number(d.amount_cents))} exceeds what remains of the envelope: ${formatCents(ledger.remainingCents)}`,
            { remainingCents: ledger.remainingCents, amountCents: Number(d.amount_cents) },
          );
        }
      }
      await m.query(
        `UPDATE award_decisions SET status = 'confirmed', decided_by = $2, decided_at = $3, decision_note = $4, version = version + 1 WHERE id = $1`,
        [id, approver.id, decidedAt, note?.trim() || null],
      );
      await this.moveProposal(m, approver, d.proposal_id, proposalStatusAfter(d.kind, 'confirmed'));
      if (commitsMoney(d.kind)) {
        // Other contexts (funded projects) act in this transaction: all of it commits, or none.
        await this.events.emitConfirmed(m, {
          decisionId: id,
          fundId: d.fund_id,
          proposalId: d.proposal_id,
          kind: d.kind,
          amountCents: Number(d.amount_cents),
          at: decidedAt,
          actor: approver,
        });
      }
      // The decision letters (every kind): asked for through the outbox, so they follow if and only if this commits.
      await this.letters.requestWithin(m, id);
      await this.audit.record(m, {
        actorId: approver.id,
        action: 'award.confirm',
        entityType: 'award_decision',
        entityId: id,
        changes: {
          status: { from: 'recommended', to: 'confirmed' },
          kind: d.kind,
          amountCents: Number(d.amount_cents),
          note: note?.trim() || null,
        },
      });
      return this.get(id, m);
    });
  }

  /** Another person returns the recommendation to the officers (with a note); nothing is committed. */
  async returnToOfficer(approver: AuthUser, id: string, note: string): Promise<DecisionDto> {
    return this.dataSource.transaction(async (m) => {
      const d = await this.lockRecommended(m, approver, id);
      await m.query(
        `UPDATE award_decisions SET status = 'returned', decided_by = $2, decided_at = $3, decision_note = $4, version = version + 1 WHERE id = $1`,
        [id, approver.id, this.clock.now(), note.trim()],
      );
      await this.moveProposal(m, approver, d.proposal_id, 'reviewed');
      await this.audit.record(m, {
        actorId: approver.id,
        action: 'award.return',
        entityType: 'award_decision',
        entityId: id,
        changes: { status: { from: 'recommended', to: 'returned' }, note: note.trim() },
      });
      return this.get(id, m);
    });
  }

  /** Rescinds a confirmed award: the money goes back to the envelope (not below what was disbursed). */
  async rescind(actor: AuthUser, id: string, reason: string): Promise<DecisionDto> {
    return this.dataSource.transaction(async (m) => {
      const [d] = await m.query(`SELECT * FROM award_decisions WHERE id = $1 FOR UPDATE`, [id]);
      if (!d) throw new NotFoundError('Decision', id);
      if (d.status !== 'confirmed' || !commitsMoney(d.kind)) {
        throw new ConflictError('NOT_RESCINDABLE', 'Only a confirmed award can be rescinded', { status: d.status, kind: d.kind });
      }
      const rescindedAt = this.clock.now();
      // A funded project that was paid refuses (409); otherwise it is cancelled, in this transaction.
      await this.events.emitRescinding(m, {
        decisionId: id,
        fundId: d.fund_id,
        proposalId: d.proposal_id,
        kind: d.kind,
        amountCents: Number(d.amount_cents),
        at: rescindedAt,
        actor,
        reason: reason.trim(),
      });
      const [moved]: [unknown[], number] = await m.query(
        `UPDATE fund_ledgers SET committed_cents = committed_cents - $2, updated_at = now()
          WHERE fund_id = $1 AND committed_cents - $2 >= disbursed_cents RETURNING committed_cents`,
        [d.fund_id, d.amount_cents],
      );
      if (!moved.length)
        throw new ConflictError('ALREADY_DISBURSED', 'Money of this fund was paid out beyond what rescinding would leave');
      await m.query(
        `UPDATE award_decisions SET status = 'rescinded', rescinded_by = $2, rescinded_at = $3, rescind_reason = $4, version = version + 1 WHERE id = $1`,
        [id, actor.id, rescindedAt, reason.trim()],
      );
      await this.moveProposal(m, actor, d.proposal_id, 'declined');
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'award.rescind',
        entityType: 'award_decision',
        entityId: id,
        changes: { status: { from: 'confirmed', to: 'rescinded' }, amountCents: Number(d.amount_cents), reason: reason.trim() },
      });
      return this.get(id, m);
    });
  }

  private async lockRecommended(m: EntityManager, approver: AuthUser, id: string) {
    const [d] = await m.query(`SELECT * FROM award_decisions WHERE id = $1 FOR UPDATE`, [id]);
    if (!d) throw new NotFoundError('Decision', id);
    if (d.status !== 'recommended') {
      throw new ConflictError('NOT_RECOMMENDED', `This decision is ${d.status}, not awaiting confirmation`, { status: d.status });
    }
    if (d.recommended_by === approver.id) {
      throw new ForbiddenError('Four eyes: the person who recommended a decision cannot confirm or return it', 'FOUR_EYES');
    }
    return d as { fund_id: string; proposal_id: string; kind: DecisionKind; amount_cents: string };
  }

  private async moveProposal(m: EntityManager, actor: AuthUser, proposalId: string, to: string | null): Promise<void> {
    if (!to) return;
    const [changed]: [{ from: string }[], number] = await m.query(
      `UPDATE proposals p SET status = $2, updated_at = now() FROM (SELECT status AS from FROM proposals WHERE id = $1) o
        WHERE p.id = $1 AND p.status <> $2 RETURNING o.from`,
      [proposalId, to],
    );
    if (changed.length) {
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'proposal.decision_stage',
        entityType: 'proposal',
        entityId: proposalId,
        changes: { status: { from: changed[0].from, to } },
      });
    }
  }
}
