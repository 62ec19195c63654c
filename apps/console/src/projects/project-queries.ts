import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';

/** Query keys of a project's sub-records (keyed by resource first: react-admin's refresh() re-reads them). */
export const projectKeys = {
  milestones: (id: Identifier) => ['projects', String(id), 'milestones'] as const,
  tranches: (id: Identifier) => ['projects', String(id), 'tranches'] as const,
  payments: (id: Identifier) => ['projects', String(id), 'payments'] as const,
  reports: (id: Identifier) => ['projects', String(id), 'reports'] as const,
  microCredentials: (id: Identifier) => ['projects', String(id), 'micro-credentials'] as const,
};

export const useProjectMilestones = (projectId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: projectKeys.milestones(projectId ?? ''),
    queryFn: () => dataProvider.getProjectMilestones(projectId!),
    enabled: !!projectId,
  });
};

export const useProjectTranches = (projectId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: projectKeys.tranches(projectId ?? ''),
    queryFn: () => dataProvider.getProjectTranches(projectId!),
    enabled: !!projectId,
  });
};

export const useProjectPayments = (projectId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: projectKeys.payments(projectId ?? ''),
    queryFn: () => dataProvider.getProjectPayments(projectId!),
    enabled: !!projectId,
  });
};

export const useProjectReports = (projectId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: projectKeys.reports(projectId ?? ''),
    queryFn: () => dataProvider.getProjectReports(projectId!),
    enabled: !!projectId,
  });
};

export const useProjectMicroCredentials = (projectId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: projectKeys.microCredentials(projectId ?? ''),
    queryFn: () => dataProvider.getProjectMicroCredentials(projectId!),
    enabled: !!projectId,
  });
};
