import { RECOMMENDATIONS, REVIEW_STATUSES, type ReviewStatus } from '../types';

/** Choices whose names are i18n keys (react-admin translates choice names). */
export const reviewStatusChoices = REVIEW_STATUSES.map((status) => ({ id: status, name: `cf.review_statuses.${status}` }));

export const recommendationChoices = RECOMMENDATIONS.map((recommendation) => ({
  id: recommendation,
  name: `cf.recommendations.${recommendation}`,
}));

/** The API sorts assignments by dueAt, createdAt, trackingNumber or reviewerName. */
export const ASSIGNMENT_SORT = { field: 'dueAt', order: 'ASC' } as const;

/** Chip colours per review status (the status is always written out too, never colour alone). */
export const reviewStatusColor = (status: ReviewStatus): 'default' | 'info' | 'success' =>
  status === 'submitted' ? 'success' : status === 'draft' ? 'info' : 'default';

/** The API's rule for the comments of a submitted review (it decides; this only warns early). */
export const REVIEW_MIN_COMMENT = 10;
