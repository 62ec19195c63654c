import type { BudgetCategory, DeliveryMode, InstitutionType, OntarioRegion, Sector } from '../types';

/** The funded projects API (docs/projects-api.md): statuses and records as the API answers them. */

export const PROJECT_STATUSES = ['agreement_pending', 'active', 'closed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const AGREEMENT_STATUSES = ['draft', 'sent', 'signed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const MILESTONE_STATUSES = ['pending', 'delivered', 'accepted', 'returned'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const MILESTONE_KINDS = [
  'agreement_signed',
  'micro_credential_launched',
  'enrolment_open',
  'final_report',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** What the institution may still change: the report is its draft. */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['not_started', 'draft', 'returned'];

export const REPORT_KINDS = ['interim', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const TRANCHE_STATUSES = ['scheduled', 'released'] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

export const OSAP_STATUSES = ['not_submitted', 'submitted', 'approved', 'not_approved'] as const;
export type OsapStatus = (typeof OSAP_STATUSES)[number];

export interface AgreementDocument {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedByName: string | null;
}

/** A record of /api/projects. Money in integer cents; dates `YYYY-MM-DD`; instants ISO 8601. */
export interface Project {
  id: string;
  awardDecisionId: string;
  fundId: string;
  fundCode: string;
  fundNameEn: string;
  fundNameFr: string;
  proposalId: string;
  trackingNumber: string | null;
  title: string;
  summary: string;
  institutionId: string;
  institutionName: string;
  institutionType: InstitutionType;
  region: OntarioRegion;
  sectors: Sector[];
  areasOfFocus: string[];
  regionsServed: string[];
  status: ProjectStatus;
  awardCents: number;
  disbursedCents: number;
  remainingCents: number;
  awardedAt: string;
  startOn: string;
  endOn: string;
  agreement: {
    status: AgreementStatus;
    sentAt: string | null;
    signedOn: string | null;
    signedAt: string | null;
    signedByName: string | null;
    document: AgreementDocument | null;
  };
  milestonesTotal: number;
  milestonesAccepted: number;
  overdueMilestones: number;
  overdueReports: number;
  atRisk: boolean;
  nextDueOn: string | null;
  microCredentials: number;
  microCredentialsLaunched: number;
  enrolled: number;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Milestone {
  id: string;
  projectId: string;
  position: number;
  kind: MilestoneKind;
  title: string;
  deliverable: string;
  dueOn: string;
  status: MilestoneStatus;
  overdue: boolean;
  daysOverdue: number;
  automatic: boolean;
  deliveredAt: string | null;
  deliveredByName: string | null;
  deliveryNote: string | null;
  evidenceUrl: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  version: number;
}

export interface Tranche {
  id: string;
  projectId: string;
  position: number;
  milestoneId: string;
  milestoneTitle: string;
  milestoneStatus: MilestoneStatus;
  basisPoints: number;
  amountCents: number;
  status: TrancheStatus;
  releasable: boolean;
  releasedAt: string | null;
  releasedByName: string | null;
  paymentId: string | null;
}

/** A record of /api/projects/:id/payments, and of /api/project-payments (with the project's context). */
export interface Payment {
  id: string;
  projectId: string;
  trancheId: string;
  tranchePosition: number;
  fundId: string;
  amountCents: number;
  releasedBy: string;
  releasedByName: string;
  releasedAt: string;
  note: string | null;
  basisPoints?: number;
  milestoneTitle?: string;
  projectTitle?: string;
  trackingNumber?: string | null;
  institutionId?: string;
  institutionName?: string;
  fundCode?: string;
}

export interface SpendingLine {
  category: BudgetCategory;
  amountCents: number;
}

/** A record of /api/projects/:id/reports, and of /api/project-reports (with the project's context). */
export interface ProjectReport {
  id: string;
  projectId: string;
  position: number;
  kind: ReportKind;
  title: string;
  dueOn: string;
  status: ReportStatus;
  overdue: boolean;
  daysOverdue: number;
  enrolments: number | null;
  completions: number | null;
  employedOrAdvanced: number | null;
  employerPartners: number | null;
  spending: SpendingLine[];
  spendingTotalCents: number;
  narrative: string;
  savedAt: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  remindedAt: string | null;
  overdueNotifiedAt: string | null;
  version: number;
  projectTitle?: string;
  trackingNumber?: string | null;
  institutionName?: string;
  fundId?: string;
}

/** The draft the institution saves: the fields given replace the stored ones. */
export interface ReportDraft {
  version: number;
  enrolments: number | null;
  completions: number | null;
  employedOrAdvanced: number | null;
  employerPartners: number | null;
  spending: SpendingLine[];
  narrative: string;
}

/** What the institution keeps of a funded micro-credential. */
export interface ProjectMicroCredentialInput {
  title: string;
  sector: Sector;
  areaOfFocus: string;
  deliveryMode: DeliveryMode;
  hours: number;
  plannedLaunchOn: string | null;
  launchedOn: string | null;
  osapStatus: OsapStatus;
  osapStatusOn: string | null;
  expectedEnrolment: number;
  enrolled: number;
  completed: number;
  workIntegratedLearning: boolean;
  stackable: boolean;
}

export interface ProjectMicroCredential extends ProjectMicroCredentialInput {
  id: string;
  projectId: string;
  proposalItemId: string | null;
  launched: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  projectTitle: string;
  trackingNumber: string | null;
  institutionName: string;
}

/** The lists the server exports (docs/projects-api.md, "Exports"). */
export type ExportDataset = 'projects' | 'project-payments' | 'project-reports';
export type ExportFormat = 'csv' | 'xlsx';
