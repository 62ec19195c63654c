import { AuthUser, NotFoundError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

const STAFF_READERS = ['program_officer', 'approver', 'admin'] as const;

/** The reviewer (:scopeReviewer) holds an active assignment on proposal `p` (review_assignments is the review context's). */
const ASSIGNED = `EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.proposal_id = p.id AND ra.reviewer_id = :scopeReviewer AND ra.removed_at IS NULL)`;

/**
 * Who may see and change which proposals: the one place for record-level checks.
 * An applicant sees only their institution's proposals; anything else answers 404, never 403,
 * so the existence of another institution's proposal is not revealed. Staff never see drafts, and
 * see a submitted proposal as submitted (its latest snapshot), not the applicant's unsubmitted edits.
 * A reviewer sees, read-only and as submitted, only the proposals they hold an active assignment on
 * (the review context never assigns a conflicted reviewer and removes an assignment when a conflict
 * is declared or an affiliation added, so a conflicted reviewer gets 404).
 */
@Injectable()
export class ProposalAccess {
  isStaff(user: AuthUser): boolean {
    return user.roles.some((r) => (STAFF_READERS as readonly string[]).includes(r));
  }

  /** Restricts a query on proposals (alias `p`) to what the user may read. */
  scope<T extends object>(user: AuthUser, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    if (this.isStaff(user)) return qb.andWhere('p.submitted_version > 0');
    const own = user.roles.includes('applicant') && user.institutionId;
    const reviewer = user.roles.includes('reviewer');
    const clauses = [
      ...(own ? ['p.institution_id = :scopeInstitution'] : []),
      ...(reviewer ? [`(p.submitted_version > 0 AND ${ASSIGNED})`] : []),
    ];
    if (!clauses.length) return qb.andWhere('false');
    return qb.andWhere(`(${clauses.join(' OR ')})`, { scopeInstitution: user.institutionId, scopeReviewer: user.id });
  }

  /** Staff see what was submitted (a draft is the institution's own until then); applicants their own. */
  canRead(user: AuthUser, p: Pick<ProposalEntity, 'institutionId' | 'submittedVersion'>): boolean {
    return (this.isStaff(user) && p.submittedVersion > 0) || this.isOwnInstitution(user, p);
  }

  /** Whether the reviewer holds an active assignment on the proposal. */
  async isAssignedReviewer(
    manager: EntityManager,
    user: AuthUser,
    p: Pick<ProposalEntity, 'id' | 'submittedVersion'>,
  ): Promise<boolean> {
    if (!user.roles.includes('reviewer') || p.submittedVersion === 0) return false;
    const rows = await manager.query(
      `SELECT 1 FROM review_assignments a WHERE a.proposal_id = $1 AND a.reviewer_id = $2 AND a.removed_at IS NULL`,
      [p.id, user.id],
    );
    return rows.length > 0;
  }

  /** Applicant writes: the user's own institution only. */
  isOwnInstitution(user: AuthUser, p: Pick<ProposalEntity, 'institutionId'>): boolean {
    return user.roles.includes('applicant') && user.institutionId !== null && user.institutionId === p.institutionId;
  }

  async loadReadable(manager: EntityManager, user: AuthUser, id: string): Promise<ProposalEntity> {
    const p = await manager.getRepository(ProposalEntity).findOneBy({ id });
    if (!p || !(this.canRead(user, p) || (await this.isAssignedReviewer(manager, user, p))))
      throw new NotFoundError('Proposal', id);
    return p;
  }

  /** Locks the row for the rest of the transaction. */
  async lockOwn(manager: EntityManager, user: AuthUser, id: string): Promise<ProposalEntity> {
    const p = await manager.getRepository(ProposalEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p || !this.isOwnInstitution(user, p)) throw new NotFoundError('Proposal', id);
    return p;
  }

  async lockAny(manager: EntityManager, id: string): Promise<ProposalEntity> {
    const p = await manager.getRepository(ProposalEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) throw new NotFoundError('Proposal', id);
    return p;
  }
}
