import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';

/** Query keys (keyed by resource first: react-admin's refresh() re-reads them). */
export const scenarioKeys = {
  fund: (fundId: Identifier) => ['scenarios', 'fund', String(fundId)] as const,
  compare: (ids: readonly string[]) => ['scenarios', 'compare', ...ids] as const,
};

/** The fund's scenarios; polled every second while one is being solved. */
export const useFundScenarios = (fundId: Identifier) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: scenarioKeys.fund(fundId),
    queryFn: () => dataProvider.getFundScenarios(fundId),
    refetchInterval: (query) =>
      (query.state.data ?? []).some((s) => s.status === 'queued' || s.status === 'running') ? 1000 : false,
  });
};

/** Side by side, against the first id; only solved scenarios can be compared. */
export const useScenarioComparison = (ids: readonly string[]) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: scenarioKeys.compare(ids),
    queryFn: () => dataProvider.compareScenarios(ids),
    enabled: ids.length > 0,
  });
};
