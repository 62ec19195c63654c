import { AuthUser, NotFoundError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

const STAFF_READERS = ['program_officer', 'approver', 'admin'] as const;

/**
 * Who may see and change which proposals: the one place for record-level checks.
 * An applicant sees only their institution's proposals; anything else answers 404, never 403,
 * so the existence of another institution's proposal is not revealed. Staff never see drafts, and
 * see a submitted proposal as submitted (its latest snapshot), not the applicant's unsubmitted edits.
 */
@Injectable()
export class ProposalAccess {
  isStaff(user: AuthUser): boolean {
    return user.roles.some((r) => (STAFF_READERS as readonly string[]).includes(r));
  }

  /** Restricts a query on proposals (alias `p`) to what the user may read. */
  scope<T extends object>(user: AuthUser, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    if (this.isStaff(user)) return qb.andWhere('p.submitted_version > 0');
    if (user.roles.includes('applicant') && user.institutionId) {
      return qb.andWhere('p.institution_id = :scopeInstitution', { scopeInstitution: user.institutionId });
    }
    return qb.andWhere('false');
  }

  /** Staff see what was submitted (a draft is the institution's own until then); applicants their own. */
  canRead(user: AuthUser, p: Pick<ProposalEntity, 'institutionId' | 'submittedVersion'>): boolean {
    return (this.isStaff(user) && p.submittedVersion > 0) || this.isOwnInstitution(user, p);
  }

  /** Applicant writes: the user's own institution only. */
  isOwnInstitution(user: AuthUser, p: Pick<ProposalEntity, 'institutionId'>): boolean {
    return user.roles.includes('applicant') && user.institutionId !== null && user.institutionId === p.institutionId;
  }

  async loadReadable(manager: EntityManager, user: AuthUser, id: string): Promise<ProposalEntity> {
    const p = await manager.getRepository(ProposalEntity).findOneBy({ id });
    if (!p || !this.canRead(user, p)) throw new NotFoundError('Proposal', id);
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
