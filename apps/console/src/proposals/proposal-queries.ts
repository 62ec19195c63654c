import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useGetOne, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';
import type { Fund } from '../types';

/** Query keys of a proposal's sub-resources (react-admin's cache is keyed by resource first). */
export const proposalKeys = {
  attachments: (id: Identifier) => ['proposals', 'attachments', String(id)] as const,
  submissions: (id: Identifier) => ['proposals', 'submissions', String(id)] as const,
  extensions: (id: Identifier) => ['proposals', 'extensions', String(id)] as const,
};

/** The fund of a proposal (criteria, caps, launch window). */
export const useProposalFund = (fundId: string | undefined) =>
  useGetOne<Fund & { id: string }>('funds', { id: fundId ?? '' }, { enabled: !!fundId });

export const useProposalAttachments = (id: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: proposalKeys.attachments(id ?? ''),
    queryFn: () => dataProvider.getProposalAttachments(id!),
    enabled: id !== undefined,
  });
};

export const useProposalSubmissions = (id: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: proposalKeys.submissions(id ?? ''),
    queryFn: () => dataProvider.getProposalSubmissions(id!),
    enabled: id !== undefined,
  });
};

export const useProposalExtensions = (id: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: proposalKeys.extensions(id ?? ''),
    queryFn: () => dataProvider.getProposalExtensions(id!),
    enabled: id !== undefined,
  });
};

/** Re-reads a proposal's sub-resources after a change. */
export const useInvalidateProposal = () => {
  const queryClient = useQueryClient();
  return (id: Identifier) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: proposalKeys.attachments(id) }),
      queryClient.invalidateQueries({ queryKey: proposalKeys.submissions(id) }),
      queryClient.invalidateQueries({ queryKey: proposalKeys.extensions(id) }),
    ]);
};
