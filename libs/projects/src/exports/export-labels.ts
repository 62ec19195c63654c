import { INSTITUTION_TYPE_LABELS, REGION_LABELS } from '@cf/institutions';
import { BUDGET_CATEGORIES, SECTOR_LABELS } from '@cf/proposals';
import { REPORT_KINDS } from '../domain/project-plan';
import { AGREEMENT_STATUSES, PROJECT_STATUSES, REPORT_STATUSES } from '../domain/status-machines';
import type { ExportLanguage } from './export-table';

type Labels<K extends string> = Record<K, Record<ExportLanguage, string>>;

/**
 * The words of the codes the exports meet, in English and French (the console says the same in its i18n files; the
 * public open data in libs/open-data). A spreadsheet is read by people: codes are written in their language.
 */
export const EXPORT_LABELS = {
  projectStatus: {
    agreement_pending: { en: 'Agreement pending', fr: 'Entente en attente' },
    active: { en: 'Active', fr: 'En cours' },
    closed: { en: 'Closed', fr: 'Terminé' },
    cancelled: { en: 'Cancelled', fr: 'Annulé' },
  } satisfies Labels<(typeof PROJECT_STATUSES)[number]>,
  agreementStatus: {
    draft: { en: 'Draft', fr: 'Ébauche' },
    sent: { en: 'Sent for signature', fr: 'Envoyée pour signature' },
    signed: { en: 'Signed', fr: 'Signée' },
  } satisfies Labels<(typeof AGREEMENT_STATUSES)[number]>,
  reportStatus: {
    not_started: { en: 'Not started', fr: 'Non commencé' },
    draft: { en: 'Draft', fr: 'Ébauche' },
    submitted: { en: 'Submitted', fr: 'Soumis' },
    accepted: { en: 'Accepted', fr: 'Accepté' },
    returned: { en: 'Returned', fr: 'Renvoyé' },
  } satisfies Labels<(typeof REPORT_STATUSES)[number]>,
  reportKind: {
    interim: { en: 'Interim', fr: 'Intermédiaire' },
    final: { en: 'Final', fr: 'Final' },
  } satisfies Labels<(typeof REPORT_KINDS)[number]>,
  region: REGION_LABELS,
  institutionType: INSTITUTION_TYPE_LABELS,
  sector: SECTOR_LABELS,
  budgetCategory: {
    curriculum_development: { en: 'Curriculum development', fr: 'Élaboration du programme' },
    instructional_staff: { en: 'Instructional staff', fr: 'Personnel enseignant' },
    technology: { en: 'Technology', fr: 'Technologie' },
    learner_supports: { en: 'Learner supports', fr: 'Soutien aux personnes apprenantes' },
    marketing_outreach: { en: 'Marketing and outreach', fr: 'Promotion et sensibilisation' },
    evaluation: { en: 'Evaluation', fr: 'Évaluation' },
    administration: { en: 'Administration', fr: 'Administration' },
    other: { en: 'Other', fr: 'Autre' },
  } satisfies Labels<(typeof BUDGET_CATEGORIES)[number]>,
};

export type LabelGroup = keyof typeof EXPORT_LABELS;

/** A code in words (the code itself when it has none: never an empty cell for a value). */
export function label(group: LabelGroup, code: string | null | undefined, lang: ExportLanguage): string {
  if (!code) return '';
  const words = (EXPORT_LABELS[group] as Record<string, Record<ExportLanguage, string>>)[code];
  return words ? words[lang] : code;
}

const DEFAULT_TITLES_FR: [RegExp, string][] = [
  [/^Interim report (\d+)$/, 'Rapport intermédiaire $1'],
  [/^Final report$/, 'Rapport final'],
  [/^Agreement signed$/, 'Entente signée'],
  [/^Micro-credential launched$/, 'Microtitre de compétence lancé'],
  [/^Enrolment open$/, 'Inscriptions ouvertes'],
];

/**
 * A report's or milestone's title in the language asked: the default schedule's titles (stored in English, see
 * project-plan.ts) are translated; any other title is the institution's or the ministry's own words, kept as is.
 */
export function scheduleTitle(title: string, lang: ExportLanguage): string {
  if (lang === 'en') return title;
  for (const [pattern, fr] of DEFAULT_TITLES_FR) if (pattern.test(title)) return title.replace(pattern, fr);
  return title;
}
