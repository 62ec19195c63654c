import { AUTOMATIC_MILESTONES, MilestoneKind, ReportKind } from './domain/project-plan';
import { daysOverdue, isOverdue } from './domain/overdue-policy';
import {
  AgreementStatus,
  MilestoneStatus,
  OPEN_REPORT_STATUSES,
  ProjectStatus,
  ReportStatus,
  TrancheStatus,
} from './domain/status-machines';
import { OsapStatus } from './domain/micro-credential-rules';
import { MicroCredentialDto, MilestoneDto, PaymentDto, ProjectDto, ReportDto, TrancheDto } from './dto/project.dto';
import type { BudgetCategory, DeliveryMode, Sector } from '@cf/proposals';
import type { InstitutionType, OntarioRegion } from '@cf/institutions';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** The report statuses the institution still owes, as a SQL list. */
export const OPEN_REPORTS_SQL = OPEN_REPORT_STATUSES.map((s) => `'${s}'`).join(',');
const LIVE_SQL = `pr.status IN ('agreement_pending','active')`;

/**
 * Projects with their fund, institution and the figures lists filter on. `$today` is the SQL placeholder of today's
 * date in Toronto (from the server's Clock), so overdue counts move with the clock, never with the database's.
 */
export function projectSelect(today: string): string {
  return `
  SELECT pr.*, pr.start_on::text AS start_on_text, pr.end_on::text AS end_on_text, pr.agreement_signed_on::text AS signed_on_text,
         f.code AS fund_code, f.name_en AS fund_name_en, f.name_fr AS fund_name_fr,
         i.name AS institution_name, i.type AS institution_type, i.region AS region,
         su.display_name AS signed_by_name, uu.display_name AS uploaded_by_name,
         ms.total AS milestones_total, ms.accepted AS milestones_accepted,
         CASE WHEN ${LIVE_SQL} THEN ms.overdue ELSE 0 END AS overdue_milestones,
         CASE WHEN ${LIVE_SQL} THEN rs.overdue ELSE 0 END AS overdue_reports,
         CASE WHEN ${LIVE_SQL} THEN least(ms.next_due, rs.next_due)::text END AS next_due_on,
         mc.total AS micro_credentials, mc.launched AS micro_credentials_launched, mc.enrolled AS enrolled
    FROM projects pr
    JOIN funds f ON f.id = pr.fund_id
    JOIN institutions i ON i.id = pr.institution_id
    LEFT JOIN users su ON su.id = pr.agreement_signed_by
    LEFT JOIN users uu ON uu.id = pr.agreement_document_uploaded_by
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE status <> 'accepted' AND due_on < ${today}::date)::int AS overdue,
             min(due_on) FILTER (WHERE status <> 'accepted') AS next_due
        FROM project_milestones WHERE project_id = pr.id) ms
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE status IN (${OPEN_REPORTS_SQL}) AND due_on < ${today}::date)::int AS overdue,
             min(due_on) FILTER (WHERE status IN (${OPEN_REPORTS_SQL})) AS next_due
        FROM project_reports WHERE project_id = pr.id) rs
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE launched_on <= ${today}::date)::int AS launched,
             coalesce(sum(enrolled), 0)::int AS enrolled
        FROM project_micro_credentials WHERE project_id = pr.id) mc`;
}

export interface ProjectRow {
  id: string;
  award_decision_id: string;
  fund_id: string;
  fund_code: string;
  fund_name_en: string;
  fund_name_fr: string;
  proposal_id: string;
  tracking_number: string | null;
  title: string;
  summary: string;
  institution_id: string;
  institution_name: string;
  institution_type: InstitutionType;
  region: OntarioRegion;
  sectors: Sector[];
  areas_of_focus: string[];
  regions_served: string[];
  status: ProjectStatus;
  award_cents: string;
  disbursed_cents: string;
  awarded_at: Date;
  start_on_text: string;
  end_on_text: string;
  agreement_status: AgreementStatus;
  agreement_sent_at: Date | null;
  signed_on_text: string | null;
  agreement_signed_at: Date | null;
  signed_by_name: string | null;
  agreement_document_key: string | null;
  agreement_document_name: string | null;
  agreement_document_type: string | null;
  agreement_document_size: string | null;
  agreement_document_sha256: string | null;
  agreement_document_uploaded_at: Date | null;
  uploaded_by_name: string | null;
  milestones_total: number;
  milestones_accepted: number;
  overdue_milestones: number;
  overdue_reports: number;
  next_due_on: string | null;
  micro_credentials: number;
  micro_credentials_launched: number;
  enrolled: number;
  closed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toProjectDto(r: ProjectRow): ProjectDto {
  const award = Number(r.award_cents);
  const disbursed = Number(r.disbursed_cents);
  return {
    id: r.id,
    awardDecisionId: r.award_decision_id,
    fundId: r.fund_id,
    fundCode: r.fund_code,
    fundNameEn: r.fund_name_en,
    fundNameFr: r.fund_name_fr,
    proposalId: r.proposal_id,
    trackingNumber: r.tracking_number,
    title: r.title,
    summary: r.summary,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    institutionType: r.institution_type,
    region: r.region,
    sectors: r.sectors,
    areasOfFocus: r.areas_of_focus,
    regionsServed: r.regions_served,
    status: r.status,
    awardCents: award,
    disbursedCents: disbursed,
    remainingCents: award - disbursed,
    awardedAt: new Date(r.awarded_at).toISOString(),
    startOn: r.start_on_text,
    endOn: r.end_on_text,
    agreement: {
      status: r.agreement_status,
      sentAt: iso(r.agreement_sent_at),
      signedOn: r.signed_on_text,
      signedAt: iso(r.agreement_signed_at),
      signedByName: r.signed_by_name,
      document: r.agreement_document_key
        ? {
            fileName: r.agreement_document_name!,
            contentType: r.agreement_document_type!,
            sizeBytes: Number(r.agreement_document_size),
            sha256: r.agreement_document_sha256!,
            uploadedAt: iso(r.agreement_document_uploaded_at)!,
            uploadedByName: r.uploaded_by_name,
          }
        : null,
    },
    milestonesTotal: r.milestones_total,
    milestonesAccepted: r.milestones_accepted,
    overdueMilestones: r.overdue_milestones,
    overdueReports: r.overdue_reports,
    atRisk: r.overdue_milestones + r.overdue_reports > 0,
    nextDueOn: r.next_due_on,
    microCredentials: r.micro_credentials,
    microCredentialsLaunched: r.micro_credentials_launched,
    enrolled: r.enrolled,
    closedAt: iso(r.closed_at),
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export const MILESTONE_SELECT = `
  SELECT m.*, m.due_on::text AS due_on_text, du.display_name AS delivered_by_name, ru.display_name AS reviewed_by_name,
         pr.status AS project_status
    FROM project_milestones m
    JOIN projects pr ON pr.id = m.project_id
    LEFT JOIN users du ON du.id = m.delivered_by
    LEFT JOIN users ru ON ru.id = m.reviewed_by`;

export interface MilestoneRow {
  id: string;
  project_id: string;
  project_status: ProjectStatus;
  position: number;
  kind: MilestoneKind;
  title: string;
  deliverable: string;
  due_on_text: string;
  status: MilestoneStatus;
  delivered_at: Date | null;
  delivered_by_name: string | null;
  delivery_note: string | null;
  evidence_url: string | null;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
  review_comment: string | null;
  version: number;
}

const live = (s: ProjectStatus) => s === 'agreement_pending' || s === 'active';

export function toMilestoneDto(r: MilestoneRow, now: Date): MilestoneDto {
  const done = r.status === 'accepted' || !live(r.project_status);
  return {
    id: r.id,
    projectId: r.project_id,
    position: r.position,
    kind: r.kind,
    title: r.title,
    deliverable: r.deliverable,
    dueOn: r.due_on_text,
    status: r.status,
    overdue: isOverdue(r.due_on_text, done, now),
    daysOverdue: daysOverdue(r.due_on_text, done, now),
    automatic: AUTOMATIC_MILESTONES.includes(r.kind),
    deliveredAt: iso(r.delivered_at),
    deliveredByName: r.delivered_by_name,
    deliveryNote: r.delivery_note,
    evidenceUrl: r.evidence_url,
    reviewedAt: iso(r.reviewed_at),
    reviewedByName: r.reviewed_by_name,
    reviewComment: r.review_comment,
    version: r.version,
  };
}

export const TRANCHE_SELECT = `
  SELECT t.*, m.title AS milestone_title, m.status AS milestone_status, pr.status AS project_status,
         ru.display_name AS released_by_name, pay.id AS payment_id
    FROM project_tranches t
    JOIN project_milestones m ON m.id = t.milestone_id
    JOIN projects pr ON pr.id = t.project_id
    LEFT JOIN users ru ON ru.id = t.released_by
    LEFT JOIN project_payments pay ON pay.tranche_id = t.id`;

export interface TrancheRow {
  id: string;
  project_id: string;
  position: number;
  milestone_id: string;
  milestone_title: string;
  milestone_status: MilestoneStatus;
  project_status: ProjectStatus;
  basis_points: number;
  amount_cents: string;
  status: TrancheStatus;
  released_at: Date | null;
  released_by_name: string | null;
  payment_id: string | null;
}

export function toTrancheDto(r: TrancheRow): TrancheDto {
  return {
    id: r.id,
    projectId: r.project_id,
    position: r.position,
    milestoneId: r.milestone_id,
    milestoneTitle: r.milestone_title,
    milestoneStatus: r.milestone_status,
    basisPoints: r.basis_points,
    amountCents: Number(r.amount_cents),
    status: r.status,
    releasable: r.status === 'scheduled' && r.milestone_status === 'accepted' && r.project_status === 'active',
    releasedAt: iso(r.released_at),
    releasedByName: r.released_by_name,
    paymentId: r.payment_id,
  };
}

export const PAYMENT_SELECT = `
  SELECT pay.*, t.position AS tranche_position, u.display_name AS released_by_name
    FROM project_payments pay
    JOIN project_tranches t ON t.id = pay.tranche_id
    JOIN users u ON u.id = pay.released_by`;

export interface PaymentRow {
  id: string;
  project_id: string;
  tranche_id: string;
  tranche_position: number;
  fund_id: string;
  amount_cents: string;
  released_by: string;
  released_by_name: string;
  released_at: Date;
  note: string | null;
}

/** Payments across projects: each with its project, institution, fund and milestone (the lists and exports). */
export const PAYMENT_LIST_SELECT = `
  SELECT pay.*, t.position AS tranche_position, t.basis_points, u.display_name AS released_by_name,
         m.title AS milestone_title, pr.title AS project_title, pr.tracking_number, pr.institution_id,
         i.name AS institution_name, f.code AS fund_code
    FROM project_payments pay
    JOIN project_tranches t ON t.id = pay.tranche_id
    JOIN project_milestones m ON m.id = t.milestone_id
    JOIN projects pr ON pr.id = pay.project_id
    JOIN institutions i ON i.id = pr.institution_id
    JOIN funds f ON f.id = pay.fund_id
    JOIN users u ON u.id = pay.released_by`;

export interface PaymentListRow extends PaymentRow {
  basis_points: number;
  milestone_title: string;
  project_title: string;
  tracking_number: string | null;
  institution_id: string;
  institution_name: string;
  fund_code: string;
}

export function toPaymentListDto(r: PaymentListRow): PaymentDto {
  return {
    ...toPaymentDto(r),
    basisPoints: r.basis_points,
    milestoneTitle: r.milestone_title,
    projectTitle: r.project_title,
    trackingNumber: r.tracking_number,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    fundCode: r.fund_code,
  };
}

export function toPaymentDto(r: PaymentRow): PaymentDto {
  return {
    id: r.id,
    projectId: r.project_id,
    trancheId: r.tranche_id,
    tranchePosition: r.tranche_position,
    fundId: r.fund_id,
    amountCents: Number(r.amount_cents),
    releasedBy: r.released_by,
    releasedByName: r.released_by_name,
    releasedAt: new Date(r.released_at).toISOString(),
    note: r.note,
  };
}

export const REPORT_SELECT = `
  SELECT r.*, r.due_on::text AS due_on_text, pr.status AS project_status, pr.title AS project_title, pr.fund_id,
         pr.tracking_number,
         i.name AS institution_name, su.display_name AS submitted_by_name, ru.display_name AS reviewed_by_name,
         coalesce((SELECT json_agg(json_build_object('category', s.category, 'amountCents', s.amount_cents) ORDER BY s.category)
                     FROM project_report_spending s WHERE s.report_id = r.id), '[]') AS spending
    FROM project_reports r
    JOIN projects pr ON pr.id = r.project_id
    JOIN institutions i ON i.id = pr.institution_id
    LEFT JOIN users su ON su.id = r.submitted_by
    LEFT JOIN users ru ON ru.id = r.reviewed_by`;

export interface ReportRow {
  id: string;
  project_id: string;
  project_status: ProjectStatus;
  project_title: string;
  tracking_number: string | null;
  fund_id: string;
  institution_name: string;
  position: number;
  kind: ReportKind;
  title: string;
  due_on_text: string;
  status: ReportStatus;
  enrolments: number | null;
  completions: number | null;
  employed_or_advanced: number | null;
  employer_partners: number | null;
  spending: { category: BudgetCategory; amountCents: string | number }[];
  narrative: string;
  saved_at: Date | null;
  submitted_at: Date | null;
  submitted_by_name: string | null;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
  review_comment: string | null;
  reminded_at: Date | null;
  overdue_notified_at: Date | null;
  version: number;
}

export function toReportDto(r: ReportRow, now: Date, withProject = false): ReportDto {
  const done = !OPEN_REPORT_STATUSES.includes(r.status) || !live(r.project_status);
  const spending = r.spending.map((s) => ({ category: s.category, amountCents: Number(s.amountCents) }));
  return {
    id: r.id,
    projectId: r.project_id,
    position: r.position,
    kind: r.kind,
    title: r.title,
    dueOn: r.due_on_text,
    status: r.status,
    overdue: isOverdue(r.due_on_text, done, now),
    daysOverdue: daysOverdue(r.due_on_text, done, now),
    enrolments: num(r.enrolments),
    completions: num(r.completions),
    employedOrAdvanced: num(r.employed_or_advanced),
    employerPartners: num(r.employer_partners),
    spending,
    spendingTotalCents: spending.reduce((a, s) => a + s.amountCents, 0),
    narrative: r.narrative,
    savedAt: iso(r.saved_at),
    submittedAt: iso(r.submitted_at),
    submittedByName: r.submitted_by_name,
    reviewedAt: iso(r.reviewed_at),
    reviewedByName: r.reviewed_by_name,
    reviewComment: r.review_comment,
    remindedAt: iso(r.reminded_at),
    overdueNotifiedAt: iso(r.overdue_notified_at),
    version: r.version,
    ...(withProject
      ? {
          projectTitle: r.project_title,
          trackingNumber: r.tracking_number,
          institutionName: r.institution_name,
          fundId: r.fund_id,
        }
      : {}),
  };
}

export const MICRO_CREDENTIAL_SELECT = `
  SELECT mc.*, mc.planned_launch_on::text AS planned_text, mc.launched_on::text AS launched_text,
         mc.osap_status_on::text AS osap_on_text, pr.title AS project_title, pr.tracking_number, pr.fund_id,
         pr.institution_id, i.name AS institution_name, i.type AS institution_type, i.region
    FROM project_micro_credentials mc
    JOIN projects pr ON pr.id = mc.project_id
    JOIN institutions i ON i.id = pr.institution_id`;

export interface MicroCredentialRow {
  id: string;
  project_id: string;
  proposal_item_id: string | null;
  title: string;
  sector: Sector;
  area_of_focus: string;
  delivery_mode: DeliveryMode;
  hours: number;
  planned_text: string | null;
  launched_text: string | null;
  osap_status: OsapStatus;
  osap_on_text: string | null;
  expected_enrolment: number;
  enrolled: number;
  completed: number;
  work_integrated_learning: boolean;
  stackable: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  project_title: string;
  tracking_number: string | null;
  fund_id: string;
  institution_id: string;
  institution_name: string;
  institution_type: InstitutionType;
  region: OntarioRegion;
}

export function toMicroCredentialDto(r: MicroCredentialRow, today: string): MicroCredentialDto {
  return {
    id: r.id,
    projectId: r.project_id,
    proposalItemId: r.proposal_item_id,
    title: r.title,
    sector: r.sector,
    areaOfFocus: r.area_of_focus,
    deliveryMode: r.delivery_mode,
    hours: r.hours,
    plannedLaunchOn: r.planned_text,
    launchedOn: r.launched_text,
    launched: r.launched_text !== null && r.launched_text <= today,
    osapStatus: r.osap_status,
    osapStatusOn: r.osap_on_text,
    expectedEnrolment: r.expected_enrolment,
    enrolled: r.enrolled,
    completed: r.completed,
    workIntegratedLearning: r.work_integrated_learning,
    stackable: r.stackable,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    projectTitle: r.project_title,
    trackingNumber: r.tracking_number,
    fundId: r.fund_id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    institutionType: r.institution_type,
    region: r.region,
  };
}
