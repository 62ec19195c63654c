import { formatZoned, TORONTO } from '@cf/platform';
import { EntityManager } from 'typeorm';
import { ReviewerAffiliation } from './domain/conflicts';
import { ReviewSettingsDto } from './dto/reviewer.dto';

/** Proposal statuses in which reviewers may be assigned and reviews written. */
export const REVIEWABLE_STATUSES = ['eligible', 'in_review', 'reviewed'] as const;

/** What conflicts and expertise need of a proposal, as submitted (its latest snapshot). */
export interface ProposalReviewFacts {
  id: string;
  fundId: string;
  status: string;
  trackingNumber: string | null;
  title: string;
  leadInstitutionName: string;
  partnerNames: string[];
  sectors: string[];
  regions: string[];
}

export interface ReviewerRecord {
  id: string;
  displayName: string;
  email: string;
  preferredLanguage: 'en' | 'fr';
  maxLoad: number;
  sectors: string[];
  regions: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  affiliations: (ReviewerAffiliation & { id: string })[];
}

/** Today's calendar date in Toronto, for the conflict look-back. */
export function torontoToday(now: Date): string {
  return formatZoned(now, TORONTO).slice(0, 10);
}

/** Facts of the given proposals (or of every reviewable proposal of a fund), from their latest submission. */
export async function findProposalReviewFacts(
  m: EntityManager,
  where: { ids: string[] } | { fundId: string; reviewableOnly: true },
): Promise<ProposalReviewFacts[]> {
  const byIds = 'ids' in where;
  const rows: {
    id: string;
    fund_id: string;
    status: string;
    tracking_number: string | null;
    title: string;
    lead: string;
    region: string;
    partner_names: string[];
    sectors: string[];
    regions: string[];
  }[] = await m.query(
    `SELECT p.id, p.fund_id, p.status, p.tracking_number, coalesce(s.snapshot->>'title', p.title) AS title,
            i.name AS lead, i.region,
            coalesce((SELECT array_agg(po.name ORDER BY x.ord)
                        FROM jsonb_array_elements(coalesce(s.snapshot->'partners', p.partners)) WITH ORDINALITY AS x(item, ord)
                        JOIN partner_organizations po ON po.id::text = x.item->>'partnerOrganizationId'), '{}') AS partner_names,
            coalesce(ARRAY(SELECT jsonb_array_elements_text(s.snapshot->'sectors')), p.sectors) AS sectors,
            coalesce(ARRAY(SELECT jsonb_array_elements_text(s.snapshot->'regionsServed')), p.regions_served) AS regions
       FROM proposals p
       JOIN institutions i ON i.id = p.institution_id
       LEFT JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
      WHERE ${byIds ? 'p.id = ANY($1::uuid[])' : 'p.fund_id = $1 AND p.status = ANY($2::text[])'}
      ORDER BY p.tracking_number NULLS LAST, p.id`,
    byIds ? [where.ids] : [where.fundId, [...REVIEWABLE_STATUSES]],
  );
  return rows.map((r) => ({
    id: r.id,
    fundId: r.fund_id,
    status: r.status,
    trackingNumber: r.tracking_number,
    title: r.title,
    leadInstitutionName: r.lead,
    partnerNames: r.partner_names,
    sectors: r.sectors,
    // The lead institution's own region counts as a region the proposal serves.
    regions: [...new Set([...r.regions, r.region])],
  }));
}

/** Reviewers with their affiliations, by ids or all; in name order. */
export async function findReviewers(m: EntityManager, ids?: string[], lock = false): Promise<ReviewerRecord[]> {
  if (lock) {
    // Serializes load checks: every writer of a reviewer's assignments locks the reviewer row first, in id order.
    await m.query(
      `SELECT 1 FROM reviewers WHERE ${ids ? 'user_id = ANY($1::uuid[])' : 'true'} ORDER BY user_id FOR UPDATE`,
      ids ? [ids] : [],
    );
  }
  const rows: {
    user_id: string;
    display_name: string;
    email: string;
    preferred_language: 'en' | 'fr';
    max_load: number;
    sectors: string[];
    regions: string[];
    active: boolean;
    created_at: Date;
    updated_at: Date;
    version: number;
    affiliations: { id: string; name: string; startedOn: string | null; endedOn: string | null }[];
  }[] = await m.query(
    `SELECT r.user_id, u.display_name, u.email, u.preferred_language, r.max_load, r.sectors, r.regions,
            r.active AND u.is_active AS active,
            r.created_at, r.updated_at, r.version,
            coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.organization_name,
                                                        'startedOn', a.started_on::text, 'endedOn', a.ended_on::text)
                                      ORDER BY a.position)
                        FROM reviewer_affiliations a WHERE a.reviewer_id = r.user_id), '[]') AS affiliations
       FROM reviewers r JOIN users u ON u.id = r.user_id
      WHERE ${ids ? 'r.user_id = ANY($1::uuid[])' : 'true'}
      ORDER BY u.display_name, r.user_id`,
    ids ? [ids] : [],
  );
  return rows.map((r) => ({
    id: r.user_id,
    displayName: r.display_name,
    email: r.email,
    preferredLanguage: r.preferred_language,
    maxLoad: r.max_load,
    sectors: r.sectors,
    regions: r.regions,
    active: r.active,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    version: r.version,
    affiliations: r.affiliations.map((a) => ({ id: a.id, name: a.name, startedOn: a.startedOn, endedOn: a.endedOn })),
  }));
}

/** Declared or recorded conflicts among the given proposals: "proposalId:reviewerId" → reason. */
export async function findDeclaredConflicts(m: EntityManager, proposalIds: string[]): Promise<Map<string, string>> {
  const rows: { proposal_id: string; reviewer_id: string; reason: string }[] = await m.query(
    `SELECT proposal_id, reviewer_id, reason FROM review_conflicts WHERE proposal_id = ANY($1::uuid[])`,
    [proposalIds],
  );
  return new Map(rows.map((r) => [`${r.proposal_id}:${r.reviewer_id}`, r.reason]));
}

/** Active assignment counts per reviewer in a fund. */
export async function findLoads(m: EntityManager, fundId: string): Promise<Map<string, number>> {
  const rows: { reviewer_id: string; n: number }[] = await m.query(
    `SELECT reviewer_id, count(*)::int AS n FROM review_assignments WHERE fund_id = $1 AND removed_at IS NULL GROUP BY reviewer_id`,
    [fundId],
  );
  return new Map(rows.map((r) => [r.reviewer_id, r.n]));
}

interface SettingsRow {
  fund_id: string;
  reviewers_per_proposal: number;
  conflict_lookback_years: number;
  review_days: number;
  reminder_days_before: number;
  disagreement_threshold: string;
  min_reviews_to_normalize: number;
  peer_scores_after_submit: boolean;
  version: number;
}

export function toSettingsDto(r: SettingsRow): ReviewSettingsDto {
  return {
    fundId: r.fund_id,
    reviewersPerProposal: r.reviewers_per_proposal,
    conflictLookbackYears: r.conflict_lookback_years,
    reviewDays: r.review_days,
    reminderDaysBefore: r.reminder_days_before,
    disagreementThreshold: Number(r.disagreement_threshold),
    minReviewsToNormalize: r.min_reviews_to_normalize,
    peerScoresAfterSubmit: r.peer_scores_after_submit,
    version: r.version,
  };
}

/** The fund's review settings (the defaults until an officer changes them); null when there is no such fund. */
export async function findReviewSettings(m: EntityManager, fundId: string): Promise<ReviewSettingsDto | null> {
  const rows: SettingsRow[] = await m.query(
    `SELECT f.id AS fund_id,
            coalesce(s.reviewers_per_proposal, 3) AS reviewers_per_proposal,
            coalesce(s.conflict_lookback_years, 2) AS conflict_lookback_years,
            coalesce(s.review_days, 14) AS review_days,
            coalesce(s.reminder_days_before, 2) AS reminder_days_before,
            coalesce(s.disagreement_threshold, 25)::text AS disagreement_threshold,
            coalesce(s.min_reviews_to_normalize, 3) AS min_reviews_to_normalize,
            coalesce(s.peer_scores_after_submit, false) AS peer_scores_after_submit,
            coalesce(s.version, 0) AS version
       FROM funds f LEFT JOIN fund_review_settings s ON s.fund_id = f.id
      WHERE f.id = $1`,
    [fundId],
  );
  return rows[0] ? toSettingsDto(rows[0]) : null;
}
