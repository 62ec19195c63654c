import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider, type Identifier } from 'react-admin';
import { noteServerTime } from '../common/server-clock';
import type {
  ExportDataset,
  ExportFormat,
  Milestone,
  Payment,
  Project,
  ProjectMicroCredential,
  ProjectMicroCredentialInput,
  ProjectReport,
  ReportDraft,
  Tranche,
} from '../projects/project-types';
import type {
  ApiErrorBody,
  Assignment,
  Attachment,
  AttachmentKind,
  AutoAssignRequest,
  AutoAssignResult,
  Conflict,
  Decision,
  DecisionLetter,
  Extension,
  Ledger,
  PeerReview,
  Proposal,
  ProposalDecision,
  RankingRow,
  Readiness,
  Receipt,
  RecommendRequest,
  Review,
  ReviewDraft,
  ReviewerCandidate,
  ReviewerOption,
  ReviewProgress,
  ReviewSettings,
  ReviewSettingsUpdate,
  Submission,
  User,
  Scenario,
  ScenarioComparison,
  ScenarioParams,
} from '../types';
import type { FundDashboard } from '../dashboard/program-dashboard-types';
import { API_URL, baseHeaders, getValidSession, readJson, refreshSession } from './session';

type FetchResult = Awaited<ReturnType<typeof fetchUtils.fetchJson>>;

/** Our 400 `errors: [{field, reason}]` becomes react-admin's `{ errors: { field: reason } }`. */
const toReactAdminError = (error: unknown): unknown => {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as ApiErrorBody | undefined;
  if (body && Array.isArray(body.errors)) {
    const errors: Record<string, string> = {};
    for (const { field, reason } of body.errors) {
      if (!field) continue;
      errors[field] = errors[field] ? `${errors[field]}; ${reason}` : reason;
    }
    if (Object.keys(errors).length > 0) {
      return new HttpError(error.message, error.status, { ...body, errors });
    }
  }
  return error;
};

const withHeaders = (options: fetchUtils.Options, accessToken: string): fetchUtils.Options => {
  const headers = baseHeaders();
  new Headers(options.headers).forEach((value, key) => headers.set(key, value));
  headers.set('Authorization', `Bearer ${accessToken}`);
  return { ...options, headers };
};

/**
 * fetchUtils.fetchJson with the bearer token: refreshes the access token before it
 * expires, and once on a 401, then retries. A second 401 reaches
 * authProvider.checkError, which logs out.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}): Promise<FetchResult> => {
  let session;
  try {
    session = await getValidSession();
  } catch (error) {
    throw toReactAdminError(error);
  }
  try {
    return await fetchUtils.fetchJson(url, withHeaders(options, session.accessToken));
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 401) throw toReactAdminError(error);
  }
  try {
    let refreshed = await refreshSession(session.accessToken);
    if (refreshed.accessToken === session.accessToken) {
      refreshed = await refreshSession(session.accessToken);
    }
    return await fetchUtils.fetchJson(url, withHeaders(options, refreshed.accessToken));
  } catch (error) {
    throw toReactAdminError(error);
  }
};

/**
 * A raw fetch with the bearer token (downloads, exports): refreshes the access token before it
 * expires and once on a 401, then retries. Errors become HttpError with the API's body.
 */
export const authorizedFetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
  const run = (accessToken: string) => {
    const headers = baseHeaders();
    new Headers(init.headers).forEach((value, key) => headers.set(key, value));
    headers.set('Authorization', `Bearer ${accessToken}`);
    return fetch(url, { ...init, headers });
  };
  const session = await getValidSession();
  let response = await run(session.accessToken);
  if (response.status === 401) {
    const refreshed = await refreshSession(session.accessToken);
    response = await run(refreshed.accessToken);
  }
  if (!response.ok) {
    const body = await readJson<ApiErrorBody>(response);
    throw toReactAdminError(new HttpError(body?.message || response.statusText, response.status, body));
  }
  return response;
};

/** A file from the API: its bytes and the name the server gives it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

const fileNameOf = (response: Response, fallback: string): string => {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
};

export type UserStatusAction = 'deactivate' | 'reactivate';

export type ScreeningOutcome = 'eligible' | 'ineligible';

export interface AppDataProvider extends DataProvider {
  /** POST /api/users/:id/deactivate | reactivate: returns the user. */
  changeUserStatus: (id: Identifier, action: UserStatusAction) => Promise<{ data: User }>;
  /** GET /api/proposals/:id/readiness: what blocks submission. */
  getProposalReadiness: (id: Identifier) => Promise<Readiness>;
  /** POST /api/proposals/:id/submit with an Idempotency-Key (one per submit intent, reused on retry). */
  submitProposal: (id: Identifier, idempotencyKey: string) => Promise<Receipt>;
  /** POST /api/proposals/:id/withdraw */
  withdrawProposal: (id: Identifier, reason?: string) => Promise<{ data: Proposal }>;
  /** POST /api/proposals/:id/screening (program officer) */
  screenProposal: (id: Identifier, outcome: ScreeningOutcome, reasons?: string) => Promise<{ data: Proposal }>;
  /** GET /api/proposals/:id/extensions */
  getProposalExtensions: (id: Identifier) => Promise<Extension[]>;
  /** POST /api/proposals/:id/extensions (program officer): `until` is an ISO instant with its offset. */
  grantProposalExtension: (id: Identifier, until: string, reason: string) => Promise<Extension>;
  /** GET /api/proposals/:id/submissions */
  getProposalSubmissions: (id: Identifier) => Promise<Submission[]>;
  /** GET /api/proposals/:id/attachments */
  getProposalAttachments: (id: Identifier) => Promise<Attachment[]>;
  /** POST /api/proposals/:id/attachments (multipart: `kind` first, then `file`). */
  uploadProposalAttachment: (id: Identifier, kind: AttachmentKind, file: File) => Promise<Attachment>;
  /** DELETE /api/proposals/:id/attachments/:attachmentId */
  deleteProposalAttachment: (id: Identifier, attachmentId: string) => Promise<void>;
  /** GET /api/proposals/:id/attachments/:attachmentId/content */
  downloadProposalAttachment: (id: Identifier, attachmentId: string, fallbackName: string) => Promise<DownloadedFile>;
  /** GET /api/proposals/export: CSV, UTF-8 with a byte order mark. */
  exportProposals: (filter: Record<string, unknown>, sort?: { field: string; order: string }) => Promise<DownloadedFile>;

  /* review stage (docs/reviews-api.md) */
  /** GET /api/assignments/:id/review: the review (or an empty one) with the fund's criteria. */
  getAssignmentReview: (assignmentId: Identifier) => Promise<Review>;
  /** PUT /api/assignments/:id/review: saves a draft (409 REVIEW_LOCKED, STALE_VERSION). */
  saveAssignmentReview: (assignmentId: Identifier, draft: ReviewDraft) => Promise<Review>;
  /** POST /api/assignments/:id/review/submit (422 INCOMPLETE with `errors[]`). */
  submitAssignmentReview: (assignmentId: Identifier) => Promise<Review>;
  /** GET /api/assignments/:id/peer-reviews (403 PEER_SCORES_HIDDEN). */
  getPeerReviews: (assignmentId: Identifier) => Promise<PeerReview[]>;
  /** POST /api/assignments/:id/declare-conflict: the assignment is removed. */
  declareConflict: (assignmentId: Identifier, reason: string) => Promise<Conflict>;
  /** POST /api/assignments (program officer): a manual assignment. */
  assignReviewer: (body: { proposalId: string; reviewerId: string; dueAt?: string }) => Promise<Assignment>;
  /** POST /api/assignments/:id/move (program officer): the new assignment. */
  moveAssignment: (assignmentId: Identifier, reviewerId: string, reason?: string) => Promise<Assignment>;
  /** DELETE /api/assignments/:id (program officer). */
  removeAssignment: (assignmentId: Identifier) => Promise<void>;
  /** GET /api/reviewers/candidates (program officer, admin): reviewer accounts not in the pool yet. */
  getReviewerCandidates: () => Promise<ReviewerCandidate[]>;
  /** GET /api/proposals/:id/reviewer-options (program officer). */
  getReviewerOptions: (proposalId: Identifier) => Promise<ReviewerOption[]>;
  /** POST /api/funds/:fundId/auto-assign (program officer). */
  autoAssign: (fundId: Identifier, request: AutoAssignRequest) => Promise<AutoAssignResult>;
  /** GET /api/funds/:fundId/review-progress */
  getReviewProgress: (fundId: Identifier) => Promise<ReviewProgress>;
  /** GET /api/funds/:fundId/review-settings */
  getReviewSettings: (fundId: Identifier) => Promise<ReviewSettings>;
  /** PUT /api/funds/:fundId/review-settings (program officer, admin; 409 STALE_VERSION). */
  updateReviewSettings: (fundId: Identifier, settings: ReviewSettingsUpdate) => Promise<ReviewSettings>;
  /** POST /api/reviews/:id/reopen (program officer): back to draft (409 NOT_SUBMITTED, REVIEW_CLOSED). */
  reopenReview: (reviewId: Identifier, reason: string) => Promise<Review>;
  /** POST /api/conflicts (program officer): records a conflict and removes an unsubmitted assignment. */
  recordConflict: (body: { proposalId: string; reviewerId: string; reason: string }) => Promise<Conflict>;
  /** GET /api/funds/:fundId/ranking: every row, in rank order (read page by page). */
  getRanking: (fundId: Identifier, filter?: Record<string, unknown>) => Promise<{ rows: RankingRow[]; total: number }>;
  /** GET /api/funds/:fundId/ranking/export: CSV, UTF-8 with a byte order mark. */
  exportRanking: (fundId: Identifier, filter?: Record<string, unknown>) => Promise<DownloadedFile>;
  /** PUT /api/proposals/:id/moderation (program officer; 409 NOT_FLAGGED): the ranking row. */
  moderateProposal: (proposalId: Identifier, consensusScore: number, rationale: string) => Promise<RankingRow>;
  /** DELETE /api/proposals/:id/moderation (program officer). */
  clearModeration: (proposalId: Identifier) => Promise<void>;

  /* funded projects (docs/projects-api.md) */
  /** POST /api/projects/:id/agreement/send (program officer): draft → sent. */
  sendAgreement: (projectId: Identifier, note?: string) => Promise<Project>;
  /** POST /api/projects/:id/agreement/document (multipart `file`): the signed copy (415, 413). */
  uploadAgreement: (projectId: Identifier, file: File) => Promise<Project>;
  /** POST /api/projects/:id/agreement/sign (program officer; 409 AGREEMENT_DOCUMENT_MISSING). */
  signAgreement: (projectId: Identifier, signedOn: string) => Promise<Project>;
  /** GET /api/projects/:id/agreement/document */
  downloadAgreement: (projectId: Identifier, fallbackName: string) => Promise<DownloadedFile>;
  /** POST /api/projects/:id/close (program officer; 409 PROJECT_NOT_CLOSABLE with `problems`). */
  closeProject: (projectId: Identifier, note?: string) => Promise<Project>;
  /** GET /api/projects/:id/milestones */
  getProjectMilestones: (projectId: Identifier) => Promise<Milestone[]>;
  /** POST …/milestones/:milestoneId/deliver (the institution): `{ note, evidenceUrl? }`. */
  deliverMilestone: (projectId: Identifier, milestoneId: string, note: string, evidenceUrl?: string) => Promise<Milestone>;
  /** POST …/milestones/:milestoneId/accept | return (program officer; a return needs the comment). */
  reviewMilestone: (
    projectId: Identifier,
    milestoneId: string,
    action: 'accept' | 'return',
    comment?: string,
  ) => Promise<Milestone>;
  /** POST …/milestones/:milestoneId/reschedule | …/reports/:reportId/reschedule (program officer): an amendment. */
  rescheduleProjectItem: (
    projectId: Identifier,
    item: 'milestones' | 'reports',
    itemId: string,
    dueOn: string,
    reason: string,
  ) => Promise<Milestone | ProjectReport>;
  /** GET /api/projects/:id/tranches */
  getProjectTranches: (projectId: Identifier) => Promise<Tranche[]>;
  /** POST …/tranches/:trancheId/release (program officer; 409 MILESTONE_NOT_ACCEPTED, TRANCHE_RELEASED…). */
  releaseTranche: (projectId: Identifier, trancheId: string, note?: string) => Promise<Payment>;
  /** GET /api/projects/:id/payments */
  getProjectPayments: (projectId: Identifier) => Promise<Payment[]>;
  /** GET /api/projects/:id/reports */
  getProjectReports: (projectId: Identifier) => Promise<ProjectReport[]>;
  /** PUT /api/projects/:id/reports/:reportId (the institution's draft; 409 STALE_VERSION, 400 per field). */
  saveProjectReport: (projectId: Identifier, reportId: string, draft: ReportDraft) => Promise<ProjectReport>;
  /** POST …/reports/:reportId/submit (422 REPORT_INCOMPLETE with `errors`). */
  submitProjectReport: (projectId: Identifier, reportId: string, version: number) => Promise<ProjectReport>;
  /** POST …/reports/:reportId/accept | return (program officer; a return needs the comment). */
  reviewProjectReport: (
    projectId: Identifier,
    reportId: string,
    action: 'accept' | 'return',
    comment?: string,
  ) => Promise<ProjectReport>;
  /** GET /api/projects/:id/micro-credentials */
  getProjectMicroCredentials: (projectId: Identifier) => Promise<ProjectMicroCredential[]>;
  /** POST /api/projects/:id/micro-credentials (the institution). */
  createProjectMicroCredential: (projectId: Identifier, body: ProjectMicroCredentialInput) => Promise<ProjectMicroCredential>;
  /** PUT /api/projects/:id/micro-credentials/:microCredentialId with `version` (409 STALE_VERSION). */
  updateProjectMicroCredential: (
    projectId: Identifier,
    microCredentialId: string,
    body: ProjectMicroCredentialInput & { version: number },
  ) => Promise<ProjectMicroCredential>;
  /** GET /api/projects/export, /api/project-payments/export, /api/project-reports/export: CSV or XLSX. */
  exportProjectList: (
    dataset: ExportDataset,
    format: ExportFormat,
    lang: string,
    filter: Record<string, unknown>,
    sort?: { field: string; order: string },
  ) => Promise<DownloadedFile>;

  /* awards (docs/api.md, "Awards") */
  /** GET /api/funds/:fundId/ledger: the envelope, committed, recommended, disbursed, remaining. */
  getLedger: (fundId: Identifier) => Promise<Ledger>;
  /** GET /api/decisions?filter={fundId}: every decision of the fund, most recent first (read page by page). */
  getFundDecisions: (fundId: Identifier, filter?: Record<string, unknown>) => Promise<{ rows: Decision[]; total: number }>;
  /** POST /api/decisions (program officer; 409 DECISION_EXISTS, NOT_DECIDABLE). */
  recommendDecision: (body: RecommendRequest) => Promise<Decision>;
  /** GET /api/funds/:fundId/decision-letters (staff): the letters of the fund's decisions. */
  getFundDecisionLetters: (fundId: Identifier) => Promise<DecisionLetter[]>;
  /** GET /api/proposals/:id/decision (the proposal's applicant, staff): its confirmed decision and letters, or null. */
  getProposalDecision: (proposalId: Identifier) => Promise<ProposalDecision | null>;
  /** GET /api/decisions/:id/letters/:language: the PDF (409 LETTER_PENDING before it is stored). */
  downloadDecisionLetter: (letter: Pick<DecisionLetter, 'decisionId' | 'language' | 'fileName'>) => Promise<DownloadedFile>;
  /** POST /api/decisions/:id/letters/regenerate (officer, approver; 409 LETTERS_PENDING, NOT_CONFIRMED). */
  regenerateDecisionLetters: (decisionId: Identifier) => Promise<DecisionLetter[]>;
  /** POST /api/decisions/:id/confirm (not the recommender: 403 FOUR_EYES; 409 ENVELOPE_EXCEEDED, NOT_RECOMMENDED). */
  confirmDecision: (decisionId: Identifier, note?: string) => Promise<Decision>;
  /** POST /api/decisions/:id/return (not the recommender: 403 FOUR_EYES; 409 NOT_RECOMMENDED). */
  returnDecision: (decisionId: Identifier, reason: string) => Promise<Decision>;
  /** POST /api/decisions/:id/rescind (409 NOT_RESCINDABLE, ALREADY_DISBURSED). */
  rescindDecision: (decisionId: Identifier, reason: string) => Promise<Decision>;

  /* what-if scenarios (docs/api.md, "Scenarios") */
  /** GET /api/scenarios?filter={fundId}: the fund's scenarios, newest first. */
  getFundScenarios: (fundId: Identifier) => Promise<Scenario[]>;
  /** POST /api/scenarios (program officer; 400 per field, 409 SCENARIO_NAME_TAKEN): solved in the background. */
  createScenario: (body: { fundId: string; name: string; params: ScenarioParams }) => Promise<Scenario>;
  /** POST /api/scenarios/:id/recompute: a new snapshot of the fund, solved again. */
  recomputeScenario: (id: Identifier) => Promise<Scenario>;
  /** POST /api/scenarios/:id/apply: the selection becomes recommendations (409 SCENARIO_NOT_SOLVED). */
  applyScenario: (
    id: Identifier,
    body: { rationale: string; conditions?: string },
  ) => Promise<{ recommended: string[]; skipped: { proposalId: string; reason: string }[] }>;
  /** DELETE /api/scenarios/:id */
  deleteScenario: (id: Identifier) => Promise<void>;
  /** GET /api/scenarios/compare?ids=a,b: side by side against the first. */
  compareScenarios: (ids: readonly Identifier[]) => Promise<ScenarioComparison>;

  /* program dashboard (docs/projects-api.md, "Program dashboard") */
  /** GET /api/funds/:fundId/dashboard (staff): projects at risk, money by group, micro-credentials, enrolments. */
  getFundDashboard: (fundId: Identifier) => Promise<FundDashboard>;
}

const base = simpleRestProvider(API_URL, httpClient);
const proposalUrl = (id: Identifier, path = '') => `${API_URL}/proposals/${encodeURIComponent(String(id))}${path}`;
const assignmentUrl = (id: Identifier, path = '') => `${API_URL}/assignments/${encodeURIComponent(String(id))}${path}`;
const fundUrl = (id: Identifier, path = '') => `${API_URL}/funds/${encodeURIComponent(String(id))}${path}`;
const decisionUrl = (id: Identifier, path = '') => `${API_URL}/decisions/${encodeURIComponent(String(id))}${path}`;
const scenarioUrl = (id: Identifier, path = '') => `${API_URL}/scenarios/${encodeURIComponent(String(id))}${path}`;
const projectUrl = (id: Identifier, path = '') => `${API_URL}/projects/${encodeURIComponent(String(id))}${path}`;

/** Rows read per request of the ranking (the API pages like the other lists). */
const RANKING_PAGE = 500;
/** The ranking of a fund is read whole, up to this many rows. */
const RANKING_MAX = 5000;
/** A fund's decisions are read whole too (the API takes up to 1000 per page). */
const DECISIONS_PAGE = 500;
const DECISIONS_MAX = 5000;

/** The total of a `Content-Range: items 0-24/319` header, or undefined. */
const contentRangeTotal = (headers: Headers): number | undefined => {
  const total = Number(headers.get('Content-Range')?.split('/').pop());
  return Number.isFinite(total) ? total : undefined;
};

/** Proposals carry the server's clock: keep the skew for the deadline countdowns. */
const noteProposals = (resource: string, records: unknown[]) => {
  if (resource !== 'proposals') return;
  const first = records.find((r) => (r as Proposal | undefined)?.deadline?.serverTime) as Proposal | undefined;
  noteServerTime(first?.deadline?.serverTime);
};

const postJson = async <T>(url: string, body: unknown, headers?: Record<string, string>): Promise<T> => {
  const { json } = await httpClient(url, { method: 'POST', body: JSON.stringify(body), headers: new Headers(headers) });
  return json as T;
};

export const dataProvider: AppDataProvider = {
  ...base,
  getList: async (resource, params) => {
    const result = await base.getList(resource, params);
    noteProposals(resource, result.data);
    return result;
  },
  getOne: async (resource, params) => {
    const result = await base.getOne(resource, params);
    noteProposals(resource, [result.data]);
    return result;
  },
  update: async (resource, params) => {
    const result = await base.update(resource, params);
    noteProposals(resource, [result.data]);
    return result;
  },
  create: async (resource, params) => {
    const result = await base.create(resource, params);
    noteProposals(resource, [result.data]);
    return result;
  },
  changeUserStatus: async (id, action) => {
    const { json } = await httpClient(`${API_URL}/users/${encodeURIComponent(String(id))}/${action}`, {
      method: 'POST',
    });
    return { data: json as User };
  },
  getProposalReadiness: async (id) => (await httpClient(proposalUrl(id, '/readiness'))).json as Readiness,
  submitProposal: (id, idempotencyKey) =>
    postJson<Receipt>(proposalUrl(id, '/submit'), {}, { 'Idempotency-Key': idempotencyKey }),
  withdrawProposal: async (id, reason) => {
    const data = await postJson<Proposal>(proposalUrl(id, '/withdraw'), reason ? { reason } : {});
    noteProposals('proposals', [data]);
    return { data };
  },
  screenProposal: async (id, outcome, reasons) => {
    const data = await postJson<Proposal>(proposalUrl(id, '/screening'), reasons ? { outcome, reasons } : { outcome });
    return { data };
  },
  getProposalExtensions: async (id) => (await httpClient(proposalUrl(id, '/extensions'))).json as Extension[],
  grantProposalExtension: (id, until, reason) => postJson<Extension>(proposalUrl(id, '/extensions'), { until, reason }),
  getProposalSubmissions: async (id) => (await httpClient(proposalUrl(id, '/submissions'))).json as Submission[],
  getProposalAttachments: async (id) => (await httpClient(proposalUrl(id, '/attachments'))).json as Attachment[],
  uploadProposalAttachment: async (id, kind, file) => {
    const body = new FormData();
    // the server reads `kind` before the file's bytes
    body.append('kind', kind);
    body.append('file', file, file.name);
    const { json } = await httpClient(proposalUrl(id, '/attachments'), { method: 'POST', body });
    return json as Attachment;
  },
  deleteProposalAttachment: async (id, attachmentId) => {
    await httpClient(proposalUrl(id, `/attachments/${encodeURIComponent(attachmentId)}`), { method: 'DELETE' });
  },
  downloadProposalAttachment: async (id, attachmentId, fallbackName) => {
    const response = await authorizedFetch(proposalUrl(id, `/attachments/${encodeURIComponent(attachmentId)}/content`));
    return { blob: await response.blob(), fileName: fileNameOf(response, fallbackName) };
  },
  exportProposals: async (filter, sort) => {
    const query = new URLSearchParams({ filter: JSON.stringify(filter) });
    if (sort?.field) query.set('sort', JSON.stringify([sort.field, sort.order === 'DESC' ? 'DESC' : 'ASC']));
    const response = await authorizedFetch(`${API_URL}/proposals/export?${query.toString()}`, {
      headers: { Accept: 'text/csv' },
    });
    return { blob: await response.blob(), fileName: fileNameOf(response, 'proposals.csv') };
  },

  getAssignmentReview: async (id) => (await httpClient(assignmentUrl(id, '/review'))).json as Review,
  saveAssignmentReview: async (id, draft) => {
    const { json } = await httpClient(assignmentUrl(id, '/review'), { method: 'PUT', body: JSON.stringify(draft) });
    return json as Review;
  },
  submitAssignmentReview: (id) => postJson<Review>(assignmentUrl(id, '/review/submit'), {}),
  getPeerReviews: async (id) => (await httpClient(assignmentUrl(id, '/peer-reviews'))).json as PeerReview[],
  declareConflict: (id, reason) => postJson<Conflict>(assignmentUrl(id, '/declare-conflict'), { reason }),
  assignReviewer: (body) => postJson<Assignment>(`${API_URL}/assignments`, body),
  moveAssignment: (id, reviewerId, reason) =>
    postJson<Assignment>(assignmentUrl(id, '/move'), reason ? { reviewerId, reason } : { reviewerId }),
  removeAssignment: async (id) => {
    await httpClient(assignmentUrl(id), { method: 'DELETE' });
  },
  getReviewerCandidates: async () => (await httpClient(`${API_URL}/reviewers/candidates`)).json as ReviewerCandidate[],
  getReviewerOptions: async (id) => (await httpClient(proposalUrl(id, '/reviewer-options'))).json as ReviewerOption[],
  autoAssign: (fundId, request) => postJson<AutoAssignResult>(fundUrl(fundId, '/auto-assign'), request),
  getReviewProgress: async (fundId) => (await httpClient(fundUrl(fundId, '/review-progress'))).json as ReviewProgress,
  getReviewSettings: async (fundId) => (await httpClient(fundUrl(fundId, '/review-settings'))).json as ReviewSettings,
  updateReviewSettings: async (fundId, settings) => {
    const { json } = await httpClient(fundUrl(fundId, '/review-settings'), {
      method: 'PUT',
      body: JSON.stringify(settings),
    });
    return json as ReviewSettings;
  },
  reopenReview: (reviewId, reason) =>
    postJson<Review>(`${API_URL}/reviews/${encodeURIComponent(String(reviewId))}/reopen`, { reason }),
  recordConflict: (body) => postJson<Conflict>(`${API_URL}/conflicts`, body),
  getRanking: async (fundId, filter = {}) => {
    const rows: RankingRow[] = [];
    let total: number;
    do {
      const query = new URLSearchParams({
        filter: JSON.stringify(filter),
        range: JSON.stringify([rows.length, rows.length + RANKING_PAGE - 1]),
      });
      const { json, headers } = await httpClient(`${fundUrl(fundId, '/ranking')}?${query.toString()}`);
      const page = Array.isArray(json) ? (json as RankingRow[]) : [];
      rows.push(...page);
      total = contentRangeTotal(headers) ?? rows.length;
      if (page.length < RANKING_PAGE) break;
    } while (rows.length < total && rows.length < RANKING_MAX);
    return { rows, total: Math.max(total, rows.length) };
  },
  exportRanking: async (fundId, filter = {}) => {
    const query = new URLSearchParams({ filter: JSON.stringify(filter) });
    const response = await authorizedFetch(`${fundUrl(fundId, '/ranking/export')}?${query.toString()}`, {
      headers: { Accept: 'text/csv' },
    });
    return { blob: await response.blob(), fileName: fileNameOf(response, 'ranking.csv') };
  },
  moderateProposal: async (proposalId, consensusScore, rationale) => {
    const { json } = await httpClient(proposalUrl(proposalId, '/moderation'), {
      method: 'PUT',
      body: JSON.stringify({ consensusScore, rationale }),
    });
    return json as RankingRow;
  },
  clearModeration: async (proposalId) => {
    await httpClient(proposalUrl(proposalId, '/moderation'), { method: 'DELETE' });
  },

  sendAgreement: (projectId, note) => postJson<Project>(projectUrl(projectId, '/agreement/send'), note ? { note } : {}),
  uploadAgreement: async (projectId, file) => {
    const body = new FormData();
    body.append('file', file, file.name);
    const { json } = await httpClient(projectUrl(projectId, '/agreement/document'), { method: 'POST', body });
    return json as Project;
  },
  signAgreement: (projectId, signedOn) => postJson<Project>(projectUrl(projectId, '/agreement/sign'), { signedOn }),
  downloadAgreement: async (projectId, fallbackName) => {
    const response = await authorizedFetch(projectUrl(projectId, '/agreement/document'));
    return { blob: await response.blob(), fileName: fileNameOf(response, fallbackName) };
  },
  closeProject: (projectId, note) => postJson<Project>(projectUrl(projectId, '/close'), note ? { note } : {}),
  getProjectMilestones: async (projectId) => (await httpClient(projectUrl(projectId, '/milestones'))).json as Milestone[],
  deliverMilestone: (projectId, milestoneId, note, evidenceUrl) =>
    postJson<Milestone>(
      projectUrl(projectId, `/milestones/${encodeURIComponent(milestoneId)}/deliver`),
      evidenceUrl ? { note, evidenceUrl } : { note },
    ),
  reviewMilestone: (projectId, milestoneId, action, comment) =>
    postJson<Milestone>(
      projectUrl(projectId, `/milestones/${encodeURIComponent(milestoneId)}/${action}`),
      comment ? { comment } : {},
    ),
  rescheduleProjectItem: (projectId, item, itemId, dueOn, reason) =>
    postJson<Milestone | ProjectReport>(projectUrl(projectId, `/${item}/${encodeURIComponent(itemId)}/reschedule`), {
      dueOn,
      reason,
    }),
  getProjectTranches: async (projectId) => (await httpClient(projectUrl(projectId, '/tranches'))).json as Tranche[],
  releaseTranche: (projectId, trancheId, note) =>
    postJson<Payment>(projectUrl(projectId, `/tranches/${encodeURIComponent(trancheId)}/release`), note ? { note } : {}),
  getProjectPayments: async (projectId) => (await httpClient(projectUrl(projectId, '/payments'))).json as Payment[],
  getProjectReports: async (projectId) => (await httpClient(projectUrl(projectId, '/reports'))).json as ProjectReport[],
  saveProjectReport: async (projectId, reportId, draft) => {
    const { json } = await httpClient(projectUrl(projectId, `/reports/${encodeURIComponent(reportId)}`), {
      method: 'PUT',
      body: JSON.stringify(draft),
    });
    return json as ProjectReport;
  },
  submitProjectReport: (projectId, reportId, version) =>
    postJson<ProjectReport>(projectUrl(projectId, `/reports/${encodeURIComponent(reportId)}/submit`), { version }),
  reviewProjectReport: (projectId, reportId, action, comment) =>
    postJson<ProjectReport>(
      projectUrl(projectId, `/reports/${encodeURIComponent(reportId)}/${action}`),
      comment ? { comment } : {},
    ),
  getProjectMicroCredentials: async (projectId) =>
    (await httpClient(projectUrl(projectId, '/micro-credentials'))).json as ProjectMicroCredential[],
  createProjectMicroCredential: (projectId, body) =>
    postJson<ProjectMicroCredential>(projectUrl(projectId, '/micro-credentials'), body),
  updateProjectMicroCredential: async (projectId, microCredentialId, body) => {
    const url = projectUrl(projectId, `/micro-credentials/${encodeURIComponent(microCredentialId)}`);
    const { json } = await httpClient(url, { method: 'PUT', body: JSON.stringify(body) });
    return json as ProjectMicroCredential;
  },
  exportProjectList: async (dataset, format, lang, filter, sort) => {
    const query = new URLSearchParams({ format, lang, filter: JSON.stringify(filter) });
    if (sort?.field) query.set('sort', JSON.stringify([sort.field, sort.order === 'DESC' ? 'DESC' : 'ASC']));
    const response = await authorizedFetch(`${API_URL}/${dataset}/export?${query.toString()}`);
    return { blob: await response.blob(), fileName: fileNameOf(response, `${dataset}.${format}`) };
  },

  getLedger: async (fundId) => (await httpClient(fundUrl(fundId, '/ledger'))).json as Ledger,
  getFundDecisionLetters: async (fundId) => (await httpClient(fundUrl(fundId, '/decision-letters'))).json as DecisionLetter[],
  getProposalDecision: async (proposalId) =>
    ((await httpClient(proposalUrl(proposalId, '/decision'))).json as { decision: ProposalDecision | null }).decision,
  downloadDecisionLetter: async (letter) => {
    const url = `${API_URL}/decisions/${encodeURIComponent(letter.decisionId)}/letters/${letter.language}`;
    const response = await authorizedFetch(url, { headers: { Accept: 'application/pdf' } });
    return { blob: await response.blob(), fileName: fileNameOf(response, letter.fileName) };
  },
  regenerateDecisionLetters: async (decisionId) => {
    const url = `${API_URL}/decisions/${encodeURIComponent(String(decisionId))}/letters/regenerate`;
    return (await httpClient(url, { method: 'POST' })).json as DecisionLetter[];
  },
  getFundDecisions: async (fundId, filter = {}) => {
    const rows: Decision[] = [];
    let total: number;
    do {
      const query = new URLSearchParams({
        filter: JSON.stringify({ ...filter, fundId }),
        sort: JSON.stringify(['recommendedAt', 'DESC']),
        range: JSON.stringify([rows.length, rows.length + DECISIONS_PAGE - 1]),
      });
      const { json, headers } = await httpClient(`${API_URL}/decisions?${query.toString()}`);
      const page = Array.isArray(json) ? (json as Decision[]) : [];
      rows.push(...page);
      total = contentRangeTotal(headers) ?? rows.length;
      if (page.length < DECISIONS_PAGE) break;
    } while (rows.length < total && rows.length < DECISIONS_MAX);
    return { rows, total: Math.max(total, rows.length) };
  },
  recommendDecision: (body) => postJson<Decision>(`${API_URL}/decisions`, body),
  confirmDecision: (id, note) => postJson<Decision>(decisionUrl(id, '/confirm'), note ? { note } : {}),
  returnDecision: (id, reason) => postJson<Decision>(decisionUrl(id, '/return'), { reason }),
  rescindDecision: (id, reason) => postJson<Decision>(decisionUrl(id, '/rescind'), { reason }),

  getFundScenarios: async (fundId) => {
    const query = new URLSearchParams({
      filter: JSON.stringify({ fundId }),
      sort: JSON.stringify(['createdAt', 'DESC']),
      range: JSON.stringify([0, 99]),
    });
    const { json } = await httpClient(`${API_URL}/scenarios?${query.toString()}`);
    return Array.isArray(json) ? (json as Scenario[]) : [];
  },
  createScenario: (body) => postJson<Scenario>(`${API_URL}/scenarios`, body),
  recomputeScenario: (id) => postJson<Scenario>(scenarioUrl(id, '/recompute'), {}),
  applyScenario: (id, body) => postJson(scenarioUrl(id, '/apply'), body),
  deleteScenario: async (id) => {
    await httpClient(scenarioUrl(id), { method: 'DELETE' });
  },
  compareScenarios: async (ids) =>
    (await httpClient(`${API_URL}/scenarios/compare?${new URLSearchParams({ ids: ids.map(String).join(',') }).toString()}`))
      .json as ScenarioComparison,

  getFundDashboard: async (fundId) => (await httpClient(fundUrl(fundId, '/dashboard'))).json as FundDashboard,
};
