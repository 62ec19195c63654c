import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';

/** Query keys of a fund's awards data (keyed by resource first: react-admin's refresh() re-reads them). */
export const awardKeys = {
  ledger: (fundId: Identifier) => ['funds', 'ledger', String(fundId)] as const,
  decisions: (fundId: Identifier) => ['decisions', 'fund', String(fundId)] as const,
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
