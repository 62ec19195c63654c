import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetOne, type Identifier } from 'react-admin';
import { errorStatus } from '../common/api-error';
import type { AppDataProvider } from '../providers/data-provider';
import type { Proposal } from '../types';

/** Query keys of an assignment's sub-resources (react-admin's cache is keyed by resource first). */
export const assignmentKeys = {
  review: (id: Identifier) => ['assignments', 'review', String(id)] as const,
  peerReviews: (id: Identifier) => ['assignments', 'peer-reviews', String(id)] as const,
};

/** The review of an assignment, with the fund's criteria. */
export const useAssignmentReview = (id: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: assignmentKeys.review(id ?? ''),
    queryFn: () => dataProvider.getAssignmentReview(id!),
    enabled: id !== undefined,
  });
};

/** The other reviewers' submitted reviews (403 until one's own is submitted, or when the fund hides them). */
export const usePeerReviews = (id: Identifier | undefined, enabled: boolean) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: assignmentKeys.peerReviews(id ?? ''),
    queryFn: () => dataProvider.getPeerReviews(id!),
    enabled: enabled && id !== undefined,
    // a 403 is an answer ("hidden"), not a failure to retry
    retry: (count, error) => errorStatus(error) !== 403 && count < 2,
  });
};

/** The proposal under review (the API lets the assigned reviewer read it). */
export const useAssignmentProposal = (proposalId: string | undefined) =>
  useGetOne<Proposal>('proposals', { id: proposalId ?? '' }, { enabled: !!proposalId });
