import type { InstitutionType, OntarioRegion } from '@cf/institutions';
import { likePattern } from '@cf/platform';
import type { DeliveryMode } from '@cf/proposals';
import { PUBLISHED_PROJECTS_SQL } from './domain/publication';
import type { OsapStatus, PublicProjectStatus } from './domain/public-labels';
import type { PublicMicroCredentialDto } from './dto/public-micro-credential.dto';
import type { PublicPartnerDto, PublicProjectDto } from './dto/public-project.dto';
import type { PublicMicroCredentialFilter, PublicProjectFilter } from './public-filters';

/** Positional parameters of one statement: `add(value)` answers its placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export const WITH_PUBLISHED = `WITH pub AS (${PUBLISHED_PROJECTS_SQL})`;

// ---- projects ---------------------------------------------------------------------------------------------------

export const PROJECT_FROM = `
  FROM pub p
  JOIN funds f ON f.id = p.fund_id
  JOIN institutions i ON i.id = p.institution_id`;

/**
 * The named public columns of a project. Partners come from the proposal's latest submitted snapshot (what was
 * funded), joined to the partner organizations for their name, kind and sector only: the snapshot's money, letters
 * and roles, and the proposal's contacts, are never read.
 */
export const PROJECT_COLUMNS = `
  p.id, p.title, p.summary, p.sectors, p.areas_of_focus, p.regions_served, p.status, p.award_cents::text AS award_cents,
  (p.awarded_at AT TIME ZONE 'America/Toronto')::date::text AS awarded_on, p.start_on::text AS start_on,
  p.end_on::text AS end_on, f.id AS fund_id, f.code AS fund_code, f.name_en AS fund_name_en, f.name_fr AS fund_name_fr,
  i.id AS institution_id, i.name AS institution_name, i.type AS institution_type, i.region AS region,
  (SELECT count(*)::int FROM project_micro_credentials m WHERE m.project_id = p.id) AS micro_credential_count,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('name', x.name, 'kind', x.kind, 'sector', x.sector) ORDER BY lower(x.name), x.kind), '[]'::jsonb)
     FROM (SELECT DISTINCT po.name, po.kind, po.sector
             FROM proposal_submissions s
            CROSS JOIN LATERAL jsonb_array_elements(
                    CASE WHEN jsonb_typeof(s.snapshot -> 'partners') = 'array' THEN s.snapshot -> 'partners' ELSE '[]'::jsonb END) sp(item)
             JOIN partner_organizations po ON po.id::text = sp.item ->> 'partnerOrganizationId'
            WHERE s.proposal_id = p.proposal_id
              AND s.version = (SELECT max(s2.version) FROM proposal_submissions s2 WHERE s2.proposal_id = p.proposal_id)) x
  ) AS partners`;

export const PROJECT_SORT: Record<string, string> = {
  institutionName: 'i.name',
  title: 'p.title',
  awardCents: 'p.award_cents',
  awardedOn: 'p.awarded_at',
  region: 'i.region',
  fundCode: 'f.code',
};

export type ProjectFilterKey = keyof PublicProjectFilter;

/** The WHERE clause of a project filter, without the keys in `except` (a facet leaves its own out). */
export function projectWhere(f: PublicProjectFilter, params: SqlParams, except: ProjectFilterKey[] = []): string {
  const on = (key: ProjectFilterKey) => f[key] !== undefined && !except.includes(key);
  const conds: string[] = ['TRUE'];
  if (on('id')) conds.push(`p.id = ANY(${params.add(f.id)}::uuid[])`);
  if (on('q') && f.q) {
    const q = params.add(f.q);
    const like = params.add(likePattern(f.q));
    conds.push(
      `(to_tsvector('simple', p.title || ' ' || p.summary) @@ websearch_to_tsquery('simple', ${q}) OR p.title ILIKE ${like} OR i.name ILIKE ${like})`,
    );
  }
  if (on('fundId')) conds.push(`f.id = ${params.add(f.fundId)}`);
  if (on('institutionId')) conds.push(`i.id = ${params.add(f.institutionId)}`);
  if (on('region')) conds.push(`i.region = ${params.add(f.region)}`);
  if (on('sector')) conds.push(`${params.add(f.sector)} = ANY(p.sectors)`);
  return conds.join(' AND ');
}

export interface ProjectRow {
  id: string;
  title: string;
  summary: string;
  sectors: string[];
  areas_of_focus: string[];
  regions_served: string[];
  status: PublicProjectStatus;
  award_cents: string;
  awarded_on: string;
  start_on: string;
  end_on: string;
  fund_id: string;
  fund_code: string;
  fund_name_en: string;
  fund_name_fr: string;
  institution_id: string;
  institution_name: string;
  institution_type: InstitutionType;
  region: OntarioRegion;
  micro_credential_count: number;
  partners: PublicPartnerDto[];
}

/** The allow-list, field by field: nothing reaches the wire that is not named here. */
export function toPublicProject(r: ProjectRow): PublicProjectDto {
  return {
    id: r.id,
    fundId: r.fund_id,
    fundCode: r.fund_code,
    fundNameEn: r.fund_name_en,
    fundNameFr: r.fund_name_fr,
    title: r.title,
    summary: r.summary,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    institutionType: r.institution_type,
    region: r.region,
    sectors: r.sectors,
    areasOfFocus: r.areas_of_focus,
    regionsServed: r.regions_served,
    status: r.status,
    awardCents: Number(r.award_cents),
    awardedOn: r.awarded_on,
    startOn: r.start_on,
    endOn: r.end_on,
    partners: r.partners.map((p) => ({ name: p.name, kind: p.kind, sector: p.sector })),
    microCredentialCount: r.micro_credential_count,
  };
}

// ---- micro-credentials ------------------------------------------------------------------------------------------

export const MICRO_CREDENTIAL_FROM = `
  FROM project_micro_credentials m
  JOIN pub p ON p.id = m.project_id
  JOIN funds f ON f.id = p.fund_id
  JOIN institutions i ON i.id = p.institution_id`;

/** The named public columns of a micro-credential: no enrolment, completion or expected figures. */
export const MICRO_CREDENTIAL_COLUMNS = `
  m.id, m.title, m.sector, m.area_of_focus, m.delivery_mode, m.hours, m.planned_launch_on::text AS planned_launch_on,
  m.launched_on::text AS launched_on, m.osap_status, m.work_integrated_learning, m.stackable,
  p.id AS project_id, p.title AS project_title, f.id AS fund_id, f.code AS fund_code,
  i.id AS institution_id, i.name AS institution_name, i.type AS institution_type, i.region AS region`;

export const MICRO_CREDENTIAL_SORT: Record<string, string> = {
  title: 'm.title',
  institutionName: 'i.name',
  sector: 'm.sector',
  region: 'i.region',
  hours: 'm.hours',
  launchOn: 'coalesce(m.launched_on, m.planned_launch_on)',
};

export type MicroCredentialFilterKey = keyof PublicMicroCredentialFilter;

export function microCredentialWhere(
  f: PublicMicroCredentialFilter,
  params: SqlParams,
  except: MicroCredentialFilterKey[] = [],
): string {
  const on = (key: MicroCredentialFilterKey) => f[key] !== undefined && !except.includes(key);
  const conds: string[] = ['TRUE'];
  if (on('id')) conds.push(`m.id = ANY(${params.add(f.id)}::uuid[])`);
  if (on('q') && f.q) {
    const q = params.add(f.q);
    const like = params.add(likePattern(f.q));
    conds.push(`(to_tsvector('simple', m.title) @@ websearch_to_tsquery('simple', ${q}) OR m.title ILIKE ${like})`);
  }
  if (on('sector')) conds.push(`m.sector = ${params.add(f.sector)}`);
  if (on('areaOfFocus')) conds.push(`lower(btrim(m.area_of_focus)) = lower(${params.add(f.areaOfFocus)})`);
  if (on('institutionId')) conds.push(`i.id = ${params.add(f.institutionId)}`);
  if (on('region')) conds.push(`i.region = ${params.add(f.region)}`);
  if (on('deliveryMode')) conds.push(`m.delivery_mode = ${params.add(f.deliveryMode)}`);
  if (on('osapStatus')) conds.push(`m.osap_status = ${params.add(f.osapStatus)}`);
  if (on('fundId')) conds.push(`f.id = ${params.add(f.fundId)}`);
  if (on('projectId')) conds.push(`p.id = ${params.add(f.projectId)}`);
  return conds.join(' AND ');
}

export interface MicroCredentialRow {
  id: string;
  title: string;
  sector: string;
  area_of_focus: string;
  delivery_mode: DeliveryMode;
  hours: number;
  planned_launch_on: string | null;
  launched_on: string | null;
  osap_status: OsapStatus;
  work_integrated_learning: boolean;
  stackable: boolean;
  project_id: string;
  project_title: string;
  fund_id: string;
  fund_code: string;
  institution_id: string;
  institution_name: string;
  institution_type: InstitutionType;
  region: OntarioRegion;
}

export function toPublicMicroCredential(r: MicroCredentialRow): PublicMicroCredentialDto {
  return {
    id: r.id,
    title: r.title,
    sector: r.sector,
    areaOfFocus: r.area_of_focus.trim(),
    deliveryMode: r.delivery_mode,
    hours: r.hours,
    plannedLaunchOn: r.planned_launch_on,
    launchedOn: r.launched_on,
    osapStatus: r.osap_status,
    workIntegratedLearning: r.work_integrated_learning,
    stackable: r.stackable,
    projectId: r.project_id,
    projectTitle: r.project_title,
    fundId: r.fund_id,
    fundCode: r.fund_code,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    institutionType: r.institution_type,
    region: r.region,
  };
}
