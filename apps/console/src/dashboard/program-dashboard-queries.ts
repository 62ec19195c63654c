import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useStore, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';

/** Keyed by resource first (`funds`): react-admin's refresh() re-reads it. */
export const programDashboardKeys = {
  fund: (fundId: Identifier) => ['funds', 'dashboard', String(fundId)] as const,
};

/** The fund last picked on the program dashboard (kept across visits). */
export const useProgramDashboardFund = () => useStore<string | undefined>('cf.program_dashboard.fundId', undefined);

/** GET /api/funds/:fundId/dashboard: the figures are computed on every read (overdue moves with the server's clock). */
export const useFundDashboard = (fundId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: programDashboardKeys.fund(fundId ?? ''),
    queryFn: () => dataProvider.getFundDashboard(fundId!),
    enabled: !!fundId,
  });
};
