import { AuditService } from '@cf/audit';
import { formatCents } from '@cf/funds';
import { AuthUser, Clock, ConflictError, likePattern, ListQuery, NotFoundError, Page } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PROJECT_TIME_ZONE } from './domain/overdue-policy';
import { PaymentDto, TrancheDto } from './dto/project.dto';
import { ProjectAccess } from './project-access';
import {
  PAYMENT_LIST_SELECT,
  PAYMENT_SELECT,
  PaymentListRow,
  PaymentRow,
  toPaymentDto,
  toPaymentListDto,
  toTrancheDto,
  TRANCHE_SELECT,
  TrancheRow,
} from './project.queries';

export interface PaymentFilter {
  id?: string[];
  q?: string;
  projectId?: string;
  fundId?: string;
  institutionId?: string;
  releasedFrom?: string;
  releasedTo?: string;
}

const PAYMENT_SORTS: Record<string, string> = {
  releasedAt: 'pay.released_at',
  amountCents: 'pay.amount_cents',
  projectTitle: 'pr.title',
  institutionName: 'i.name',
};

/**
 * Payments: an officer releases a tranche once its milestone is accepted. One transaction claims the tranche
 * (`status = 'scheduled'`, so a tranche is paid once however many officers click), moves the project by one
 * conditional UPDATE (`disbursed + amount <= award`) and the fund's ledger by another (`disbursed + amount <=
 * committed`), writes the payment and its audit record: concurrent releases serialize on the rows and never take
 * disbursed above the award; the CHECKs on both rows back it.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
  ) {}

  async tranches(user: AuthUser, projectId: string): Promise<TrancheDto[]> {
    const m = this.dataSource.manager;
    await this.access.loadReadable(m, user, projectId);
    const rows: TrancheRow[] = await m.query(`${TRANCHE_SELECT} WHERE t.project_id = $1 ORDER BY t.position`, [projectId]);
    return rows.map(toTrancheDto);
  }

  async payments(user: AuthUser, projectId: string): Promise<PaymentDto[]> {
    const m = this.dataSource.manager;
    await this.access.loadReadable(m, user, projectId);
    const rows: PaymentRow[] = await m.query(`${PAYMENT_SELECT} WHERE pay.project_id = $1 ORDER BY pay.released_at, t.position`, [
      projectId,
    ]);
    return rows.map(toPaymentDto);
  }

  /**
   * Payments across projects (the officers' ledger of disbursements; an applicant's own institution's), with the list
   * contract. `releasedFrom`/`releasedTo` are calendar dates in Toronto, both included.
   */
  async search(user: AuthUser, query: ListQuery<PaymentFilter>): Promise<Page<PaymentDto>> {
    const params: unknown[] = [];
    const where = [this.access.scope(user, params, 'pr')];
    const f = query.filter;
    if (f.id) where.push(`pay.id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.q) {
      const i = params.push(likePattern(f.q));
      where.push(`(pr.title ILIKE $${i} OR pr.tracking_number ILIKE $${i} OR i.name ILIKE $${i})`);
    }
    if (f.projectId) where.push(`pay.project_id = $${params.push(f.projectId)}`);
    if (f.fundId) where.push(`pay.fund_id = $${params.push(f.fundId)}`);
    if (f.institutionId) where.push(`pr.institution_id = $${params.push(f.institutionId)}`);
    const localDay = `(pay.released_at AT TIME ZONE '${PROJECT_TIME_ZONE}')::date`;
    if (f.releasedFrom) where.push(`${localDay} >= $${params.push(f.releasedFrom)}::date`);
    if (f.releasedTo) where.push(`${localDay} <= $${params.push(f.releasedTo)}::date`);
    const m = this.dataSource.manager;
    const sql = `${PAYMENT_LIST_SELECT} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM (${sql}) c`, params);
    const order = PAYMENT_SORTS[query.sort.field] ?? 'pay.released_at';
    const rows: PaymentListRow[] = await m.query(
      `${sql} ORDER BY ${order} ${query.sort.order} NULLS LAST, t.position, pay.id LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    return { items: rows.map(toPaymentListDto), total };
  }

  async release(officer: AuthUser, projectId: string, trancheId: string, note: string | undefined): Promise<PaymentDto> {
    return this.dataSource.transaction(async (m) => {
      await this.access.loadForOfficer(m, officer, projectId);
      const [t]: { id: string; status: string; amount_cents: string; milestone_status: string; milestone_title: string }[] =
        await m.query(
          `SELECT t.id, t.status, t.amount_cents, ms.status AS milestone_status, ms.title AS milestone_title
             FROM project_tranches t JOIN project_milestones ms ON ms.id = t.milestone_id
            WHERE t.id = $1 AND t.project_id = $2`,
          [trancheId, projectId],
        );
      if (!t) throw new NotFoundError('Tranche', trancheId);
      if (t.status === 'released') throw this.alreadyReleased(trancheId);
      if (t.milestone_status !== 'accepted') {
        throw new ConflictError(
          'MILESTONE_NOT_ACCEPTED',
          `This tranche is paid when the milestone “${t.milestone_title}” is accepted; it is ${t.milestone_status}`,
          { milestoneStatus: t.milestone_status },
        );
      }
      const now = this.clock.now();
      // 1. Claim the tranche: of concurrent releases of it, one matches; the others wait for it, then match nothing.
      const [claimed]: [{ amount_cents: string }[], number] = await m.query(
        `UPDATE project_tranches SET status = 'released', released_at = $3, released_by = $4
          WHERE id = $1 AND project_id = $2 AND status = 'scheduled' RETURNING amount_cents`,
        [trancheId, projectId, now, officer.id],
      );
      if (!claimed.length) throw this.alreadyReleased(trancheId);
      const amount = Number(claimed[0].amount_cents);
      // 2. The project: one conditional UPDATE, re-evaluated on the latest row when another release committed first.
      const [moved]: [{ disbursed_cents: string; fund_id: string }[], number] = await m.query(
        `UPDATE projects SET disbursed_cents = disbursed_cents + $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'active' AND disbursed_cents + $2 <= award_cents RETURNING disbursed_cents, fund_id`,
        [projectId, amount],
      );
      if (!moved.length) {
        const [p] = await m.query(`SELECT status, award_cents, disbursed_cents FROM projects WHERE id = $1`, [projectId]);
        if (p.status !== 'active') {
          throw new ConflictError(
            'PROJECT_NOT_ACTIVE',
            `Money is paid to an active project (its agreement signed); this one is ${p.status}`,
            {
              status: p.status,
            },
          );
        }
        const remaining = Number(p.award_cents) - Number(p.disbursed_cents);
        throw new ConflictError(
          'AWARD_EXCEEDED',
          `This tranche of ${formatCents(amount)} exceeds what remains of the award: ${formatCents(remaining)}`,
          { amountCents: amount, remainingCents: remaining },
        );
      }
      const fundId = moved[0].fund_id;
      // 3. The fund's ledger: disbursed never passes what is committed.
      const [ledger]: [unknown[], number] = await m.query(
        `UPDATE fund_ledgers SET disbursed_cents = disbursed_cents + $2, updated_at = now()
          WHERE fund_id = $1 AND disbursed_cents + $2 <= committed_cents RETURNING disbursed_cents`,
        [fundId, amount],
      );
      if (!ledger.length) {
        throw new ConflictError('LEDGER_EXCEEDED', 'The fund would pay out more than it committed', { amountCents: amount });
      }
      const [payment] = await m.query(
        `INSERT INTO project_payments (project_id, tranche_id, fund_id, amount_cents, released_by, released_at, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [projectId, trancheId, fundId, amount, officer.id, now, note?.trim() || null],
      );
      const disbursed = Number(moved[0].disbursed_cents);
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'project.payment_release',
        entityType: 'project',
        entityId: projectId,
        changes: {
          paymentId: payment.id,
          trancheId,
          amountCents: amount,
          disbursedCents: { from: disbursed - amount, to: disbursed },
          note: note?.trim() || null,
        },
      });
      const [row] = await m.query(`${PAYMENT_SELECT} WHERE pay.id = $1`, [payment.id]);
      return toPaymentDto(row);
    });
  }

  private alreadyReleased(trancheId: string): ConflictError {
    return new ConflictError('TRANCHE_RELEASED', 'This tranche was already released', { trancheId });
  }
}
