import { AuthUser, ConflictError, NotFoundError, Role } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ProjectStatus } from './domain/status-machines';

/** Who reaches the project routes at all (checked by the global guard through `@Roles`); reviewers never do. */
export const PROJECT_READERS: Role[] = ['applicant', 'program_officer', 'approver', 'admin'];
/** Who acts for the ministry on a project: sends and signs the agreement, accepts work, releases money. */
export const PROJECT_OFFICERS: Role[] = ['program_officer'];
/** Who acts for the institution: delivers milestones, files reports, keeps the micro-credential records. */
export const PROJECT_INSTITUTION: Role[] = ['applicant'];
/** Either side may upload the signed agreement. */
export const AGREEMENT_UPLOADERS: Role[] = ['applicant', 'program_officer'];

const STAFF: Role[] = ['program_officer', 'approver', 'admin'];

export interface ProjectRef {
  id: string;
  institution_id: string;
  fund_id: string;
  status: ProjectStatus;
  award_cents: string;
  disbursed_cents: string;
  agreement_status: string;
  version: number;
}

/**
 * Record-level access to funded projects, the one place for it: staff read every project; an applicant reads and
 * changes only their institution's; anything else answers 404 (never 403), so another institution's project is not
 * revealed. Sub-records (milestones, tranches, reports, micro-credentials) are reached only through their project.
 */
@Injectable()
export class ProjectAccess {
  isStaff(user: AuthUser): boolean {
    return user.roles.some((r) => STAFF.includes(r));
  }

  isOfficer(user: AuthUser): boolean {
    return user.roles.some((r) => PROJECT_OFFICERS.includes(r));
  }

  isOwnInstitution(user: AuthUser, institutionId: string): boolean {
    return user.roles.includes('applicant') && user.institutionId !== null && user.institutionId === institutionId;
  }

  /** A SQL condition on projects (alias `alias`) restricting to what `user` reads; pushes its parameter. */
  scope(user: AuthUser, params: unknown[], alias = 'pr'): string {
    if (this.isStaff(user)) return 'true';
    if (user.roles.includes('applicant') && user.institutionId)
      return `${alias}.institution_id = $${params.push(user.institutionId)}`;
    return 'false';
  }

  canRead(user: AuthUser, institutionId: string): boolean {
    return this.isStaff(user) || this.isOwnInstitution(user, institutionId);
  }

  /** The project, when the user may read it; `lock` takes the row for the rest of the transaction. */
  async loadReadable(m: EntityManager, user: AuthUser, id: string, lock = false): Promise<ProjectRef> {
    const p = await this.load(m, id, lock);
    if (!p || !this.canRead(user, p.institution_id)) throw new NotFoundError('Project', id);
    return p;
  }

  /** For the institution's own writes: another institution's project (or none) is 404. */
  async loadOwn(m: EntityManager, user: AuthUser, id: string, lock = false): Promise<ProjectRef> {
    const p = await this.load(m, id, lock);
    if (!p || !this.isOwnInstitution(user, p.institution_id)) throw new NotFoundError('Project', id);
    return p;
  }

  /** For officers' writes (the route's roles already admitted only officers). */
  async loadForOfficer(m: EntityManager, user: AuthUser, id: string, lock = false): Promise<ProjectRef> {
    const p = await this.load(m, id, lock);
    if (!p || !this.isOfficer(user)) throw new NotFoundError('Project', id);
    return p;
  }

  private async load(m: EntityManager, id: string, lock: boolean): Promise<ProjectRef | undefined> {
    const [p] = await m.query(
      `SELECT id, institution_id, fund_id, status, award_cents, disbursed_cents, agreement_status, version
         FROM projects WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return p;
  }
}

/** Work on a project stops when it is closed or cancelled: 409 `PROJECT_CLOSED` / `PROJECT_CANCELLED`. */
export function assertRunning(p: Pick<ProjectRef, 'status'>): void {
  if (p.status === 'cancelled' || p.status === 'closed') {
    throw new ConflictError(`PROJECT_${p.status.toUpperCase()}`, `The project is ${p.status}`, { status: p.status });
  }
}
