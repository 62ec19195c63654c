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
