export const ROLES = ['applicant', 'reviewer', 'program_officer', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const INSTITUTION_TYPES = [
  'public_college',
  'public_university',
  'indigenous_institute',
  'private_career_college',
  'private_degree_granting',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const ONTARIO_REGIONS = ['central', 'eastern', 'northern', 'southwestern', 'toronto'] as const;
export type OntarioRegion = (typeof ONTARIO_REGIONS)[number];

/** The user as returned by /api/auth/login, /api/auth/refresh and /api/auth/me. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  institutionId: string | null;
  preferredLanguage: Language;
}

/** A record of /api/users. */
export interface User extends AuthUser {
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A record of /api/institutions. */
export interface Institution {
  id: string;
  name: string;
  type: InstitutionType;
  region: OntarioRegion;
  address: string;
  createdAt?: string;
  updatedAt?: string;
}

/** The body of /api/auth/login and /api/auth/refresh. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: AuthUser;
}

/** The body of our API's errors. */
export interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  errors?: { field: string; reason: string }[];
  retryAfterSeconds?: number;
  /** 409 STALE_VERSION: the record as it is now */
  current?: unknown;
  /** more about the error, e.g. 409 CONFLICT_OF_INTEREST: `{ conflicts }` */
  details?: Record<string, unknown>;
}

/** Regions of partner organizations and of the proposals filter: Ontario's, plus outside Ontario. */
export const PARTNER_REGIONS = [...ONTARIO_REGIONS, 'outside_ontario'] as const;
export type PartnerRegion = (typeof PARTNER_REGIONS)[number];

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

export const FUND_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type FundStatus = (typeof FUND_STATUSES)[number];

export const INTAKE_STATES = ['not_open', 'open', 'closed'] as const;
export type IntakeState = (typeof INTAKE_STATES)[number];

/** A fund's scoring criterion. */
export interface Criterion {
  id?: string;
  code: string;
  position?: number;
  titleEn: string;
  titleFr: string;
  guidanceEn: string;
  guidanceFr: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

/** A record of /api/funds (money in integer cents, instants in ISO 8601). */
export interface Fund {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
  descriptionEn: string;
  descriptionFr: string;
  envelopeCents: number;
  opensAt: string;
  closesAt: string;
  /** closesAt on Toronto clocks, with its offset */
  closesAtLocal: string;
  timeZone: string;
  eligibleInstitutionTypes: InstitutionType[];
  capSingleCents: number;
  capStackCents: number;
  stackMinCredentials: number;
  submissionsPerInstitution: number;
  targetCredentials: number;
  launchEarliest: string | null;
  launchLatest: string | null;
  status: FundStatus;
  intake: IntakeState;
  criteria: Criterion[];
  createdAt?: string;
  updatedAt?: string;
  version: number;
}

export const PARTNER_KINDS = ['employer', 'industry_association', 'training_provider', 'community_organization'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const ORGANIZATION_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type OrganizationSize = (typeof ORGANIZATION_SIZES)[number];

/** A record of /api/partner-organizations. */
export interface PartnerOrganization {
  id: string;
  name: string;
  kind: PartnerKind;
  sector: Sector;
  region: PartnerRegion;
  size: OrganizationSize;
  createdAt?: string;
  updatedAt?: string;
  version: number;
}

export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'in_review',
  'reviewed',
  'recommended',
  'not_recommended',
  'awarded',
  'declined',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Statuses in which the applicant may still change, submit or withdraw a proposal (within the deadline). */
export const APPLICANT_ACTIVE_STATUSES: readonly ProposalStatus[] = ['draft', 'submitted'];

export const DELIVERY_MODES = ['online', 'hybrid', 'in_person'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const PARTNER_ROLES = [
  'co_designer',
  'work_placement_host',
  'hiring_partner',
  'subject_matter_expert',
  'funder',
  'other',
] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

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

export const ATTACHMENT_KINDS = ['letter_of_support', 'budget', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface MicroCredential {
  id?: string;
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
  id?: string;
  partnerOrganizationId: string;
  role: PartnerRole;
  cashCents: number;
  inKindCents: number;
  hiringIntent: number;
  placements: number;
  letterAttachmentId: string | null;
}

export interface BudgetLine {
  id?: string;
  category: BudgetCategory;
  description: string;
  requestedCents: number;
  partnerCents: number;
}

export interface Contact {
  id?: string;
  name: string;
  email: string;
  phone: string;
  role: string;
}

/** When the applicant may act, by the server's clock. */
export interface ProposalDeadline {
  closesAt: string;
  extensionUntil: string | null;
  effectiveDeadline: string;
  /** Toronto wall time with its offset */
  effectiveDeadlineLocal: string;
  /** whether the applicant can still act, by the server clock when the record was read */
  open: boolean;
  /** the server's clock when the record was read */
  serverTime: string;
}

/** A record of /api/proposals. */
export interface Proposal {
  id: string;
  fundId: string;
  fundCode: string;
  institutionId: string;
  institutionName: string;
  status: ProposalStatus;
  title: string;
  summary: string;
  sectors: Sector[];
  areasOfFocus: string[];
  regionsServed: string[];
  microCredentials: MicroCredential[];
  partners: ProposalPartner[];
  budget: BudgetLine[];
  narratives: Record<string, string>;
  contacts: Contact[];
  requestedCents: number;
  partnerContributionCents: number;
  trackingNumber: string | null;
  submittedVersion: number;
  lastSubmittedAt: string | null;
  hasUnsubmittedChanges: boolean;
  screeningReasons: string | null;
  screenedAt: string | null;
  withdrawnAt: string | null;
  deadline: ProposalDeadline | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The sections an applicant edits (PUT/PATCH /api/proposals/:id, with `version`). */
export const PROPOSAL_CONTENT_FIELDS = [
  'title',
  'summary',
  'sectors',
  'areasOfFocus',
  'regionsServed',
  'microCredentials',
  'partners',
  'budget',
  'narratives',
  'contacts',
] as const;

export interface FieldProblem {
  field: string;
  /** The server's sentence, in English. */
  reason: string;
  /** A stable rule code and its parameters, translated by `problemReason`. */
  code?: string;
  params?: Record<string, string | number>;
}

/** GET /api/proposals/:id/readiness */
export interface Readiness {
  ready: boolean;
  problems: FieldProblem[];
}

/** POST /api/proposals/:id/submit */
export interface Receipt {
  proposalId: string;
  trackingNumber: string;
  version: number;
  submittedAt: string;
  submittedAtLocal: string;
  onTimeBy: 'deadline' | 'extension';
}

/** GET /api/proposals/:id/submissions */
export interface Submission extends Receipt {
  submittedBy: string;
  snapshot?: Record<string, unknown>;
}

/** GET /api/proposals/:id/extensions */
export interface Extension {
  id: string;
  proposalId?: string;
  until: string;
  untilLocal: string;
  reason: string;
  grantedBy: string;
  grantedAt: string;
}

/** GET /api/proposals/:id/attachments */
export interface Attachment {
  id: string;
  proposalId: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

/* ---------------------------------------------------------------------------------------------
 * Review stage (issue 4): reviewers, assignments, reviews, ranking. See docs/reviews-api.md.
 * ------------------------------------------------------------------------------------------- */

export const REVIEW_STATUSES = ['not_started', 'draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const RECOMMENDATIONS = ['fund', 'fund_with_conditions', 'do_not_fund'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** A reviewer's past or current affiliation (a conflict of interest when it matches a proposal's organizations). */
export interface Affiliation {
  id?: string;
  organizationName: string;
  /** YYYY-MM-DD */
  startedOn: string | null;
  /** YYYY-MM-DD; empty when current */
  endedOn: string | null;
}

/** A record of /api/reviewers (its id is the user's id). */
export interface Reviewer {
  id: string;
  displayName: string;
  email: string;
  preferredLanguage: Language;
  maxLoad: number;
  sectors: Sector[];
  regions: OntarioRegion[];
  active: boolean;
  affiliations: Affiliation[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/funds/:fundId/review-settings */
export interface ReviewSettings {
  fundId: string;
  reviewersPerProposal: number;
  conflictLookbackYears: number;
  reviewDays: number;
  reminderDaysBefore: number;
  disagreementThreshold: number;
  minReviewsToNormalize: number;
  peerScoresAfterSubmit: boolean;
  version: number;
}

/** PUT /api/funds/:fundId/review-settings: every setting, with the `version` read. */
export type ReviewSettingsUpdate = Omit<ReviewSettings, 'fundId'>;

/** A record of /api/assignments. */
export interface Assignment {
  id: string;
  fundId: string;
  fundCode: string;
  proposalId: string;
  trackingNumber: string | null;
  proposalTitle: string;
  institutionName: string;
  reviewerId: string;
  reviewerName: string;
  source: 'auto' | 'manual';
  dueAt: string;
  /** dueAt on the fund's clocks, with its offset */
  dueAtLocal: string;
  overdue: boolean;
  reviewStatus: ReviewStatus;
  reviewId: string | null;
  submittedAt: string | null;
  createdAt: string;
}

export interface CriterionScoreInput {
  criterionCode: string;
  score: number | null;
  comment: string;
}

/** GET /api/assignments/:id/review */
export interface Review {
  id: string | null;
  assignmentId: string;
  proposalId: string;
  reviewerId: string;
  status: ReviewStatus;
  scores: CriterionScoreInput[];
  overallComment: string;
  recommendation: Recommendation | null;
  /** 0-100, once every criterion is scored */
  weightedTotal: number | null;
  submittedAt: string | null;
  version: number;
  criteria: Criterion[];
}

/** PUT /api/assignments/:id/review (a draft: partial is fine). */
export interface ReviewDraft {
  scores?: CriterionScoreInput[];
  overallComment?: string;
  recommendation?: Recommendation | null;
  version?: number;
}

/** GET /api/assignments/:id/peer-reviews: the other submitted reviews, without identities. */
export interface PeerReview {
  label: string;
  scores: CriterionScoreInput[];
  overallComment: string;
  recommendation: Recommendation | null;
  weightedTotal: number | null;
}

export const CONFLICT_REASONS = ['lead_institution', 'partner', 'declared'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/** POST /api/assignments/:id/declare-conflict, GET /api/conflicts */
export interface Conflict {
  id: string;
  proposalId: string;
  trackingNumber: string | null;
  reviewerId: string;
  reviewerName: string;
  reason: string;
  source: 'reviewer' | 'officer';
  recordedBy: string;
  createdAt: string;
}

export const UNMET_CAUSES = ['too_few_eligible', 'eligible_at_max_load', 'contention'] as const;
export type UnmetCause = (typeof UNMET_CAUSES)[number];

export interface ReviewerLoad {
  reviewerId: string;
  displayName: string;
  load: number;
  maxLoad: number;
}

/** POST /api/funds/:fundId/auto-assign */
export interface AutoAssignRequest {
  k?: number;
  dueAt?: string;
  dryRun?: boolean;
}

export interface AutoAssignResult {
  fundId: string;
  k: number;
  dryRun: boolean;
  proposals: number;
  created: number;
  kept: number;
  unmet: {
    proposalId: string;
    trackingNumber: string | null;
    title: string;
    assigned: number;
    missing: number;
    cause: UnmetCause;
    explanation: string;
  }[];
  loads: ReviewerLoad[];
  durationMs: number;
}

export interface ReviewCounts {
  submitted: number;
  draft: number;
  notStarted: number;
  overdue: number;
}

/** GET /api/funds/:fundId/review-progress */
export interface ReviewProgress {
  totals: ReviewCounts & { proposals: number; assignments: number };
  reviewers: (ReviewCounts & { reviewerId: string; displayName: string; maxLoad: number; assigned: number })[];
}

/** GET /api/proposals/:id/reviewer-options: one per active reviewer. */
/** A user with the reviewer role who is not in the pool yet. */
export interface ReviewerCandidate {
  id: string;
  displayName: string;
  email: string;
}

export interface ReviewerOption {
  reviewerId: string;
  displayName: string;
  load: number;
  maxLoad: number;
  /** 0 shares a sector and a region with the proposal, 1 a sector, 2 a region, 3 neither */
  expertise: 0 | 1 | 2 | 3;
  /** already assigned to the proposal */
  assigned: boolean;
  conflicts: { reason: ConflictReason; detail: string }[];
}

export const SCORE_BASES = ['consensus', 'normalized', 'none'] as const;
export type ScoreBasis = (typeof SCORE_BASES)[number];

export interface Moderation {
  consensusScore: number;
  rationale: string;
  moderatedBy: string;
  moderatedAt: string;
}

/** A row of GET /api/funds/:fundId/ranking (totals on 0-100, 2 decimals). */
export interface RankingRow {
  rank: number;
  proposalId: string;
  trackingNumber: string | null;
  title: string;
  institutionName: string;
  institutionType: InstitutionType;
  region: OntarioRegion;
  requestedCents: number;
  reviewsSubmitted: number;
  reviewsAssigned: number;
  rawTotal: number | null;
  normalizedTotal: number | null;
  consensusScore: number | null;
  finalScore: number | null;
  basis: ScoreBasis;
  spread: number | null;
  disagreement: boolean;
  criteria: { code: string; mean: number | null; stddev: number | null; min: number | null; max: number | null }[];
  recommendations: Record<Recommendation, number>;
  moderation: Moderation | null;
}

/* awards (docs/api.md, "Awards") */

export const DECISION_KINDS = ['fund_full', 'fund_partial', 'waitlist', 'decline'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** recommended → confirmed (→ rescinded) or returned; a confirmed waitlist decision is superseded on promotion. */
export const DECISION_STATUSES = ['recommended', 'confirmed', 'returned', 'rescinded', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A record of /api/decisions: an officer's recommendation and what became of it. */
export interface Decision {
  id: string;
  fundId: string;
  proposalId: string;
  trackingNumber: string | null;
  proposalTitle: string;
  institutionName: string;
  kind: DecisionKind;
  /** integer cents: what the decision commits once confirmed (0 for waitlist and decline) */
  amountCents: number;
  /** integer cents */
  requestedCents: number;
  conditions: string;
  rationale: string;
  status: DecisionStatus;
  /** the recommender's user id (four-eyes rule: someone else confirms or returns) */
  recommendedBy: string;
  recommendedByName: string;
  recommendedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  rescindedAt: string | null;
  rescindReason: string | null;
}

/** The body of POST /api/decisions (program officer). */
export interface RecommendRequest {
  proposalId: string;
  kind: DecisionKind;
  /** integer cents; required to fund in part */
  amountCents?: number;
  conditions?: string;
  rationale: string;
}

/** GET /api/funds/:fundId/ledger: the fund's envelope, in integer cents. */
export interface Ledger {
  fundId: string;
  envelopeCents: number;
  /** confirmed awards not rescinded */
  committedCents: number;
  disbursedCents: number;
  /** envelope − committed */
  remainingCents: number;
  /** awaiting confirmation: what the pending recommendations would commit */
  recommendedCents: number;
  awards: number;
  waitlisted: number;
}

export const LETTER_LANGUAGES = ['en', 'fr'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** A decision letter (PDF) in one language: GET /api/decisions/:id/letters, /api/funds/:fundId/decision-letters. */
export interface DecisionLetter {
  decisionId: string;
  language: LetterLanguage;
  /** pending until the PDF is stored; failed is retried by the job */
  status: 'pending' | 'generated' | 'failed';
  fileName: string;
  sizeBytes: number | null;
  sha256: string | null;
  generatedAt: string | null;
  /** when the mail to the applicant was written */
  emailedAt: string | null;
  /** GET it (application/pdf) once stored */
  downloadUrl: string | null;
  /** staff only: why the last attempt failed */
  error?: string | null;
}

/** GET /api/proposals/:id/decision: the proposal's confirmed decision as its applicant reads it, with its letters. */
export interface ProposalDecision {
  decisionId: string;
  kind: DecisionKind;
  amountCents: number;
  requestedCents: number;
  conditions: string;
  decidedAt: string;
  letters: DecisionLetter[];
}

/* ------------------------------------------------------------------ what-if scenarios (docs/api.md, "Scenarios") */

export const SCENARIO_OBJECTIVES = ['merit', 'merit_x_request'] as const;
export const SCENARIO_METHODS = ['optimal', 'greedy'] as const;
export type ScenarioMethod = (typeof SCENARIO_METHODS)[number];

/** A scenario's choices; absent fields keep the fund's defaults. Shares are fractions 0-1. */
export interface ScenarioParams {
  objective?: (typeof SCENARIO_OBJECTIVES)[number];
  method?: ScenarioMethod;
  criterionWeights?: Record<string, number>;
  cutLine?: number;
  partial?: { minPercent: number; step: number };
  targetMicroCredentials?: number;
  minShareByType?: Record<string, number>;
  maxShareByType?: Record<string, number>;
  minShareByRegion?: Record<string, number>;
  maxShareByRegion?: Record<string, number>;
  shareBasis?: 'funded' | 'envelope';
  /** integer cents */
  maxPerInstitutionCents?: number;
}

export interface ScenarioTotals {
  count: number;
  totalMerit: number;
  totalCents: number;
  microCredentials: number;
}

export interface ScenarioSelection {
  proposalId: string;
  trackingNumber: string | null;
  title: string;
  institutionName: string;
  institutionType: string;
  region: string;
  rank: number;
  merit: number;
  percent: number;
  amountCents: number;
  requestedCents: number;
  microCredentials: number;
}

export interface Scenario {
  id: string;
  fundId: string;
  name: string;
  params: ScenarioParams;
  status: 'queued' | 'running' | 'done' | 'failed';
  error: string | null;
  version: number;
  snapshotAt: string;
  envelopeCents: number;
  committedCents: number;
  outcome:
    | (ScenarioTotals & {
        status: 'optimal' | 'feasible' | 'infeasible' | 'no_solution';
        message: string | null;
        gap: number | null;
        durationMs: number;
        candidates: number;
        selected: ScenarioSelection[];
        greedy: ScenarioTotals & { violations: string[] };
        optimal: ScenarioTotals | null;
        violations: string[];
      })
    | null;
  createdByName: string;
  createdAt: string;
  computedAt: string | null;
  appliedAt: string | null;
}

export interface ScenarioMove {
  proposalId: string;
  trackingNumber: string | null;
  title: string;
  institutionName: string;
  fromPercent: number;
  toPercent: number;
  fromCents: number;
  toCents: number;
}

export interface ScenarioComparison {
  baseId: string;
  scenarios: (ScenarioTotals & {
    id: string;
    name: string;
    status: string;
    method: ScenarioMethod;
    envelopeUsedCents: number;
    envelopeCents: number;
    gap: number | null;
    byRegion: Record<string, { cents: number; count: number }>;
    byType: Record<string, { cents: number; count: number }>;
    movedIn: ScenarioMove[];
    movedOut: ScenarioMove[];
    changed: ScenarioMove[];
  })[];
}
