import { usePermissions } from 'react-admin';
import { canDo } from '../access';
import { useServerNow } from '../common/server-clock';
import { APPLICANT_ACTIVE_STATUSES, type Proposal } from '../types';
import { deadlineState } from './deadline-countdown';

/** The user's roles (react-admin's permissions). */
export const useRoles = (): string[] => {
  const { permissions } = usePermissions<string[]>();
  return Array.isArray(permissions) ? permissions : [];
};

/**
 * May the user act on the proposal as its applicant now (edit, upload, submit, withdraw)?
 * Re-evaluated every `intervalMs` on the server's clock, so buttons go when the deadline passes.
 */
export const useApplicantCan = (
  record: Proposal | undefined,
  action: 'edit' | 'submit' | 'withdraw' | 'upload',
  intervalMs = 1000,
): boolean => {
  const roles = useRoles();
  const now = useServerNow(intervalMs);
  if (!record || !canDo('proposals', action, roles)) return false;
  if (!APPLICANT_ACTIVE_STATUSES.includes(record.status)) return false;
  return !!record.deadline && deadlineState(record.deadline, now) === 'open';
};
