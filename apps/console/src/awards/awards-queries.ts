import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';

/** Query keys of a fund's awards data (keyed by resource first: react-admin's refresh() re-reads them). */
export const awardKeys = {
  ledger: (fundId: Identifier) => ['funds', 'ledger', String(fundId)] as const,
  decisions: (fundId: Identifier) => ['decisions', 'fund', String(fundId)] as const,
  letters: (fundId?: Identifier) => (fundId === undefined ? ['decisions', 'letters'] : ['decisions', 'letters', String(fundId)]),
};

/** GET /api/funds/:fundId/ledger */
export const useLedger = (fundId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: awardKeys.ledger(fundId ?? ''),
    queryFn: () => dataProvider.getLedger(fundId!),
    enabled: !!fundId,
  });
};

/** Every decision of the fund, most recent first. */
export const useFundDecisions = (fundId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: awardKeys.decisions(fundId ?? ''),
    queryFn: () => dataProvider.getFundDecisions(fundId!),
    enabled: !!fundId,
  });
};

/**
 * The letters of the fund's decisions; read again every few seconds while a confirmed decision (`confirmedIds`) has
 * a letter still being prepared (the job runs in the background after the confirmation).
 */
export const useFundDecisionLetters = (fundId: Identifier | undefined, confirmedIds: readonly string[]) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: awardKeys.letters(fundId ?? ''),
    queryFn: () => dataProvider.getFundDecisionLetters(fundId!),
    enabled: !!fundId,
    refetchInterval: (query) => {
      const letters = query.state.data ?? [];
      const waiting = confirmedIds.some(
        (id) => letters.filter((l) => l.decisionId === id && (l.status === 'generated' || l.status === 'failed')).length < 2,
      );
      return waiting ? 3000 : false;
    },
  });
};
