import { SECTORS } from './proposal-content';

/** The sectors in words, English and French, for what the server writes for people (exports, open data). */
export const SECTOR_LABELS = {
  advanced_manufacturing: { en: 'Advanced manufacturing', fr: 'Fabrication de pointe' },
  agriculture_food: { en: 'Agriculture and food', fr: 'Agriculture et alimentation' },
  automotive: { en: 'Automotive', fr: 'Automobile' },
  construction_trades: { en: 'Construction and skilled trades', fr: 'Construction et métiers spécialisés' },
  digital_technology: { en: 'Digital technology', fr: 'Technologies numériques' },
  energy_environment: { en: 'Energy and environment', fr: 'Énergie et environnement' },
  finance_insurance: { en: 'Finance and insurance', fr: 'Finance et assurances' },
  health_care: { en: 'Health care', fr: 'Soins de santé' },
  hospitality_tourism: { en: 'Hospitality and tourism', fr: 'Hôtellerie et tourisme' },
  mining: { en: 'Mining', fr: 'Exploitation minière' },
  public_sector: { en: 'Public sector', fr: 'Secteur public' },
  retail: { en: 'Retail', fr: 'Commerce de détail' },
  social_services: { en: 'Social services', fr: 'Services sociaux' },
  transportation_logistics: { en: 'Transportation and logistics', fr: 'Transport et logistique' },
  other: { en: 'Other', fr: 'Autre' },
} as const satisfies Record<(typeof SECTORS)[number], { en: string; fr: string }>;
