import { ONTARIO_REGIONS } from '@cf/institutions';
import { ListQuery, NotFoundError, Page } from '@cf/platform';
import { DELIVERY_MODES, SECTORS } from '@cf/proposals';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LabelGroup, labelOf, OSAP_STATUSES, PublicLanguage } from './domain/public-labels';
import { FacetBucketDto, MicroCredentialFacetsDto, ProjectFacetsDto } from './dto/public-facets.dto';
import { PublicMicroCredentialDto } from './dto/public-micro-credential.dto';
import { PublicProjectDetailDto, PublicProjectDto } from './dto/public-project.dto';
import {
  MICRO_CREDENTIAL_COLUMNS,
  MICRO_CREDENTIAL_FROM,
  MICRO_CREDENTIAL_SORT,
  MicroCredentialFilterKey,
  MicroCredentialRow,
  microCredentialWhere,
  PROJECT_COLUMNS,
  PROJECT_FROM,
  PROJECT_SORT,
  ProjectFilterKey,
  ProjectRow,
  projectWhere,
  SqlParams,
  toPublicMicroCredential,
  toPublicProject,
  WITH_PUBLISHED,
} from './public-catalogue.queries';
import type { PublicMicroCredentialFilter, PublicProjectFilter } from './public-filters';

type Sort = ListQuery<unknown>['sort'];

interface CountRow {
  value: string;
  label: string | null;
  count: number;
}

/**
 * The read side of the public catalogue: published projects (publication.ts) and their micro-credentials, filtered,
 * paged, counted per facet. Read-only; every answer is built from named columns into the public DTOs.
 */
@Injectable()
export class PublicCatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---- projects -------------------------------------------------------------------------------------------------

  async listProjects(query: ListQuery<PublicProjectFilter>): Promise<Page<PublicProjectDto>> {
    const items = await this.projects(query.filter, query.sort, { offset: query.offset, limit: query.limit });
    const params = new SqlParams();
    const where = projectWhere(query.filter, params);
    const [{ total }] = await this.dataSource.query(
      `${WITH_PUBLISHED} SELECT count(*)::int AS total ${PROJECT_FROM} WHERE ${where}`,
      params.values,
    );
    return { items, total };
  }

  /** Every published project matching the filter, in the sort's order (the open data downloads). */
  async projects(filter: PublicProjectFilter, sort: Sort, page?: { offset: number; limit: number }): Promise<PublicProjectDto[]> {
    const params = new SqlParams();
    const where = projectWhere(filter, params);
    const order = `${PROJECT_SORT[sort.field] ?? 'i.name'} ${sort.order === 'DESC' ? 'DESC' : 'ASC'}, p.title ASC, p.id ASC`;
    const paging = page ? ` LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}` : '';
    const rows: ProjectRow[] = await this.dataSource.query(
      `${WITH_PUBLISHED} SELECT ${PROJECT_COLUMNS} ${PROJECT_FROM} WHERE ${where} ORDER BY ${order}${paging}`,
      params.values,
    );
    return rows.map(toPublicProject);
  }

  async getProject(id: string): Promise<PublicProjectDetailDto> {
    const [project] = await this.projects({ id: [id] }, { field: 'title', order: 'ASC' });
    if (!project) throw new NotFoundError('Funded project', id);
    const microCredentials = await this.microCredentials({ projectId: id }, { field: 'title', order: 'ASC' });
    return { ...project, microCredentials };
  }

  async projectFacets(filter: PublicProjectFilter, lang: PublicLanguage): Promise<ProjectFacetsDto> {
    const count = async (key: ProjectFilterKey, select: string, groupBy: string, extraFrom = '') => {
      const params = new SqlParams();
      const where = projectWhere(filter, params, [key]);
      const rows: CountRow[] = await this.dataSource.query(
        `${WITH_PUBLISHED} SELECT ${select}, count(DISTINCT p.id)::int AS count ${PROJECT_FROM} ${extraFrom}
          WHERE ${where} GROUP BY ${groupBy}`,
        params.values,
      );
      return rows;
    };
    const params = new SqlParams();
    const [{ total }] = await this.dataSource.query(
      `${WITH_PUBLISHED} SELECT count(*)::int AS total ${PROJECT_FROM} WHERE ${projectWhere(filter, params)}`,
      params.values,
    );
    const fundName = lang === 'fr' ? 'f.name_fr' : 'f.name_en';
    return {
      total,
      fundId: named(await count('fundId', `f.id::text AS value, ${fundName} AS label`, `f.id, ${fundName}`)),
      institutionId: named(await count('institutionId', `i.id::text AS value, i.name AS label`, 'i.id, i.name')),
      region: coded('region', ONTARIO_REGIONS, await count('region', 'i.region AS value, NULL AS label', 'i.region'), lang),
      sector: coded(
        'sector',
        SECTORS,
        await count('sector', 's.code AS value, NULL AS label', 's.code', 'CROSS JOIN LATERAL unnest(p.sectors) AS s(code)'),
        lang,
      ),
    };
  }

  // ---- micro-credentials ----------------------------------------------------------------------------------------

  async listMicroCredentials(query: ListQuery<PublicMicroCredentialFilter>): Promise<Page<PublicMicroCredentialDto>> {
    const items = await this.microCredentials(query.filter, query.sort, { offset: query.offset, limit: query.limit });
    const params = new SqlParams();
    const where = microCredentialWhere(query.filter, params);
    const [{ total }] = await this.dataSource.query(
      `${WITH_PUBLISHED} SELECT count(*)::int AS total ${MICRO_CREDENTIAL_FROM} WHERE ${where}`,
      params.values,
    );
    return { items, total };
  }

  async microCredentials(
    filter: PublicMicroCredentialFilter,
    sort: Sort,
    page?: { offset: number; limit: number },
  ): Promise<PublicMicroCredentialDto[]> {
    const params = new SqlParams();
    const where = microCredentialWhere(filter, params);
    const direction = sort.order === 'DESC' ? 'DESC' : 'ASC';
    const order = `${MICRO_CREDENTIAL_SORT[sort.field] ?? 'm.title'} ${direction} NULLS LAST, m.title ASC, m.id ASC`;
    const paging = page ? ` LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}` : '';
    const rows: MicroCredentialRow[] = await this.dataSource.query(
      `${WITH_PUBLISHED} SELECT ${MICRO_CREDENTIAL_COLUMNS} ${MICRO_CREDENTIAL_FROM} WHERE ${where} ORDER BY ${order}${paging}`,
      params.values,
    );
    return rows.map(toPublicMicroCredential);
  }

  /** Counts per criterion; each facet applies every filter but its own. */
  async microCredentialFacets(filter: PublicMicroCredentialFilter, lang: PublicLanguage): Promise<MicroCredentialFacetsDto> {
    const count = async (key: MicroCredentialFilterKey, select: string, groupBy: string) => {
      const params = new SqlParams();
      const where = microCredentialWhere(filter, params, [key]);
      const rows: CountRow[] = await this.dataSource.query(
        `${WITH_PUBLISHED} SELECT ${select}, count(*)::int AS count ${MICRO_CREDENTIAL_FROM} WHERE ${where} GROUP BY ${groupBy}`,
        params.values,
      );
      return rows;
    };
    const params = new SqlParams();
    const [{ total }] = await this.dataSource.query(
      `${WITH_PUBLISHED} SELECT count(*)::int AS total ${MICRO_CREDENTIAL_FROM} WHERE ${microCredentialWhere(filter, params)}`,
      params.values,
    );
    const fundName = lang === 'fr' ? 'f.name_fr' : 'f.name_en';
    const areas = await count(
      'areaOfFocus',
      'min(btrim(m.area_of_focus)) AS value, min(btrim(m.area_of_focus)) AS label',
      'lower(btrim(m.area_of_focus))',
    );
    return {
      total,
      sector: coded('sector', SECTORS, await count('sector', 'm.sector AS value, NULL AS label', 'm.sector'), lang),
      areaOfFocus: named(areas.filter((a) => a.value !== '')),
      institutionId: named(await count('institutionId', 'i.id::text AS value, i.name AS label', 'i.id, i.name')),
      region: coded('region', ONTARIO_REGIONS, await count('region', 'i.region AS value, NULL AS label', 'i.region'), lang),
      deliveryMode: coded(
        'deliveryMode',
        DELIVERY_MODES,
        await count('deliveryMode', 'm.delivery_mode AS value, NULL AS label', 'm.delivery_mode'),
        lang,
      ),
      osapStatus: coded(
        'osapStatus',
        OSAP_STATUSES,
        await count('osapStatus', 'm.osap_status AS value, NULL AS label', 'm.osap_status'),
        lang,
      ),
      fundId: named(await count('fundId', `f.id::text AS value, ${fundName} AS label`, `f.id, ${fundName}`)),
    };
  }
}

/** Buckets of named values (institutions, funds, areas of focus), by label. */
function named(rows: CountRow[]): FacetBucketDto[] {
  return rows
    .map((r) => ({ value: r.value, label: r.label ?? r.value, count: r.count }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr') || a.value.localeCompare(b.value));
}

/** Buckets of a code list, every code in its order (zero included), then any code the list does not know. */
function coded(group: LabelGroup, codes: readonly string[], rows: CountRow[], lang: PublicLanguage): FacetBucketDto[] {
  const counts = new Map(rows.map((r) => [r.value, r.count]));
  const known = codes.map((value) => ({ value, label: labelOf(group, value, lang), count: counts.get(value) ?? 0 }));
  const unknown = rows
    .filter((r) => !codes.includes(r.value))
    .map((r) => ({ value: r.value, label: labelOf(group, r.value, lang), count: r.count }));
  return [...known, ...unknown];
}
