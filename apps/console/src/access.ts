import type { Role } from './types';

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | string;

/**
 * Who may use each resource of the console. Adding a resource (proposals,
 * reviews, awards...) means adding an entry here and one in resources.tsx.
 */
export interface ResourceAccess {
  /** roles that see the resource (menu, list, show) */
  roles: readonly Role[];
  /** per-action restrictions; an action not listed is allowed to `roles` */
  actions?: Partial<Record<Action, readonly Role[]>>;
}

export const RESOURCE_ACCESS: Record<string, ResourceAccess> = {
  users: {
    roles: ['admin'],
    actions: { delete: [] },
  },
  institutions: {
    roles: ['admin', 'program_officer', 'approver'],
    actions: { create: [], edit: [], delete: [] },
  },
  proposals: {
    roles: ['applicant', 'program_officer', 'approver', 'admin'],
    actions: {
      // the applicant's own institution's proposals (the API checks the record)
      create: ['applicant'],
      edit: ['applicant'],
      submit: ['applicant'],
      withdraw: ['applicant'],
      upload: ['applicant'],
      delete: [],
      // staff workflow
      screen: ['program_officer'],
      extend: ['program_officer'],
      export: ['program_officer', 'approver', 'admin'],
    },
  },
  funds: {
    roles: ['applicant', 'reviewer', 'program_officer', 'approver', 'admin'],
    actions: { create: ['admin', 'program_officer'], edit: ['admin', 'program_officer'], delete: [] },
  },
  'partner-organizations': {
    roles: ['applicant', 'program_officer', 'approver', 'admin'],
    actions: {
      create: ['applicant', 'program_officer', 'admin'],
      edit: ['program_officer', 'admin'],
      delete: [],
    },
  },
};

const intersects = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

export const canSeeResource = (resource: string, roles: readonly string[]): boolean => {
  const access = RESOURCE_ACCESS[resource];
  return !!access && intersects(access.roles, roles);
};

export const canDo = (resource: string, action: Action, roles: readonly string[]): boolean => {
  const access = RESOURCE_ACCESS[resource];
  if (!access || !intersects(access.roles, roles)) return false;
  const allowed = access.actions?.[action];
  return allowed === undefined || intersects(allowed, roles);
};

/** Applicants (and no staff role) only see their institution's proposals: "My proposals". */
export const isApplicantOnly = (roles: readonly string[]): boolean =>
  roles.includes('applicant') && !roles.some((role) => ['program_officer', 'approver', 'admin'].includes(role));
