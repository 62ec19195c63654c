import type { MailLanguage } from './templates';

/** Mails about funded projects' reports: a reminder before the due date, a notice once it is overdue. */
export const PROJECT_MAIL_TEMPLATES = ['project_report_reminder', 'project_report_overdue'] as const;
export type ProjectMailTemplate = (typeof PROJECT_MAIL_TEMPLATES)[number];

/** `data` of a `project_report_reminder` or `project_report_overdue` mail (texts in the recipient's language). */
export interface ProjectReportNoticeData {
  projectTitle: string;
  /** The award's tracking number ('' when none). */
  trackingNumber: string;
  /** The report as the recipient reads it ("Interim report 1", « Rapport d’étape 1 »). */
  reportTitle: string;
  /** The due date as people read it, e.g. `June 30, 2026`, `30 juin 2026`. */
  dueOnLocal: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const shape = {
  projectTitle: (v: unknown) => isString(v) && v.length > 0,
  trackingNumber: isString,
  reportTitle: (v: unknown) => isString(v) && v.length > 0,
  dueOnLocal: (v: unknown) => isString(v) && v.length > 0,
};

export const PROJECT_MAIL_SHAPES: Record<ProjectMailTemplate, Record<string, (v: unknown) => boolean>> = {
  project_report_reminder: shape,
  project_report_overdue: shape,
};

export function isProjectMailTemplate(template: string): template is ProjectMailTemplate {
  return (PROJECT_MAIL_TEMPLATES as readonly string[]).includes(template);
}

const NBSP = '\u00a0';
type Block = { p: string } | { facts: [string, string][] } | { list: string[] } | { link: string };

/** Subject and blocks of a project mail (templates.ts renders them as text and HTML). */
export function projectMail(
  template: ProjectMailTemplate,
  d: ProjectReportNoticeData,
  language: MailLanguage,
  ctx: { publicUrl: string },
): [string, Block[]] {
  const overdue = template === 'project_report_overdue';
  const project = d.trackingNumber ? `${d.trackingNumber} – ${d.projectTitle}` : d.projectTitle;
  if (language === 'fr') {
    return [
      overdue ? `En retard${NBSP}: ${d.reportTitle} – ${project}` : `Rappel${NBSP}: ${d.reportTitle} attendu le ${d.dueOnLocal}`,
      [
        { p: 'Bonjour,' },
        {
          p: overdue
            ? `Le document ${d.reportTitle} du projet financé ci-dessous était attendu le ${d.dueOnLocal} et n’a pas encore été soumis.`
            : `Le document ${d.reportTitle} du projet financé ci-dessous est attendu le ${d.dueOnLocal}.`,
        },
        {
          facts: [
            ['Projet', project],
            ['Rapport', d.reportTitle],
            ['Date d’échéance', d.dueOnLocal],
          ],
        },
        {
          p: `Indiquez les inscriptions, les achèvements, les personnes en emploi ou ayant progressé dans les six mois, les partenaires employeurs et les dépenses par catégorie budgétaire, puis soumettez le rapport dans la console.`,
        },
        { link: ctx.publicUrl },
        { p: `Ce message a été envoyé automatiquement${NBSP}; merci de ne pas y répondre.` },
      ],
    ];
  }
  return [
    overdue ? `Overdue: ${d.reportTitle} – ${project}` : `Reminder: ${d.reportTitle} due on ${d.dueOnLocal}`,
    [
      { p: 'Hello,' },
      {
        p: overdue
          ? `The ${d.reportTitle} of the funded project below was due on ${d.dueOnLocal} and has not been submitted yet.`
          : `The ${d.reportTitle} of the funded project below is due on ${d.dueOnLocal}.`,
      },
      {
        facts: [
          ['Project', project],
          ['Report', d.reportTitle],
          ['Due', d.dueOnLocal],
        ],
      },
      {
        p: 'Report the enrolments, completions, learners employed or advanced within six months, employer partners and spending by budget category, then submit the report in the console.',
      },
      { link: ctx.publicUrl },
      { p: 'This message was sent automatically; please do not reply.' },
    ],
  ];
}
