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
  // review stage (docs/reviews-api.md): reviewers see their own assignments, staff all of them
  assignments: {
    roles: ['reviewer', 'program_officer', 'approver', 'admin'],
    actions: {
      // assignments are made on the review board (auto or manual), not with a form
      create: [],
      edit: [],
      delete: [],
      // the assigned reviewer (the API checks the record)
      review: ['reviewer'],
      declare_conflict: ['reviewer'],
      // staff workflow
      assign: ['program_officer'],
      move: ['program_officer'],
      remove: ['program_officer'],
      reopen: ['program_officer'],
    },
  },
  reviewers: {
    roles: ['program_officer', 'admin'],
    actions: { delete: [] },
  },
  // custom pages (routes in resources.tsx): one fund at a time
  'review-board': {
    roles: ['program_officer', 'approver', 'admin'],
    actions: {
      auto_assign: ['program_officer'],
      assign: ['program_officer'],
      move: ['program_officer'],
      remove: ['program_officer'],
      reopen: ['program_officer'],
      record_conflict: ['program_officer'],
      // GET /api/conflicts
      conflicts: ['program_officer', 'admin'],
      edit_settings: ['program_officer', 'admin'],
    },
  },
  ranking: {
    roles: ['program_officer', 'approver', 'admin'],
    actions: {
      moderate: ['program_officer'],
      export: ['program_officer', 'approver', 'admin'],
    },
  },
  // awards board (docs/api.md, "Awards"): officers recommend; another person confirms or returns
  awards: {
    roles: ['program_officer', 'approver', 'admin'],
    actions: {
      recommend: ['program_officer'],
      // never the recommender (four-eyes rule: the API answers 403 FOUR_EYES)
      confirm: ['approver', 'program_officer'],
      return: ['approver', 'program_officer'],
      rescind: ['approver', 'program_officer'],
      regenerate_letters: ['approver', 'program_officer'],
    },
  },
  // the program dashboard of funded projects, a card of the dashboard (docs/projects-api.md, "Program dashboard")
  'program-dashboard': {
    roles: ['program_officer', 'approver', 'admin'],
  },
  // funded projects (docs/projects-api.md): the institution acts for itself, officers for the ministry; approvers and
  // admins read. An applicant sees their institution's projects only (the API checks the record).
  projects: {
    roles: ['applicant', 'program_officer', 'approver', 'admin'],
    actions: {
      // a project is made by a confirmed award, never with a form
      create: [],
      edit: [],
      delete: [],
      send_agreement: ['program_officer'],
      upload_agreement: ['applicant', 'program_officer'],
      sign_agreement: ['program_officer'],
      deliver: ['applicant'],
      review_milestone: ['program_officer'],
      reschedule: ['program_officer'],
      release: ['program_officer'],
      file_report: ['applicant'],
      review_report: ['program_officer'],
      keep_micro_credentials: ['applicant'],
      close: ['program_officer'],
    },
  },
  'project-reports': {
    roles: ['applicant', 'program_officer', 'approver', 'admin'],
    actions: { create: [], edit: [], delete: [] },
  },
  'project-payments': {
    roles: ['applicant', 'program_officer', 'approver', 'admin'],
    actions: { create: [], edit: [], delete: [] },
  },
  // what-if scenarios (docs/api.md, "Scenarios"): officers create, recompute, apply and delete
  scenarios: {
    roles: ['program_officer', 'approver', 'admin'],
    actions: {
      write: ['program_officer'],
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

/** Reviewers (and no staff role) only see their own assignments: "My assignments". */
export const isReviewerOnly = (roles: readonly string[]): boolean =>
  roles.includes('reviewer') && !roles.some((role) => ['program_officer', 'approver', 'admin'].includes(role));

/** Applicants (and no staff role) only see their institution's proposals: "My proposals". */
export const isApplicantOnly = (roles: readonly string[]): boolean =>
  roles.includes('applicant') && !roles.some((role) => ['program_officer', 'approver', 'admin'].includes(role));
