import type { BudgetLine, Contact, MicroCredential, Proposal, ProposalPartner } from '../types';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
/** An item's id when it has one (new items get theirs from the server). */
const withId = (id: unknown) => (typeof id === 'string' && id ? { id } : {});
/** A whole number, or what was typed (the server names the field if it is wrong). */
const whole = (value: unknown) => (value === '' || value === undefined ? null : value);

/**
 * The body of PUT /api/proposals/:id: the sections an applicant edits and the version read
 * (optimistic locking). Empty texts are sent as "", never null; money is integer cents.
 */
export const toProposalPayload = (values: Partial<Proposal>) => ({
  version: values.version,
  title: text(values.title),
  summary: text(values.summary),
  sectors: list<string>(values.sectors),
  areasOfFocus: list<string>(values.areasOfFocus)
    .map((a) => text(a).trim())
    .filter((a) => a.length > 0),
  regionsServed: list<string>(values.regionsServed),
  microCredentials: list<Partial<MicroCredential>>(values.microCredentials).map((m) => ({
    ...withId(m?.id),
    title: text(m?.title),
    hours: whole(m?.hours),
    deliveryMode: m?.deliveryMode,
    workIntegratedLearning: !!m?.workIntegratedLearning,
    plannedLaunch: m?.plannedLaunch,
    expectedEnrolment: whole(m?.expectedEnrolment),
    intendsOsap: !!m?.intendsOsap,
    stackable: !!m?.stackable,
  })),
  partners: list<Partial<ProposalPartner>>(values.partners).map((p) => ({
    ...withId(p?.id),
    partnerOrganizationId: p?.partnerOrganizationId,
    role: p?.role,
    cashCents: whole(p?.cashCents),
    inKindCents: whole(p?.inKindCents),
    hiringIntent: whole(p?.hiringIntent),
    placements: whole(p?.placements),
    letterAttachmentId: typeof p?.letterAttachmentId === 'string' && p.letterAttachmentId ? p.letterAttachmentId : null,
  })),
  budget: list<Partial<BudgetLine>>(values.budget).map((b) => ({
    ...withId(b?.id),
    category: b?.category,
    description: text(b?.description),
    requestedCents: whole(b?.requestedCents),
    partnerCents: whole(b?.partnerCents),
  })),
  narratives: Object.fromEntries(
    Object.entries(values.narratives && typeof values.narratives === 'object' ? values.narratives : {}).map(([code, answer]) => [
      code,
      text(answer),
    ]),
  ),
  contacts: list<Partial<Contact>>(values.contacts).map((c) => ({
    ...withId(c?.id),
    name: text(c?.name),
    email: text(c?.email).trim(),
    phone: text(c?.phone),
    role: text(c?.role),
  })),
});
