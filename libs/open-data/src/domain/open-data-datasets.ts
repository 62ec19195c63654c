import type { PublicMicroCredentialDto } from '../dto/public-micro-credential.dto';
import type { PublicProjectDto } from '../dto/public-project.dto';
import { centsToDollars } from './csv';
import { labelOf, PublicLanguage } from './public-labels';

type Bilingual = { en: string; fr: string };
type Cell = string | number | boolean | null;

/** A column of a CSV download: a stable key, its header in each language and its cell. */
export interface CsvColumn<T> {
  key: string;
  header: Bilingual;
  cell: (record: T, lang: PublicLanguage) => Cell;
}

/** A field of a JSON download's records: the JSON schema the download carries and docs/api.md repeats. */
export interface JsonField {
  name: string;
  type: 'string' | 'integer' | 'boolean' | 'date' | 'uuid' | 'code' | 'code[]' | 'string[]' | 'object[]';
  /** For codes: the `labels` group that names them. */
  labels?: string;
  description: Bilingual;
}

export interface Dataset<T> {
  name: 'projects' | 'micro-credentials';
  title: Bilingual;
  description: Bilingual;
  columns: CsvColumn<T>[];
  fields: JsonField[];
}

const list = (values: readonly string[]) => values.join('; ');
const yesNo = (value: boolean, lang: PublicLanguage) => labelOf('yesNo', value ? 'yes' : 'no', lang);

export const PROJECTS_DATASET: Dataset<PublicProjectDto> = {
  name: 'projects',
  title: { en: 'Funded projects', fr: 'Projets financés' },
  description: {
    en: 'Projects funded by the ministry’s challenge funds whose award is confirmed and whose funding agreement is signed.',
    fr: 'Projets financés par les fonds pour relever le défi du ministère dont l’octroi est confirmé et l’entente de financement signée.',
  },
  columns: [
    { key: 'id', header: { en: 'Project ID', fr: 'ID du projet' }, cell: (p) => p.id },
    { key: 'fund_code', header: { en: 'Fund code', fr: 'Code du fonds' }, cell: (p) => p.fundCode },
    { key: 'fund', header: { en: 'Fund', fr: 'Fonds' }, cell: (p, l) => (l === 'fr' ? p.fundNameFr : p.fundNameEn) },
    { key: 'title', header: { en: 'Title', fr: 'Titre' }, cell: (p) => p.title },
    { key: 'summary', header: { en: 'Summary', fr: 'Résumé' }, cell: (p) => p.summary },
    { key: 'institution', header: { en: 'Institution', fr: 'Établissement' }, cell: (p) => p.institutionName },
    {
      key: 'institution_type',
      header: { en: 'Institution type', fr: 'Type d’établissement' },
      cell: (p, l) => labelOf('institutionType', p.institutionType, l),
    },
    { key: 'region', header: { en: 'Region', fr: 'Région' }, cell: (p, l) => labelOf('region', p.region, l) },
    {
      key: 'sectors',
      header: { en: 'Sectors', fr: 'Secteurs' },
      cell: (p, l) => list(p.sectors.map((s) => labelOf('sector', s, l))),
    },
    { key: 'areas_of_focus', header: { en: 'Areas of focus', fr: 'Domaines d’intérêt' }, cell: (p) => list(p.areasOfFocus) },
    {
      key: 'regions_served',
      header: { en: 'Regions served', fr: 'Régions desservies' },
      cell: (p, l) => list(p.regionsServed.map((r) => labelOf('region', r, l))),
    },
    { key: 'status', header: { en: 'Status', fr: 'État' }, cell: (p, l) => labelOf('projectStatus', p.status, l) },
    {
      key: 'award_cad',
      header: { en: 'Amount awarded (CAD)', fr: 'Montant accordé ($ CA)' },
      cell: (p) => centsToDollars(p.awardCents),
    },
    { key: 'awarded_on', header: { en: 'Awarded on', fr: 'Date de l’octroi' }, cell: (p) => p.awardedOn },
    { key: 'start_on', header: { en: 'Start date', fr: 'Date de début' }, cell: (p) => p.startOn },
    { key: 'end_on', header: { en: 'End date', fr: 'Date de fin' }, cell: (p) => p.endOn },
    {
      key: 'partners',
      header: { en: 'Partners', fr: 'Partenaires' },
      cell: (p, l) =>
        list(p.partners.map((x) => `${x.name} (${labelOf('partnerKind', x.kind, l)}, ${labelOf('sector', x.sector, l)})`)),
    },
    {
      key: 'micro_credentials',
      header: { en: 'Micro-credentials', fr: 'Microtitres de compétence' },
      cell: (p) => p.microCredentialCount,
    },
  ],
  fields: [
    { name: 'id', type: 'uuid', description: { en: 'The project', fr: 'Le projet' } },
    { name: 'fundId', type: 'uuid', description: { en: 'The fund', fr: 'Le fonds' } },
    { name: 'fundCode', type: 'string', description: { en: 'The fund’s code', fr: 'Le code du fonds' } },
    { name: 'fundNameEn', type: 'string', description: { en: 'The fund’s name in English', fr: 'Le nom du fonds en anglais' } },
    { name: 'fundNameFr', type: 'string', description: { en: 'The fund’s name in French', fr: 'Le nom du fonds en français' } },
    { name: 'title', type: 'string', description: { en: 'The project’s title', fr: 'Le titre du projet' } },
    { name: 'summary', type: 'string', description: { en: 'What the project does', fr: 'Ce que fait le projet' } },
    { name: 'institutionId', type: 'uuid', description: { en: 'The lead institution', fr: 'L’établissement responsable' } },
    {
      name: 'institutionName',
      type: 'string',
      description: { en: 'The lead institution’s name', fr: 'Le nom de l’établissement responsable' },
    },
    {
      name: 'institutionType',
      type: 'code',
      labels: 'institutionType',
      description: { en: 'The type of institution', fr: 'Le type d’établissement' },
    },
    {
      name: 'region',
      type: 'code',
      labels: 'region',
      description: { en: 'The Ontario region of the institution', fr: 'La région de l’Ontario de l’établissement' },
    },
    {
      name: 'sectors',
      type: 'code[]',
      labels: 'sector',
      description: { en: 'The industries the training serves', fr: 'Les secteurs que la formation dessert' },
    },
    { name: 'areasOfFocus', type: 'string[]', description: { en: 'Areas of focus', fr: 'Domaines d’intérêt' } },
    {
      name: 'regionsServed',
      type: 'code[]',
      labels: 'region',
      description: { en: 'The regions the project serves', fr: 'Les régions que le projet dessert' },
    },
    {
      name: 'status',
      type: 'code',
      labels: 'projectStatus',
      description: { en: 'Under way (active) or completed (closed)', fr: 'En cours (active) ou terminé (closed)' },
    },
    {
      name: 'awardCents',
      type: 'integer',
      description: { en: 'The amount awarded, in cents (CAD)', fr: 'Le montant accordé, en cents ($ CA)' },
    },
    {
      name: 'awardedOn',
      type: 'date',
      description: { en: 'The day the award was confirmed (Toronto)', fr: 'Le jour où l’octroi a été confirmé (Toronto)' },
    },
    { name: 'startOn', type: 'date', description: { en: 'The project’s start', fr: 'Le début du projet' } },
    { name: 'endOn', type: 'date', description: { en: 'The project’s planned end', fr: 'La fin prévue du projet' } },
    {
      name: 'partners',
      type: 'object[]',
      description: {
        en: 'The partner organizations: name, kind (labels: partnerKind) and sector (labels: sector)',
        fr: 'Les organismes partenaires : nom, genre (libellés : partnerKind) et secteur (libellés : sector)',
      },
    },
    {
      name: 'microCredentialCount',
      type: 'integer',
      description: { en: 'How many micro-credentials it funds', fr: 'Le nombre de microtitres de compétence financés' },
    },
  ],
};

export const MICRO_CREDENTIALS_DATASET: Dataset<PublicMicroCredentialDto> = {
  name: 'micro-credentials',
  title: { en: 'Funded micro-credentials', fr: 'Microtitres de compétence financés' },
  description: {
    en: 'The micro-credentials of the published funded projects. Enrolment figures are not published.',
    fr: 'Les microtitres de compétence des projets financés publiés. Les inscriptions ne sont pas publiées.',
  },
  columns: [
    { key: 'id', header: { en: 'Micro-credential ID', fr: 'ID du microtitre' }, cell: (m) => m.id },
    { key: 'title', header: { en: 'Title', fr: 'Titre' }, cell: (m) => m.title },
    { key: 'institution', header: { en: 'Institution', fr: 'Établissement' }, cell: (m) => m.institutionName },
    {
      key: 'institution_type',
      header: { en: 'Institution type', fr: 'Type d’établissement' },
      cell: (m, l) => labelOf('institutionType', m.institutionType, l),
    },
    { key: 'region', header: { en: 'Region', fr: 'Région' }, cell: (m, l) => labelOf('region', m.region, l) },
    { key: 'industry', header: { en: 'Industry', fr: 'Secteur d’activité' }, cell: (m, l) => labelOf('sector', m.sector, l) },
    { key: 'area_of_focus', header: { en: 'Area of focus', fr: 'Domaine d’intérêt' }, cell: (m) => m.areaOfFocus },
    {
      key: 'delivery_mode',
      header: { en: 'Delivery mode', fr: 'Mode de prestation' },
      cell: (m, l) => labelOf('deliveryMode', m.deliveryMode, l),
    },
    { key: 'hours', header: { en: 'Hours', fr: 'Heures' }, cell: (m) => m.hours },
    { key: 'planned_launch_on', header: { en: 'Planned launch', fr: 'Lancement prévu' }, cell: (m) => m.plannedLaunchOn },
    { key: 'launched_on', header: { en: 'Launched on', fr: 'Date du lancement' }, cell: (m) => m.launchedOn },
    {
      key: 'osap',
      header: { en: 'OSAP approval', fr: 'Approbation RAFEO' },
      cell: (m, l) => labelOf('osapStatus', m.osapStatus, l),
    },
    {
      key: 'work_integrated_learning',
      header: { en: 'Work-integrated learning', fr: 'Apprentissage intégré au travail' },
      cell: (m, l) => yesNo(m.workIntegratedLearning, l),
    },
    { key: 'stackable', header: { en: 'Stackable', fr: 'Cumulable' }, cell: (m, l) => yesNo(m.stackable, l) },
    { key: 'project_id', header: { en: 'Project ID', fr: 'ID du projet' }, cell: (m) => m.projectId },
    { key: 'project', header: { en: 'Project', fr: 'Projet' }, cell: (m) => m.projectTitle },
    { key: 'fund_code', header: { en: 'Fund code', fr: 'Code du fonds' }, cell: (m) => m.fundCode },
  ],
  fields: [
    { name: 'id', type: 'uuid', description: { en: 'The micro-credential', fr: 'Le microtitre de compétence' } },
    { name: 'title', type: 'string', description: { en: 'Its title', fr: 'Son titre' } },
    {
      name: 'sector',
      type: 'code',
      labels: 'sector',
      description: { en: 'The industry it serves', fr: 'Le secteur d’activité qu’il dessert' },
    },
    {
      name: 'areaOfFocus',
      type: 'string',
      description: { en: 'The area of focus (may be empty)', fr: 'Le domaine d’intérêt (peut être vide)' },
    },
    {
      name: 'deliveryMode',
      type: 'code',
      labels: 'deliveryMode',
      description: { en: 'Online, hybrid or in person', fr: 'En ligne, hybride ou en personne' },
    },
    { name: 'hours', type: 'integer', description: { en: 'Learning hours', fr: 'Heures d’apprentissage' } },
    { name: 'plannedLaunchOn', type: 'date', description: { en: 'Planned launch (or null)', fr: 'Lancement prévu (ou null)' } },
    {
      name: 'launchedOn',
      type: 'date',
      description: { en: 'Actual launch, once launched (or null)', fr: 'Lancement réel, une fois lancé (ou null)' },
    },
    {
      name: 'osapStatus',
      type: 'code',
      labels: 'osapStatus',
      description: {
        en: 'The ministry’s review for OSAP (student assistance)',
        fr: 'L’examen du ministère pour le RAFEO (aide financière aux études)',
      },
    },
    {
      name: 'workIntegratedLearning',
      type: 'boolean',
      description: { en: 'Includes work-integrated learning', fr: 'Comprend de l’apprentissage intégré au travail' },
    },
    {
      name: 'stackable',
      type: 'boolean',
      description: { en: 'Stacks with other micro-credentials', fr: 'Se cumule avec d’autres microtitres' },
    },
    { name: 'projectId', type: 'uuid', description: { en: 'The funded project', fr: 'Le projet financé' } },
    { name: 'projectTitle', type: 'string', description: { en: 'The project’s title', fr: 'Le titre du projet' } },
    { name: 'fundId', type: 'uuid', description: { en: 'The fund', fr: 'Le fonds' } },
    { name: 'fundCode', type: 'string', description: { en: 'The fund’s code', fr: 'Le code du fonds' } },
    { name: 'institutionId', type: 'uuid', description: { en: 'The institution', fr: 'L’établissement' } },
    { name: 'institutionName', type: 'string', description: { en: 'The institution’s name', fr: 'Le nom de l’établissement' } },
    {
      name: 'institutionType',
      type: 'code',
      labels: 'institutionType',
      description: { en: 'The type of institution', fr: 'Le type d’établissement' },
    },
    {
      name: 'region',
      type: 'code',
      labels: 'region',
      description: { en: 'The Ontario region of the institution', fr: 'La région de l’Ontario de l’établissement' },
    },
  ],
};
