import { canDo } from '../access';
import { useRoles } from '../proposals/proposal-access';
import type { Project } from './project-types';

export type ProjectAction =
  | 'send_agreement'
  | 'upload_agreement'
  | 'sign_agreement'
  | 'deliver'
  | 'review_milestone'
  | 'reschedule'
  | 'release'
  | 'file_report'
  | 'review_report'
  | 'keep_micro_credentials'
  | 'close';

/** Work on a project stops when it is closed or cancelled (the API answers 409 PROJECT_CLOSED / PROJECT_CANCELLED). */
export const isRunning = (project: Pick<Project, 'status'>): boolean =>
  project.status === 'agreement_pending' || project.status === 'active';

/** May the user take this step on projects (by role; the API checks the record: an applicant's own institution)? */
export const useProjectCan = (): ((action: ProjectAction) => boolean) => {
  const roles = useRoles();
  return (action) => canDo('projects', action, roles);
};
