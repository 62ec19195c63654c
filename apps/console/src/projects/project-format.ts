import { apiErrorText, errorBody } from '../common/api-error';
import { formatCents } from '../common/money';
import { serverNow } from '../common/server-clock';
import { formatZonedIso } from '../common/zoned-time';
import {
  OSAP_STATUSES,
  PROJECT_STATUSES,
  REPORT_KINDS,
  REPORT_STATUSES,
  type MilestoneKind,
  type ReportKind,
} from './project-types';

type Translate = (key: string, options?: object) => string;

/** The i18n namespace of the projects API's error codes (409 MILESTONE_NOT_ACCEPTED, TRANCHE_RELEASED…). */
export const PROJECT_ERRORS = 'cf.projects.errors';

/** Choices whose names are i18n keys (react-admin translates choice names). */
export const projectStatusChoices = PROJECT_STATUSES.map((s) => ({ id: s, name: `cf.projects.statuses.${s}` }));
export const reportStatusChoices = REPORT_STATUSES.map((s) => ({ id: s, name: `cf.projects.report_statuses.${s}` }));
export const reportKindChoices = REPORT_KINDS.map((s) => ({ id: s, name: `cf.projects.report_kinds.${s}` }));
export const osapStatusChoices = OSAP_STATUSES.map((s) => ({ id: s, name: `cf.projects.osap_statuses.${s}` }));
export const atRiskChoices = [
  { id: 'true', name: 'cf.projects.at_risk_only' },
  { id: 'false', name: 'cf.projects.on_track_only' },
];
export const overdueChoices = [
  { id: 'true', name: 'cf.projects.reports.overdue_only' },
  { id: 'false', name: 'cf.projects.reports.not_overdue' },
];

/** Today's date in Toronto on the server's clock (`YYYY-MM-DD`): the default of the date inputs. */
export const torontoToday = (): string => formatZonedIso(new Date(serverNow())).slice(0, 10);

const DEFAULT_MILESTONE_TITLES: Record<string, MilestoneKind> = {
  'Agreement signed': 'agreement_signed',
  'Micro-credential launched': 'micro_credential_launched',
  'Enrolment open': 'enrolment_open',
  'Final report': 'final_report',
};

/**
 * A milestone's title in the UI's language: the default schedule's (stored in English) are translated by kind; a
 * title someone wrote is shown as written.
 */
export const milestoneTitle = (translate: Translate, m: { kind: MilestoneKind; title: string }): string =>
  DEFAULT_MILESTONE_TITLES[m.title] === m.kind ? translate(`cf.projects.milestone_kinds.${m.kind}`) : m.title;

/** The deliverable of a default milestone in the UI's language; another as written. */
export const milestoneDeliverable = (translate: Translate, m: { kind: MilestoneKind; title: string; deliverable: string }) =>
  DEFAULT_MILESTONE_TITLES[m.title] === m.kind ? translate(`cf.projects.milestone_deliverables.${m.kind}`) : m.deliverable;

/** A report's title in the UI's language ("Interim report 2" / "Rapport intermédiaire 2"). */
export const reportTitle = (translate: Translate, r: { kind: ReportKind; title: string }): string => {
  const interim = /^Interim report (\d+)$/.exec(r.title);
  if (r.kind === 'interim' && interim) return translate('cf.projects.reports.interim_title', { n: interim[1] });
  if (r.kind === 'final' && r.title === 'Final report') return translate('cf.projects.reports.final_title');
  return r.title;
};

/**
 * A failed project call in the UI's language: the code's translation (with what remains of the award for
 * AWARD_EXCEEDED), the API's message as the detail.
 */
export const projectErrorText = (translate: Translate, error: unknown, locale: string): string => {
  const body = errorBody(error) as (Record<string, unknown> & { details?: Record<string, unknown> }) | undefined;
  if (body?.code === 'AWARD_EXCEEDED') {
    const remaining = body.remainingCents ?? body.details?.remainingCents;
    if (typeof remaining === 'number') {
      return translate('cf.projects.errors.AWARD_EXCEEDED_amount', { remaining: formatCents(remaining, locale) });
    }
  }
  return apiErrorText(translate, error, PROJECT_ERRORS);
};
