import { INSTITUTION_TYPES, ONTARIO_REGIONS } from './institution.entity';

/**
 * Regions and types of institution in words, English and French, for what the server writes for people (exports,
 * open data); the console says the same in its i18n files.
 */
export const REGION_LABELS = {
  central: { en: 'Central', fr: 'Centre' },
  eastern: { en: 'Eastern', fr: 'Est' },
  northern: { en: 'Northern', fr: 'Nord' },
  southwestern: { en: 'Southwestern', fr: 'Sud-Ouest' },
  toronto: { en: 'Toronto', fr: 'Toronto' },
} as const satisfies Record<(typeof ONTARIO_REGIONS)[number], { en: string; fr: string }>;

export const INSTITUTION_TYPE_LABELS = {
  public_college: { en: 'Publicly assisted college', fr: 'Collège financé par les fonds publics' },
  public_university: { en: 'Publicly assisted university', fr: 'Université financée par les fonds publics' },
  indigenous_institute: { en: 'Indigenous Institute', fr: 'Institut autochtone' },
  private_career_college: { en: 'Private career college', fr: 'Collège d’enseignement professionnel privé' },
  private_degree_granting: { en: 'Private degree-granting institution', fr: 'Établissement privé conférant des grades' },
} as const satisfies Record<(typeof INSTITUTION_TYPES)[number], { en: string; fr: string }>;
