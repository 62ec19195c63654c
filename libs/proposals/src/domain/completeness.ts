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
  const need = (ok: boolean, field: string, reason: string, code: string, params?: Record<string, string | number>) => {
    if (!ok) out.push({ field, reason, code, ...(params ? { params } : {}) });
  };

  need(
    fund.eligibleInstitutionTypes.includes(facts.institutionType),
    'institution',
    `an institution of type ${facts.institutionType} is not eligible for this fund`,
    'institution_type_ineligible',
    { type: facts.institutionType },
  );
  need(p.title.trim().length >= 5, 'title', 'is required (at least 5 characters)', 'min_length', { min: 5 });
  need(p.summary.trim().length >= 50, 'summary', 'is required (at least 50 characters)', 'min_length', { min: 50 });
  need(p.sectors.length > 0, 'sectors', 'choose at least one sector', 'sector_required');
  need(p.areasOfFocus.length > 0, 'areasOfFocus', 'name at least one area of focus', 'area_of_focus_required');
  need(p.regionsServed.length > 0, 'regionsServed', 'choose at least one region', 'region_required');

  need(p.microCredentials.length > 0, 'microCredentials', 'plan at least one micro-credential', 'credential_required');
  p.microCredentials.forEach((m, i) => {
    const f = `microCredentials.${i}`;
    need(m.title.trim().length > 0, `${f}.title`, 'is required', 'required');
    need(m.hours > 0, `${f}.hours`, 'must be more than 0', 'positive');
    need(m.expectedEnrolment > 0, `${f}.expectedEnrolment`, 'must be more than 0', 'positive');
    if (fund.launchEarliest)
      need(
        m.plannedLaunch >= fund.launchEarliest,
        `${f}.plannedLaunch`,
        `must be on or after ${fund.launchEarliest}`,
        'launch_too_early',
        {
          date: fund.launchEarliest,
        },
      );
    if (fund.launchLatest)
      need(
        m.plannedLaunch <= fund.launchLatest,
        `${f}.plannedLaunch`,
        `must be on or before ${fund.launchLatest}`,
        'launch_too_late',
        {
          date: fund.launchLatest,
        },
      );
  });

  const employers = p.partners.filter((x) => facts.partnerKinds.get(x.partnerOrganizationId) === 'employer');
  need(employers.length > 0, 'partners', 'at least one partner must be an employer', 'employer_partner_required');
  p.partners.forEach((x, i) => {
    need(
      facts.partnerKinds.has(x.partnerOrganizationId),
      `partners.${i}.partnerOrganizationId`,
      'no such partner organization',
      'unknown_partner',
    );
    need(
      x.letterAttachmentId !== null && facts.letterIds.has(x.letterAttachmentId),
      `partners.${i}.letterAttachmentId`,
      'attach a letter of support',
      'letter_required',
    );
  });

  const { requestedCents } = totals(p.budget);
  need(p.budget.length > 0, 'budget', 'add at least one budget line', 'budget_line_required');
  need(requestedCents > 0, 'budget', 'the requested amount must be more than $0', 'request_required');
  const cap = requestCapCents(fund, p.microCredentials);
  if (p.microCredentials.length > 0 && requestedCents > cap) {
    out.push({
      field: 'budget',
      reason: `the request of ${formatCents(requestedCents)} exceeds the cap of ${formatCents(cap)} for ${p.microCredentials.length} micro-credential(s)`,
      code: 'over_cap',
      params: { requestedCents, capCents: cap, count: p.microCredentials.length },
    });
  }

  for (const c of fund.criteria) {
    need(
      (p.narratives[c.code] ?? '').trim().length >= MIN_NARRATIVE_CHARS,
      `narratives.${c.code}`,
      `answer "${c.titleEn}" (at least ${MIN_NARRATIVE_CHARS} characters)`,
      'narrative_required',
      { min: MIN_NARRATIVE_CHARS },
    );
  }
  need(p.contacts.length > 0, 'contacts', 'add at least one contact', 'contact_required');
  return out;
}
