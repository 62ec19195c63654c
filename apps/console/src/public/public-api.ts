import { keepPreviousData, useQuery } from '@tanstack/react-query';

/** The public, unauthenticated API (libs/open-data): no token is ever sent. */
const PUBLIC_API = '/api/public';

export type PublicLanguage = 'en' | 'fr';

export interface PublicPartner {
  name: string;
  kind: string;
  sector: string;
}

export interface PublicProject {
  id: string;
  fundId: string;
  fundCode: string;
  fundNameEn: string;
  fundNameFr: string;
  title: string;
  summary: string;
  institutionId: string;
  institutionName: string;
  institutionType: string;
  region: string;
  sectors: string[];
  areasOfFocus: string[];
  regionsServed: string[];
  status: 'active' | 'closed';
  awardCents: number;
  awardedOn: string;
  startOn: string;
  endOn: string;
  partners: PublicPartner[];
  microCredentialCount: number;
}

export interface PublicMicroCredential {
  id: string;
  title: string;
  sector: string;
  areaOfFocus: string;
  deliveryMode: string;
  hours: number;
  plannedLaunchOn: string | null;
  launchedOn: string | null;
  osapStatus: string;
  workIntegratedLearning: boolean;
  stackable: boolean;
  projectId: string;
  projectTitle: string;
  fundId: string;
  fundCode: string;
  institutionId: string;
  institutionName: string;
  institutionType: string;
  region: string;
}

export interface PublicProjectDetail extends PublicProject {
  microCredentials: PublicMicroCredential[];
}

export interface FacetBucket {
  value: string;
  label: string;
  count: number;
}

export type Facets<K extends string> = { total: number } & Record<K, FacetBucket[]>;

export const MICRO_CREDENTIAL_CRITERIA = [
  'sector',
  'areaOfFocus',
  'institutionId',
  'region',
  'deliveryMode',
  'osapStatus',
] as const;
export type MicroCredentialCriterion = (typeof MICRO_CREDENTIAL_CRITERIA)[number];

export const PROJECT_CRITERIA = ['fundId', 'institutionId', 'region', 'sector'] as const;
export type ProjectCriterion = (typeof PROJECT_CRITERIA)[number];

export type Filter = Record<string, string>;

export class PublicApiError extends Error {
  constructor(readonly status: number) {
    super(`public API: ${status}`);
  }
}

const getJson = async <T>(path: string): Promise<{ body: T; total: number | null }> => {
  const response = await fetch(`${PUBLIC_API}${path}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new PublicApiError(response.status);
  const range = response.headers.get('Content-Range');
  const total = range ? Number(range.split('/').pop()) : null;
  return { body: (await response.json()) as T, total };
};

const listPath = (resource: string, filter: Filter, page: number, perPage: number, sort: [string, 'ASC' | 'DESC']) => {
  const query = new URLSearchParams({
    filter: JSON.stringify(filter),
    range: JSON.stringify([page * perPage, page * perPage + perPage - 1]),
    sort: JSON.stringify(sort),
  });
  return `/${resource}?${query}`;
};

/** A page of the catalogue and the number of matches. */
export const useMicroCredentials = (filter: Filter, page: number, perPage: number) =>
  useQuery({
    queryKey: ['public', 'micro-credentials', filter, page, perPage],
    queryFn: async () => {
      const { body, total } = await getJson<PublicMicroCredential[]>(
        listPath('micro-credentials', filter, page, perPage, ['title', 'ASC']),
      );
      return { items: body, total: total ?? body.length };
    },
    placeholderData: keepPreviousData,
  });

export const useMicroCredentialFacets = (filter: Filter, lang: PublicLanguage) =>
  useQuery({
    queryKey: ['public', 'micro-credentials', 'facets', filter, lang],
    queryFn: async () =>
      (
        await getJson<Facets<MicroCredentialCriterion>>(
          `/micro-credentials/facets?${new URLSearchParams({ filter: JSON.stringify(filter), lang })}`,
        )
      ).body,
    placeholderData: keepPreviousData,
  });

export const useProjects = (filter: Filter, page: number, perPage: number) =>
  useQuery({
    queryKey: ['public', 'projects', filter, page, perPage],
    queryFn: async () => {
      const { body, total } = await getJson<PublicProject[]>(
        listPath('projects', filter, page, perPage, ['institutionName', 'ASC']),
      );
      return { items: body, total: total ?? body.length };
    },
    placeholderData: keepPreviousData,
  });

export const useProjectFacets = (filter: Filter, lang: PublicLanguage) =>
  useQuery({
    queryKey: ['public', 'projects', 'facets', filter, lang],
    queryFn: async () =>
      (
        await getJson<Facets<ProjectCriterion>>(
          `/projects/facets?${new URLSearchParams({ filter: JSON.stringify(filter), lang })}`,
        )
      ).body,
    placeholderData: keepPreviousData,
  });

export const useProject = (id: string | undefined) =>
  useQuery({
    queryKey: ['public', 'projects', id],
    queryFn: async () => (await getJson<PublicProjectDetail>(`/projects/${encodeURIComponent(id!)}`)).body,
    enabled: !!id,
    retry: (count, error) => !(error instanceof PublicApiError && error.status < 500) && count < 2,
  });

/** A download of the open data, in a language, optionally of a selection. */
export const openDataUrl = (
  dataset: 'projects' | 'micro-credentials',
  format: 'csv' | 'json',
  lang: PublicLanguage,
  filter: Filter = {},
): string => {
  const query = new URLSearchParams({ lang });
  if (Object.keys(filter).length) query.set('filter', JSON.stringify(filter));
  return `${PUBLIC_API}/open-data/${dataset}.${format}?${query}`;
};
