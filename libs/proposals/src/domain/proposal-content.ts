/** What an applicant writes in a proposal; kept as JSON in the working copy and in each snapshot. */
export const DELIVERY_MODES = ['online', 'hybrid', 'in_person'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const SECTORS = [
  'advanced_manufacturing',
  'agriculture_food',
  'automotive',
  'construction_trades',
  'digital_technology',
  'energy_environment',
  'finance_insurance',
  'health_care',
  'hospitality_tourism',
  'mining',
  'public_sector',
  'retail',
  'social_services',
  'transportation_logistics',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const BUDGET_CATEGORIES = [
  'curriculum_development',
  'instructional_staff',
  'technology',
  'learner_supports',
  'marketing_outreach',
  'evaluation',
  'administration',
  'other',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const PARTNER_ROLES = [
  'co_designer',
  'work_placement_host',
  'hiring_partner',
  'subject_matter_expert',
  'funder',
  'other',
] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export interface MicroCredential {
  id: string;
  title: string;
  hours: number;
  deliveryMode: DeliveryMode;
  workIntegratedLearning: boolean;
  /** YYYY-MM-DD */
  plannedLaunch: string;
  expectedEnrolment: number;
  intendsOsap: boolean;
  stackable: boolean;
}

export interface ProposalPartner {
  id: string;
  partnerOrganizationId: string;
  role: PartnerRole;
  cashCents: number;
  inKindCents: number;
  hiringIntent: number;
  placements: number;
  letterAttachmentId: string | null;
}

export interface BudgetLine {
  id: string;
  category: BudgetCategory;
  description: string;
  requestedCents: number;
  partnerCents: number;
}

export interface Contact {
  id: string;
  name: string;
  email: string;
  phone: string;
  role: string;
}

export interface ProposalContent {
  title: string;
  summary: string;
  sectors: Sector[];
  areasOfFocus: string[];
  regionsServed: string[];
  microCredentials: MicroCredential[];
  partners: ProposalPartner[];
  budget: BudgetLine[];
  /** Criterion code -> the applicant's answer. */
  narratives: Record<string, string>;
  contacts: Contact[];
}

export function totals(budget: BudgetLine[]): { requestedCents: number; partnerCents: number } {
  return budget.reduce(
    (t, l) => ({ requestedCents: t.requestedCents + l.requestedCents, partnerCents: t.partnerCents + l.partnerCents }),
    { requestedCents: 0, partnerCents: 0 },
  );
}
