import {
  ATTACHMENT_KINDS,
  BUDGET_CATEGORIES,
  DELIVERY_MODES,
  ONTARIO_REGIONS,
  PARTNER_ROLES,
  PROPOSAL_STATUSES,
  type ProposalStatus,
} from '../types';

/** Choices whose names are i18n keys (react-admin translates choice names). */
export const proposalStatusChoices = PROPOSAL_STATUSES.map((status) => ({ id: status, name: `cf.proposal_statuses.${status}` }));

export const deliveryModeChoices = DELIVERY_MODES.map((mode) => ({ id: mode, name: `cf.delivery_modes.${mode}` }));

export const partnerRoleChoices = PARTNER_ROLES.map((role) => ({ id: role, name: `cf.partner_roles.${role}` }));

export const budgetCategoryChoices = BUDGET_CATEGORIES.map((category) => ({
  id: category,
  name: `cf.budget_categories.${category}`,
}));

export const attachmentKindChoices = ATTACHMENT_KINDS.map((kind) => ({ id: kind, name: `cf.attachment_kinds.${kind}` }));

/** The regions a proposal serves: Ontario's. */
export const servedRegionChoices = ONTARIO_REGIONS.map((region) => ({ id: region, name: `cf.regions.${region}` }));

/** The API sorts proposals by updatedAt, createdAt, title, status, trackingNumber, lastSubmittedAt or requestedCents. */
export const PROPOSAL_SORT = { field: 'updatedAt', order: 'DESC' } as const;

/** Chip colours per status (the status is always written out too, never colour alone). */
export const statusColor = (status: ProposalStatus): 'default' | 'primary' | 'success' | 'error' | 'warning' | 'info' => {
  switch (status) {
    case 'submitted':
      return 'primary';
    case 'eligible':
    case 'recommended':
    case 'awarded':
      return 'success';
    case 'ineligible':
    case 'not_recommended':
    case 'declined':
      return 'error';
    case 'in_review':
    case 'reviewed':
      return 'info';
    default:
      return 'default';
  }
};
