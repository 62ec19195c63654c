import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useStore, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';

/** Query keys of a fund's review data (react-admin's cache is keyed by resource first: refresh() re-reads them). */
export const reviewKeys = {
  progress: (fundId: Identifier) => ['funds', 'review-progress', String(fundId)] as const,
  settings: (fundId: Identifier) => ['funds', 'review-settings', String(fundId)] as const,
  ranking: (fundId: Identifier, flaggedOnly: boolean) => ['funds', 'ranking', String(fundId), flaggedOnly] as const,
  reviewerOptions: (proposalId: Identifier) => ['proposals', 'reviewer-options', String(proposalId)] as const,
};

/** The fund last opened on the review board or the ranking (kept in the store). */
export const useLastReviewFund = () => useStore<string | undefined>('cf.review.fundId', undefined);

export const useReviewProgress = (fundId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: reviewKeys.progress(fundId ?? ''),
    queryFn: () => dataProvider.getReviewProgress(fundId!),
    enabled: !!fundId,
  });
};

export const useReviewSettings = (fundId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: reviewKeys.settings(fundId ?? ''),
    queryFn: () => dataProvider.getReviewSettings(fundId!),
    enabled: !!fundId,
    retry: false,
  });
};

export const useReviewerOptions = (proposalId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: reviewKeys.reviewerOptions(proposalId ?? ''),
    queryFn: () => dataProvider.getReviewerOptions(proposalId!),
    enabled: !!proposalId,
  });
};

export const useRanking = (fundId: Identifier | undefined, flaggedOnly: boolean) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: reviewKeys.ranking(fundId ?? '', flaggedOnly),
    queryFn: () => dataProvider.getRanking(fundId!, flaggedOnly ? { disagreement: true } : {}),
    enabled: !!fundId,
  });
};
