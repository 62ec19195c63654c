import { formatCents, requestCapCents } from '@cf/funds';
import type { FieldProblem } from '@cf/platform';
import { ProposalContent, totals } from './proposal-content';

export interface FundRules {
  eligibleInstitutionTypes: string[];
  capSingleCents: number;
  capStackCents: number;
  stackMinCredentials: number;
  launchEarliest: string | null;
  launchLatest: string | null;
  criteria: { code: string; titleEn: string }[];
}

export interface SubmissionFacts {
  institutionType: string;
  /** Partner organizations referenced by the proposal, by id. */
  partnerKinds: Map<string, string>;
  /** Ids of the proposal's letters of support still on file. */
  letterIds: Set<string>;
}

export const MIN_NARRATIVE_CHARS = 100;

/**
 * Everything a proposal needs before it can be submitted, as field problems a person can act on.
 * Empty when complete. Drafts may be incomplete; a submission may not.
 */
export function submissionProblems(p: ProposalContent, fund: FundRules, facts: SubmissionFacts): FieldProblem[] {
  const out: FieldProblem[] = [];
  const need = (ok: boolean, field: string, reason: string) => {
    if (!ok) out.push({ field, reason });
  };

  need(
    fund.eligibleInstitutionTypes.includes(facts.institutionType),
    'institution',
    `an institution of type ${facts.institutionType} is not eligible for this fund`,
  );
  need(p.title.trim().length >= 5, 'title', 'is required (at least 5 characters)');
  need(p.summary.trim().length >= 50, 'summary', 'is required (at least 50 characters)');
  need(p.sectors.length > 0, 'sectors', 'choose at least one sector');
  need(p.areasOfFocus.length > 0, 'areasOfFocus', 'name at least one area of focus');
  need(p.regionsServed.length > 0, 'regionsServed', 'choose at least one region');

  need(p.microCredentials.length > 0, 'microCredentials', 'plan at least one micro-credential');
  p.microCredentials.forEach((m, i) => {
    const f = `microCredentials.${i}`;
    need(m.title.trim().length > 0, `${f}.title`, 'is required');
    need(m.hours > 0, `${f}.hours`, 'must be more than 0');
    need(m.expectedEnrolment > 0, `${f}.expectedEnrolment`, 'must be more than 0');
    if (fund.launchEarliest)
      need(m.plannedLaunch >= fund.launchEarliest, `${f}.plannedLaunch`, `must be on or after ${fund.launchEarliest}`);
    if (fund.launchLatest)
      need(m.plannedLaunch <= fund.launchLatest, `${f}.plannedLaunch`, `must be on or before ${fund.launchLatest}`);
  });

  const employers = p.partners.filter((x) => facts.partnerKinds.get(x.partnerOrganizationId) === 'employer');
  need(employers.length > 0, 'partners', 'at least one partner must be an employer');
  p.partners.forEach((x, i) => {
    need(facts.partnerKinds.has(x.partnerOrganizationId), `partners.${i}.partnerOrganizationId`, 'no such partner organization');
    need(
      x.letterAttachmentId !== null && facts.letterIds.has(x.letterAttachmentId),
      `partners.${i}.letterAttachmentId`,
      'attach a letter of support',
    );
  });

  const { requestedCents } = totals(p.budget);
  need(p.budget.length > 0, 'budget', 'add at least one budget line');
  need(requestedCents > 0, 'budget', 'the requested amount must be more than $0');
  const cap = requestCapCents(fund, p.microCredentials);
  if (p.microCredentials.length > 0 && requestedCents > cap) {
    out.push({
      field: 'budget',
      reason: `the request of ${formatCents(requestedCents)} exceeds the cap of ${formatCents(cap)} for ${p.microCredentials.length} micro-credential(s)`,
    });
  }

  for (const c of fund.criteria) {
    need(
      (p.narratives[c.code] ?? '').trim().length >= MIN_NARRATIVE_CHARS,
      `narratives.${c.code}`,
      `answer "${c.titleEn}" (at least ${MIN_NARRATIVE_CHARS} characters)`,
    );
  }
  need(p.contacts.length > 0, 'contacts', 'add at least one contact');
  return out;
}
