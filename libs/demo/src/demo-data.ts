import type { InstitutionType, OntarioRegion } from '@cf/institutions';
import type { Language, Role } from '@cf/platform';

/** Real Ontario institutions, of each type eligible to lead a proposal. */
export const DEMO_INSTITUTIONS: { name: string; type: InstitutionType; region: OntarioRegion; address: string }[] = [
  { name: 'George Brown College', type: 'public_college', region: 'toronto', address: '200 King St E, Toronto, ON M5A 3W8' },
  { name: 'Collège Boréal', type: 'public_college', region: 'northern', address: '21 boulevard Lasalle, Sudbury, ON P3A 6B1' },
  {
    name: 'Fanshawe College',
    type: 'public_college',
    region: 'southwestern',
    address: '1001 Fanshawe College Blvd, London, ON N5Y 5R6',
  },
  { name: 'Algonquin College', type: 'public_college', region: 'eastern', address: '1385 Woodroffe Ave, Ottawa, ON K2G 1V8' },
  { name: 'Conestoga College', type: 'public_college', region: 'central', address: '299 Doon Valley Dr, Kitchener, ON N2G 4M4' },
  {
    name: 'Confederation College',
    type: 'public_college',
    region: 'northern',
    address: '1450 Nakina Dr, Thunder Bay, ON P7C 4W1',
  },
  {
    name: 'University of Waterloo',
    type: 'public_university',
    region: 'central',
    address: '200 University Ave W, Waterloo, ON N2L 3G1',
  },
  {
    name: 'Toronto Metropolitan University',
    type: 'public_university',
    region: 'toronto',
    address: '350 Victoria St, Toronto, ON M5B 2K3',
  },
  {
    name: 'Université de l’Ontario français',
    type: 'public_university',
    region: 'toronto',
    address: '9 Lower Jarvis St, Toronto, ON M5E 1Z2',
  },
  {
    name: 'Lakehead University',
    type: 'public_university',
    region: 'northern',
    address: '955 Oliver Rd, Thunder Bay, ON P7B 5E1',
  },
  {
    name: 'Six Nations Polytechnic',
    type: 'indigenous_institute',
    region: 'southwestern',
    address: '2160 Fourth Line, Ohsweken, ON N0A 1M0',
  },
  {
    name: 'First Nations Technical Institute',
    type: 'indigenous_institute',
    region: 'eastern',
    address: '3 Old York Rd, Tyendinaga Mohawk Territory, ON K0K 1X0',
  },
  {
    name: 'Oshki-Pimache-O-Win: The Wenjack Education Institute',
    type: 'indigenous_institute',
    region: 'northern',
    address: '106 Centennial Sq, Thunder Bay, ON P7E 1H3',
  },
  {
    name: 'triOS College',
    type: 'private_career_college',
    region: 'central',
    address: '6755 Mississauga Rd, Mississauga, ON L5N 7Y2',
  },
  {
    name: 'Academy of Learning Career College',
    type: 'private_career_college',
    region: 'toronto',
    address: '1 Valleybrook Dr, Toronto, ON M3B 2S7',
  },
  {
    name: 'Tyndale University',
    type: 'private_degree_granting',
    region: 'toronto',
    address: '3377 Bayview Ave, Toronto, ON M2M 3S4',
  },
  {
    name: 'Redeemer University',
    type: 'private_degree_granting',
    region: 'central',
    address: '777 Garner Rd E, Ancaster, ON L9K 1J4',
  },
];

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS: {
  email: string;
  displayName: string;
  roles: Role[];
  institution?: string;
  preferredLanguage: Language;
}[] = [
  { email: 'admin@example.org', displayName: 'Alex Admin', roles: ['admin'], preferredLanguage: 'en' },
  { email: 'officer@example.org', displayName: 'Olivia Officer', roles: ['program_officer'], preferredLanguage: 'en' },
  { email: 'approver@example.org', displayName: 'Amir Approver', roles: ['approver'], preferredLanguage: 'en' },
  { email: 'reviewer@example.org', displayName: 'Rita Reviewer', roles: ['reviewer'], preferredLanguage: 'en' },
  { email: 'reviewer2@example.org', displayName: 'Rémi Réviseur', roles: ['reviewer'], preferredLanguage: 'fr' },
  {
    email: 'applicant@example.org',
    displayName: 'Priya Applicant',
    roles: ['applicant'],
    institution: 'George Brown College',
    preferredLanguage: 'en',
  },
  {
    email: 'applicant2@example.org',
    displayName: 'Étienne Demandeur',
    roles: ['applicant'],
    institution: 'Collège Boréal',
    preferredLanguage: 'fr',
  },
];
