import type { FundStatus } from '@cf/funds';
import type { InstitutionType } from '@cf/institutions';
import { instantFromZoned, TORONTO } from '@cf/platform';

/** The 2021 fund as the seeds give it; the intake's opening day is not in the seeds (assumed). */
export function fund2021() {
  return {
    code: 'MCF-2021',
    nameEn: 'Ontario Micro-credentials Challenge Fund 2021',
    nameFr: 'Fonds pour relever le défi des microcertifications de l’Ontario 2021',
    descriptionEn:
      'A $15 million fund to increase the number and types of micro-credentials in Ontario, responding to regional labour market needs through partnerships among postsecondary institutions, training providers and employers.',
    descriptionFr:
      'Un fonds de 15 millions de dollars pour accroître le nombre et les types de microcertifications en Ontario, en réponse aux besoins régionaux du marché du travail, grâce à des partenariats entre établissements postsecondaires, fournisseurs de formation et employeurs.',
    envelopeCents: 1_500_000_000,
    opensAt: instantFromZoned('2021-04-15T00:00:00.000', TORONTO),
    // "June 25, 2021, 11:59 p.m.": the whole minute, so the last millisecond of it.
    closesAt: instantFromZoned('2021-06-25T23:59:59.999', TORONTO),
    timeZone: TORONTO,
    eligibleInstitutionTypes: [
      'public_college',
      'public_university',
      'indigenous_institute',
      'private_career_college',
      'private_degree_granting',
    ] as InstitutionType[],
    capSingleCents: 5_000_000,
    capStackCents: 30_000_000,
    stackMinCredentials: 5,
    submissionsPerInstitution: 1,
    targetCredentials: 250,
    launchEarliest: '2021-09-01',
    launchLatest: '2022-12-31',
    status: 'closed' as FundStatus,
  };
}

export const FUND_CRITERIA = [
  {
    code: 'employer_responsive',
    titleEn: 'Employer responsive, leading directly to local or regional jobs',
    titleFr: 'Répond aux besoins des employeurs et mène directement à des emplois locaux ou régionaux',
    guidanceEn:
      'Show the regional labour market need, the employers who shaped the training, and the jobs it leads to (hiring commitments, placements).',
    guidanceFr:
      'Montrez le besoin du marché du travail régional, les employeurs qui ont façonné la formation et les emplois auxquels elle mène (engagements d’embauche, stages).',
    weight: 40,
    scaleMin: 0,
    scaleMax: 10,
  },
  {
    code: 'upskilling',
    titleEn: 'Upskilling existing employees within their current jobs',
    titleFr: 'Perfectionnement des compétences des employés dans leur emploi actuel',
    guidanceEn: 'Describe who is upskilled, how the format fits working learners, and how employers recognize the credential.',
    guidanceFr:
      'Décrivez qui se perfectionne, comment le format convient aux personnes en emploi et comment les employeurs reconnaissent la microcertification.',
    weight: 30,
    scaleMin: 0,
    scaleMax: 10,
  },
  {
    code: 'critical_need',
    titleEn: 'Supports a local COVID-19 response or another critical area of need',
    titleFr: 'Soutient une réponse locale à la COVID-19 ou un autre besoin essentiel de la collectivité',
    guidanceEn: 'Name the community need, the evidence for it, and how the micro-credentials address it.',
    guidanceFr:
      'Nommez le besoin de la collectivité, les données qui l’étayent et la façon dont les microcertifications y répondent.',
    weight: 30,
    scaleMin: 0,
    scaleMax: 10,
  },
];

/** A second round for the demo, open now: its deadline is about two months after the seeding day. */
export function openRound(now: Date) {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const closesDay = day(60);
  const year = Number(closesDay.slice(0, 4));
  return {
    ...fund2021(),
    code: `MCF-${year}`,
    nameEn: `Ontario Micro-credentials Challenge Fund ${year}`,
    nameFr: `Fonds pour relever le défi des microcertifications de l’Ontario ${year}`,
    opensAt: instantFromZoned(`${day(-30)}T00:00:00.000`, TORONTO),
    closesAt: instantFromZoned(`${closesDay}T23:59:59.999`, TORONTO),
    launchEarliest: day(90),
    launchLatest: day(500),
    status: 'open' as FundStatus,
  };
}

export const DEMO_PARTNERS: { name: string; kind: string; sector: string; region: string; size: string }[] = [
  { name: 'Maple Leaf Foods Inc.', kind: 'employer', sector: 'agriculture_food', region: 'central', size: 'large' },
  { name: 'Linamar Corporation', kind: 'employer', sector: 'automotive', region: 'central', size: 'large' },
  { name: 'Sudbury Integrated Nickel Operations', kind: 'employer', sector: 'mining', region: 'northern', size: 'large' },
  { name: 'Shopify Inc.', kind: 'employer', sector: 'digital_technology', region: 'eastern', size: 'large' },
  { name: 'Sinai Health', kind: 'employer', sector: 'health_care', region: 'toronto', size: 'large' },
  {
    name: 'Thunder Bay Regional Health Sciences Centre',
    kind: 'employer',
    sector: 'health_care',
    region: 'northern',
    size: 'large',
  },
  { name: 'Niagara Parks Commission', kind: 'employer', sector: 'hospitality_tourism', region: 'central', size: 'medium' },
  { name: 'Purolator Inc.', kind: 'employer', sector: 'transportation_logistics', region: 'toronto', size: 'large' },
  { name: 'Kinaxis Inc.', kind: 'employer', sector: 'digital_technology', region: 'eastern', size: 'medium' },
  { name: 'Hydro One Networks Inc.', kind: 'employer', sector: 'energy_environment', region: 'toronto', size: 'large' },
  {
    name: 'Canadian Manufacturers & Exporters (Ontario)',
    kind: 'industry_association',
    sector: 'advanced_manufacturing',
    region: 'toronto',
    size: 'small',
  },
  {
    name: 'Ontario Long Term Care Association',
    kind: 'industry_association',
    sector: 'health_care',
    region: 'toronto',
    size: 'small',
  },
  {
    name: 'Tourism Industry Association of Ontario',
    kind: 'industry_association',
    sector: 'hospitality_tourism',
    region: 'toronto',
    size: 'small',
  },
  {
    name: 'Northern Ontario Workforce Planning Board',
    kind: 'community_organization',
    sector: 'public_sector',
    region: 'northern',
    size: 'small',
  },
  { name: 'Skills for Change', kind: 'training_provider', sector: 'social_services', region: 'toronto', size: 'small' },
  { name: 'Boréal Construction Ltée', kind: 'employer', sector: 'construction_trades', region: 'northern', size: 'small' },
];

interface Plan {
  title: string;
  sector: string;
  focus: string[];
  credentials: string[];
  partners: string[];
}

/** Realistic proposals by sector (titles after the areas the news release names). */
export const DEMO_PLANS: Plan[] = [
  {
    title: 'Digital Marketing Essentials for Small Business',
    sector: 'digital_technology',
    focus: ['digital marketing', 'e-commerce'],
    credentials: ['Social Media Marketing', 'Search Engine Optimization', 'E-commerce Analytics'],
    partners: ['Shopify Inc.', 'Skills for Change'],
  },
  {
    title: 'Dementia Care Skills for Personal Support Workers',
    sector: 'health_care',
    focus: ['dementia care', 'long-term care'],
    credentials: ['Responsive Behaviours in Dementia', 'Person-Centred Dementia Care'],
    partners: ['Sinai Health', 'Ontario Long Term Care Association'],
  },
  {
    title: 'Network Security Fundamentals',
    sector: 'digital_technology',
    focus: ['network security', 'cyber security'],
    credentials: ['Network Defence', 'Incident Response', 'Cloud Security', 'Security Operations', 'Threat Hunting'],
    partners: ['Kinaxis Inc.'],
  },
  {
    title: 'Mental Health First Response in the Workplace',
    sector: 'health_care',
    focus: ['mental health'],
    credentials: ['Workplace Mental Health Literacy', 'Peer Support Foundations'],
    partners: ['Thunder Bay Regional Health Sciences Centre', 'Northern Ontario Workforce Planning Board'],
  },
  {
    title: 'Applied Artificial Intelligence for Manufacturing',
    sector: 'advanced_manufacturing',
    focus: ['artificial intelligence', 'automation'],
    credentials: ['Machine Vision for Quality Control', 'Predictive Maintenance with AI'],
    partners: ['Linamar Corporation', 'Canadian Manufacturers & Exporters (Ontario)'],
  },
  {
    title: 'Indigenous Relations in the Workplace',
    sector: 'public_sector',
    focus: ['Indigenous relations', 'cultural safety'],
    credentials: ['Truth and Reconciliation in Practice', 'Indigenous Cultural Safety'],
    partners: ['Hydro One Networks Inc.', 'Northern Ontario Workforce Planning Board'],
  },
  {
    title: 'Tourism Recovery: Guest Experience Design',
    sector: 'hospitality_tourism',
    focus: ['tourism', 'guest experience'],
    credentials: ['Experiential Tourism Design', 'Digital Guest Engagement'],
    partners: ['Niagara Parks Commission', 'Tourism Industry Association of Ontario'],
  },
  {
    title: 'Food Safety and Plant Sanitation',
    sector: 'agriculture_food',
    focus: ['food safety'],
    credentials: ['HACCP in Practice', 'Sanitation Technician'],
    partners: ['Maple Leaf Foods Inc.'],
  },
  {
    title: 'Underground Mine Automation Technician',
    sector: 'mining',
    focus: ['mining automation', 'battery-electric vehicles'],
    credentials: ['Battery-Electric Equipment Maintenance', 'Tele-remote Operations'],
    partners: ['Sudbury Integrated Nickel Operations', 'Boréal Construction Ltée'],
  },
  {
    title: 'Last-Mile Logistics Supervision',
    sector: 'transportation_logistics',
    focus: ['logistics', 'supervision'],
    credentials: ['Dispatch and Routing', 'Frontline Supervision in Logistics'],
    partners: ['Purolator Inc.'],
  },
];

export function narrativeFor(title: string, criterion: string): string {
  const texts: Record<string, string> = {
    employer_responsive: `Our employer partners co-designed "${title}" after a joint review of regional vacancy data. Each partner has committed hiring interviews for graduates and paid placements, and employer representatives sit on the program advisory committee that approves every learning outcome.`,
    upskilling: `"${title}" is built for people already at work: evening and weekend sessions, online modules of 2 to 4 hours, and assessments done on the job. Partner employers recognize completion in their internal progression frameworks and release staff time for it.`,
    critical_need: `The region lost jobs in sectors hit hardest by COVID-19 while employers in this field report unfilled positions. "${title}" targets that gap, with priority seats for displaced workers and supports for learners facing barriers.`,
  };
  return texts[criterion] ?? `${title}: ${criterion}`.padEnd(120, '.');
}
