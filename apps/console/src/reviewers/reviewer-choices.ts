/** The API sorts reviewers by displayName or maxLoad. */
export const REVIEWER_SORT = { field: 'displayName', order: 'ASC' } as const;

/** "Available" / "Inactive" choices of the `active` filter. */
export const reviewerActiveLabels = { trueLabel: 'cf.reviewers.active', falseLabel: 'cf.reviewers.inactive' } as const;
