import { BUDGET_CATEGORIES } from '@cf/proposals';
import { today } from '../domain/overdue-policy';
import type { PaymentDto, ProjectDto, ReportDto } from '../dto/project.dto';
import { label, scheduleTitle } from './export-labels';
import type { ExportColumn, ExportDataset } from './export-table';

/** An instant as its calendar date in Toronto (where the program runs). */
const torontoDate = (iso: string | null | undefined): string | null => (iso ? today(new Date(iso)) : null);

/** The cross-project reports list adds the project, its tracking number and institution to each report. */
export type ReportExportRow = ReportDto;

const col = <T>(c: ExportColumn<T>): ExportColumn<T> => c;

/** `GET /projects/export`: the projects of the list (same filters), one row each. */
export const PROJECTS_EXPORT: ExportDataset<ProjectDto> = {
  fileName: { en: 'projects', fr: 'projets' },
  sheetName: { en: 'Projects', fr: 'Projets' },
  columns: [
    col({
      key: 'trackingNumber',
      header: { en: 'Tracking number', fr: 'Numéro de suivi' },
      type: 'text',
      width: 16,
      value: (p) => p.trackingNumber,
    }),
    col({ key: 'title', header: { en: 'Title', fr: 'Titre' }, type: 'text', width: 48, value: (p) => p.title }),
    col({ key: 'fundCode', header: { en: 'Fund', fr: 'Fonds' }, type: 'text', width: 12, value: (p) => p.fundCode }),
    col({
      key: 'institutionName',
      header: { en: 'Institution', fr: 'Établissement' },
      type: 'text',
      width: 32,
      value: (p) => p.institutionName,
    }),
    col({
      key: 'institutionType',
      header: { en: 'Institution type', fr: 'Type d’établissement' },
      type: 'text',
      width: 28,
      value: (p, lang) => label('institutionType', p.institutionType, lang),
    }),
    col({
      key: 'region',
      header: { en: 'Region', fr: 'Région' },
      type: 'text',
      width: 14,
      value: (p, lang) => label('region', p.region, lang),
    }),
    col({
      key: 'sectors',
      header: { en: 'Sectors', fr: 'Secteurs' },
      type: 'text',
      width: 30,
      value: (p, lang) => p.sectors.map((s) => label('sector', s, lang)).join('; '),
    }),
    col({
      key: 'status',
      header: { en: 'Status', fr: 'Statut' },
      type: 'text',
      width: 18,
      value: (p, lang) => label('projectStatus', p.status, lang),
    }),
    col({
      key: 'agreementStatus',
      header: { en: 'Agreement', fr: 'Entente' },
      type: 'text',
      width: 20,
      value: (p, lang) => label('agreementStatus', p.agreement.status, lang),
    }),
    col({
      key: 'agreementSignedOn',
      header: { en: 'Agreement signed on', fr: 'Entente signée le' },
      type: 'date',
      width: 14,
      value: (p) => p.agreement.signedOn,
    }),
    col({
      key: 'award',
      header: { en: 'Award (CAD)', fr: 'Financement accordé ($ CA)' },
      type: 'money',
      width: 16,
      value: (p) => p.awardCents,
    }),
    col({
      key: 'disbursed',
      header: { en: 'Disbursed (CAD)', fr: 'Montant versé ($ CA)' },
      type: 'money',
      width: 16,
      value: (p) => p.disbursedCents,
    }),
    col({
      key: 'remaining',
      header: { en: 'Remaining (CAD)', fr: 'Solde à verser ($ CA)' },
      type: 'money',
      width: 16,
      value: (p) => p.remainingCents,
    }),
    col({
      key: 'awardedOn',
      header: { en: 'Awarded on', fr: 'Accordé le' },
      type: 'date',
      width: 12,
      value: (p) => torontoDate(p.awardedAt),
    }),
    col({ key: 'startOn', header: { en: 'Start', fr: 'Début' }, type: 'date', width: 12, value: (p) => p.startOn }),
    col({ key: 'endOn', header: { en: 'End', fr: 'Fin' }, type: 'date', width: 12, value: (p) => p.endOn }),
    col({
      key: 'milestonesAccepted',
      header: { en: 'Milestones accepted', fr: 'Jalons acceptés' },
      type: 'integer',
      width: 10,
      value: (p) => p.milestonesAccepted,
    }),
    col({
      key: 'milestonesTotal',
      header: { en: 'Milestones', fr: 'Jalons' },
      type: 'integer',
      width: 10,
      value: (p) => p.milestonesTotal,
    }),
    col({
      key: 'overdueMilestones',
      header: { en: 'Overdue milestones', fr: 'Jalons en retard' },
      type: 'integer',
      width: 10,
      value: (p) => p.overdueMilestones,
    }),
    col({
      key: 'overdueReports',
      header: { en: 'Overdue reports', fr: 'Rapports en retard' },
      type: 'integer',
      width: 10,
      value: (p) => p.overdueReports,
    }),
    col({ key: 'atRisk', header: { en: 'At risk', fr: 'À risque' }, type: 'boolean', width: 8, value: (p) => p.atRisk }),
    col({
      key: 'nextDueOn',
      header: { en: 'Next due', fr: 'Prochaine échéance' },
      type: 'date',
      width: 12,
      value: (p) => p.nextDueOn,
    }),
    col({
      key: 'microCredentials',
      header: { en: 'Micro-credentials', fr: 'Microtitres de compétence' },
      type: 'integer',
      width: 10,
      value: (p) => p.microCredentials,
    }),
    col({
      key: 'microCredentialsLaunched',
      header: { en: 'Micro-credentials launched', fr: 'Microtitres lancés' },
      type: 'integer',
      width: 10,
      value: (p) => p.microCredentialsLaunched,
    }),
    col({
      key: 'enrolled',
      header: { en: 'Learners enrolled', fr: 'Personnes inscrites' },
      type: 'integer',
      width: 10,
      value: (p) => p.enrolled,
    }),
    col({ key: 'id', header: { en: 'Project ID', fr: 'ID du projet' }, type: 'text', width: 38, value: (p) => p.id }),
  ],
};

/** `GET /project-payments/export`: every payment of the list (same filters), in the order of the list. */
export const PAYMENTS_EXPORT: ExportDataset<PaymentDto> = {
  fileName: { en: 'payments', fr: 'paiements' },
  sheetName: { en: 'Payments', fr: 'Paiements' },
  columns: [
    col({
      key: 'releasedOn',
      header: { en: 'Released on', fr: 'Versé le' },
      type: 'date',
      width: 12,
      value: (p) => torontoDate(p.releasedAt),
    }),
    col({
      key: 'trackingNumber',
      header: { en: 'Tracking number', fr: 'Numéro de suivi' },
      type: 'text',
      width: 16,
      value: (p) => p.trackingNumber,
    }),
    col({ key: 'projectTitle', header: { en: 'Project', fr: 'Projet' }, type: 'text', width: 44, value: (p) => p.projectTitle }),
    col({
      key: 'institutionName',
      header: { en: 'Institution', fr: 'Établissement' },
      type: 'text',
      width: 32,
      value: (p) => p.institutionName,
    }),
    col({ key: 'fundCode', header: { en: 'Fund', fr: 'Fonds' }, type: 'text', width: 12, value: (p) => p.fundCode }),
    col({
      key: 'tranche',
      header: { en: 'Tranche', fr: 'Tranche' },
      type: 'integer',
      width: 8,
      value: (p) => p.tranchePosition + 1,
    }),
    col({
      key: 'share',
      header: { en: 'Share of the award (%)', fr: 'Part du financement (%)' },
      type: 'percent',
      width: 10,
      value: (p) => (p.basisPoints === undefined ? null : p.basisPoints / 100),
    }),
    col({
      key: 'milestone',
      header: { en: 'Milestone', fr: 'Jalon' },
      type: 'text',
      width: 28,
      value: (p, lang) => (p.milestoneTitle ? scheduleTitle(p.milestoneTitle, lang) : null),
    }),
    col({
      key: 'amount',
      header: { en: 'Amount (CAD)', fr: 'Montant ($ CA)' },
      type: 'money',
      width: 16,
      value: (p) => p.amountCents,
    }),
    col({
      key: 'releasedBy',
      header: { en: 'Released by', fr: 'Versé par' },
      type: 'text',
      width: 24,
      value: (p) => p.releasedByName,
    }),
    col({ key: 'note', header: { en: 'Note', fr: 'Note' }, type: 'text', width: 40, value: (p) => p.note }),
    col({
      key: 'releasedAt',
      header: { en: 'Released at (UTC)', fr: 'Versé à (UTC)' },
      type: 'text',
      width: 26,
      value: (p) => p.releasedAt,
    }),
    col({ key: 'id', header: { en: 'Payment ID', fr: 'ID du paiement' }, type: 'text', width: 38, value: (p) => p.id }),
    col({
      key: 'projectId',
      header: { en: 'Project ID', fr: 'ID du projet' },
      type: 'text',
      width: 38,
      value: (p) => p.projectId,
    }),
  ],
};

const spendingOf = (r: ReportDto, category: string): number | null => {
  const line = r.spending.find((s) => s.category === category);
  return line ? line.amountCents : null;
};

/** `GET /project-reports/export`: the reports of the list (same filters), figures and spending per budget category. */
export const REPORTS_EXPORT: ExportDataset<ReportExportRow> = {
  fileName: { en: 'reports', fr: 'rapports' },
  sheetName: { en: 'Reports', fr: 'Rapports' },
  columns: [
    col({
      key: 'trackingNumber',
      header: { en: 'Tracking number', fr: 'Numéro de suivi' },
      type: 'text',
      width: 16,
      value: (r) => r.trackingNumber,
    }),
    col({ key: 'projectTitle', header: { en: 'Project', fr: 'Projet' }, type: 'text', width: 44, value: (r) => r.projectTitle }),
    col({
      key: 'institutionName',
      header: { en: 'Institution', fr: 'Établissement' },
      type: 'text',
      width: 32,
      value: (r) => r.institutionName,
    }),
    col({
      key: 'report',
      header: { en: 'Report', fr: 'Rapport' },
      type: 'text',
      width: 24,
      value: (r, lang) => scheduleTitle(r.title, lang),
    }),
    col({
      key: 'kind',
      header: { en: 'Kind', fr: 'Type' },
      type: 'text',
      width: 14,
      value: (r, lang) => label('reportKind', r.kind, lang),
    }),
    col({ key: 'dueOn', header: { en: 'Due on', fr: 'Échéance' }, type: 'date', width: 12, value: (r) => r.dueOn }),
    col({
      key: 'status',
      header: { en: 'Status', fr: 'Statut' },
      type: 'text',
      width: 14,
      value: (r, lang) => label('reportStatus', r.status, lang),
    }),
    col({ key: 'overdue', header: { en: 'Overdue', fr: 'En retard' }, type: 'boolean', width: 9, value: (r) => r.overdue }),
    col({
      key: 'daysOverdue',
      header: { en: 'Days overdue', fr: 'Jours de retard' },
      type: 'integer',
      width: 9,
      value: (r) => r.daysOverdue,
    }),
    col({
      key: 'enrolments',
      header: { en: 'Enrolments', fr: 'Inscriptions' },
      type: 'integer',
      width: 10,
      value: (r) => r.enrolments,
    }),
    col({
      key: 'completions',
      header: { en: 'Completions', fr: 'Achèvements' },
      type: 'integer',
      width: 10,
      value: (r) => r.completions,
    }),
    col({
      key: 'employedOrAdvanced',
      header: { en: 'Employed or advanced within 6 months', fr: 'En emploi ou promus dans les 6 mois' },
      type: 'integer',
      width: 12,
      value: (r) => r.employedOrAdvanced,
    }),
    col({
      key: 'employerPartners',
      header: { en: 'Employer partners engaged', fr: 'Employeurs partenaires mobilisés' },
      type: 'integer',
      width: 12,
      value: (r) => r.employerPartners,
    }),
    ...BUDGET_CATEGORIES.map((category) =>
      col<ReportExportRow>({
        key: `spending.${category}`,
        header: {
          en: `Spending: ${label('budgetCategory', category, 'en')} (CAD)`,
          fr: `Dépenses : ${label('budgetCategory', category, 'fr')} ($ CA)`,
        },
        type: 'money',
        width: 16,
        value: (r) => spendingOf(r, category),
      }),
    ),
    col({
      key: 'spendingTotal',
      header: { en: 'Spending total (CAD)', fr: 'Total des dépenses ($ CA)' },
      type: 'money',
      width: 16,
      value: (r) => r.spendingTotalCents,
    }),
    col({
      key: 'submittedOn',
      header: { en: 'Submitted on', fr: 'Soumis le' },
      type: 'date',
      width: 12,
      value: (r) => torontoDate(r.submittedAt),
    }),
    col({
      key: 'submittedBy',
      header: { en: 'Submitted by', fr: 'Soumis par' },
      type: 'text',
      width: 22,
      value: (r) => r.submittedByName,
    }),
    col({
      key: 'reviewedOn',
      header: { en: 'Reviewed on', fr: 'Examiné le' },
      type: 'date',
      width: 12,
      value: (r) => torontoDate(r.reviewedAt),
    }),
    col({
      key: 'reviewedBy',
      header: { en: 'Reviewed by', fr: 'Examiné par' },
      type: 'text',
      width: 22,
      value: (r) => r.reviewedByName,
    }),
    col({
      key: 'reviewComment',
      header: { en: 'Review comment', fr: 'Commentaire de l’examen' },
      type: 'text',
      width: 40,
      value: (r) => r.reviewComment,
    }),
    col({ key: 'id', header: { en: 'Report ID', fr: 'ID du rapport' }, type: 'text', width: 38, value: (r) => r.id }),
    col({
      key: 'projectId',
      header: { en: 'Project ID', fr: 'ID du projet' },
      type: 'text',
      width: 38,
      value: (r) => r.projectId,
    }),
  ],
};
