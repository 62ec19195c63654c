/**
 * What the public may see, in one place. A funded project is **published** when, and only while:
 *
 * - its award decision is a confirmed funding decision (`fund_full` or `fund_partial`, status `confirmed`): a
 *   recommendation awaiting the approver, a returned, rescinded or superseded decision, a waitlist or a decline is
 *   never published;
 * - its funding agreement is signed (`agreement_status = 'signed'`), so the project is `active` or `closed`: a project
 *   still `agreement_pending`, or `cancelled` (a rescinded award, a withdrawn institution), is never published;
 * - its fund is not a draft.
 *
 * A published project's funded micro-credentials are published with it. Everything else (proposals that were not
 * funded, drafts, submissions' budgets and contacts, partners' money, reviews, scores, decisions' rationales and
 * conditions, people) stays out: the queries select named columns into the public DTOs, never `*`.
 *
 * `PUBLISHED_PROJECTS_SQL` is a CTE body: `WITH pub AS (${PUBLISHED_PROJECTS_SQL}) …`.
 */
export const PUBLISHED_PROJECTS_SQL = `
  SELECT pr.id, pr.fund_id, pr.proposal_id, pr.institution_id, pr.title, pr.summary, pr.sectors, pr.areas_of_focus,
         pr.regions_served, pr.status, pr.award_cents, pr.awarded_at, pr.start_on, pr.end_on
    FROM projects pr
    JOIN award_decisions d ON d.id = pr.award_decision_id
    JOIN funds pf ON pf.id = pr.fund_id
   WHERE pr.status IN ('active', 'closed')
     AND pr.agreement_status = 'signed'
     AND d.status = 'confirmed'
     AND d.kind IN ('fund_full', 'fund_partial')
     AND pf.status <> 'draft'`;
