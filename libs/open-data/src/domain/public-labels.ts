import { INSTITUTION_TYPE_LABELS, REGION_LABELS } from '@cf/institutions';
import { DELIVERY_MODES, SECTOR_LABELS } from '@cf/proposals';

/** The languages of the public pages and of the open data (Ontario's French Language Services Act). */
export const PUBLIC_LANGUAGES = ['en', 'fr'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

/** The ministry's review of a micro-credential for OSAP (student assistance), as the projects record it. */
export const OSAP_STATUSES = ['not_submitted', 'submitted', 'approved', 'not_approved'] as const;
export type OsapStatus = (typeof OSAP_STATUSES)[number];

/** The statuses a published project can have (see publication.ts). */
export const PUBLIC_PROJECT_STATUSES = ['active', 'closed'] as const;
export type PublicProjectStatus = (typeof PUBLIC_PROJECT_STATUSES)[number];

export const PARTNER_KINDS = ['employer', 'industry_association', 'training_provider', 'community_organization'] as const;

type Labels<K extends string> = Record<K, { en: string; fr: string }>;

/**
 * The words the public sees for every code it can meet, in English and French (the console's own labels say the same
 * in apps/console/src/i18n). The CSV files use them; the JSON keeps the codes and carries these as its `labels`.
 */
export const PUBLIC_LABELS = {
  region: REGION_LABELS,
  sector: SECTOR_LABELS,
  deliveryMode: {
    online: { en: 'Online', fr: 'En ligne' },
    hybrid: { en: 'Hybrid', fr: 'Hybride' },
    in_person: { en: 'In person', fr: 'En personne' },
  } satisfies Labels<(typeof DELIVERY_MODES)[number]>,
  osapStatus: {
    not_submitted: { en: 'Not submitted for OSAP', fr: 'Non soumis au RAFEO' },
    submitted: { en: 'OSAP review in progress', fr: 'Examen du RAFEO en cours' },
    approved: { en: 'OSAP approved', fr: 'Approuvé pour le RAFEO' },
    not_approved: { en: 'Not OSAP approved', fr: 'Non approuvé pour le RAFEO' },
  } satisfies Labels<OsapStatus>,
  institutionType: INSTITUTION_TYPE_LABELS,
  partnerKind: {
    employer: { en: 'Employer', fr: 'Employeur' },
    industry_association: { en: 'Industry association', fr: 'Association sectorielle' },
    training_provider: { en: 'Training provider', fr: 'Fournisseur de formation' },
    community_organization: { en: 'Community organization', fr: 'Organisme communautaire' },
  } satisfies Labels<(typeof PARTNER_KINDS)[number]>,
  projectStatus: {
    active: { en: 'Under way', fr: 'En cours' },
    closed: { en: 'Completed', fr: 'Terminé' },
  } satisfies Labels<PublicProjectStatus>,
  yesNo: {
    yes: { en: 'Yes', fr: 'Oui' },
    no: { en: 'No', fr: 'Non' },
  },
} as const;

export type LabelGroup = keyof typeof PUBLIC_LABELS;

/** The label of a code in a language; an unknown code (data newer than this table) is shown as is. */
export function labelOf(group: LabelGroup, code: string, lang: PublicLanguage): string {
  const entry = (PUBLIC_LABELS[group] as Record<string, { en: string; fr: string }>)[code];
  return entry ? entry[lang] : code;
}

/** Every label group in one language: `{ region: { central: 'Centre', … }, … }` (the JSON downloads' `labels`). */
export function labelsIn(lang: PublicLanguage): Record<LabelGroup, Record<string, string>> {
  const out = {} as Record<LabelGroup, Record<string, string>>;
  for (const group of Object.keys(PUBLIC_LABELS) as LabelGroup[]) {
    out[group] = Object.fromEntries(
      Object.entries(PUBLIC_LABELS[group] as Record<string, { en: string; fr: string }>).map(([code, l]) => [code, l[lang]]),
    );
  }
  return out;
}
