import { submissionProblems } from './completeness';
import { ProposalContent } from './proposal-content';

const fund = {
  eligibleInstitutionTypes: ['public_college'],
  capSingleCents: 5_000_000,
  capStackCents: 30_000_000,
  stackMinCredentials: 5,
  launchEarliest: '2021-09-01',
  launchLatest: '2022-12-31',
  criteria: [{ code: 'employer_responsive', titleEn: 'Employer responsive' }],
};
const complete = (): ProposalContent => ({
  title: 'Advanced welding for local fabricators',
  summary: 'A stackable series of welding micro-credentials co-designed with three regional fabricators.',
  sectors: ['advanced_manufacturing'],
  areasOfFocus: ['welding'],
  regionsServed: ['southwestern'],
  microCredentials: [
    {
      id: 'm1',
      title: 'MIG basics',
      hours: 40,
      deliveryMode: 'hybrid',
      workIntegratedLearning: true,
      plannedLaunch: '2022-01-10',
      expectedEnrolment: 30,
      intendsOsap: true,
      stackable: true,
    },
  ],
  partners: [
    {
      id: 'p1',
      partnerOrganizationId: 'org1',
      role: 'co_designer',
      cashCents: 0,
      inKindCents: 100_000,
      hiringIntent: 5,
      placements: 5,
      letterAttachmentId: 'att1',
    },
  ],
  budget: [
    { id: 'b1', category: 'curriculum_development', description: 'Design', requestedCents: 4_000_000, partnerCents: 100_000 },
  ],
  narratives: { employer_responsive: 'x'.repeat(120) },
  contacts: [{ id: 'c1', name: 'Sam Lead', email: 'sam@college.example', phone: '', role: 'Lead' }],
});
const facts = { institutionType: 'public_college', partnerKinds: new Map([['org1', 'employer']]), letterIds: new Set(['att1']) };
const fields = (p: ProposalContent, f = facts) => submissionProblems(p, fund, f).map((x) => x.field);

describe('submission completeness', () => {
  it('accepts a complete proposal', () => {
    expect(submissionProblems(complete(), fund, facts)).toEqual([]);
  });

  it('refuses an ineligible institution type', () => {
    expect(fields(complete(), { ...facts, institutionType: 'private_career_college' })).toEqual(['institution']);
  });

  it('needs an employer among the partners, each with a letter of support', () => {
    expect(fields(complete(), { ...facts, partnerKinds: new Map([['org1', 'training_provider']]) })).toEqual(['partners']);
    expect(fields(complete(), { ...facts, letterIds: new Set() })).toEqual(['partners.0.letterAttachmentId']);
  });

  it('holds the request within the cap', () => {
    const p = complete();
    p.budget[0].requestedCents = 5_000_001;
    const problems = submissionProblems(p, fund, facts);
    expect(problems).toEqual([
      {
        field: 'budget',
        reason: 'the request of $50,000.01 exceeds the cap of $50,000.00 for 1 micro-credential(s)',
        code: 'over_cap',
        params: { requestedCents: 5_000_001, capCents: 5_000_000, count: 1 },
      },
    ]);
  });

  it('keeps launches within the fund window', () => {
    const p = complete();
    p.microCredentials[0].plannedLaunch = '2023-01-01';
    expect(fields(p)).toEqual(['microCredentials.0.plannedLaunch']);
  });

  it('names every missing part of an empty draft', () => {
    const empty: ProposalContent = {
      title: '',
      summary: '',
      sectors: [],
      areasOfFocus: [],
      regionsServed: [],
      microCredentials: [],
      partners: [],
      budget: [],
      narratives: {},
      contacts: [],
    };
    expect(fields(empty)).toEqual([
      'title',
      'summary',
      'sectors',
      'areasOfFocus',
      'regionsServed',
      'microCredentials',
      'partners',
      'budget',
      'budget',
      'narratives.employer_responsive',
      'contacts',
    ]);
  });
});
