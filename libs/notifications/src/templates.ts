import { TORONTO } from '@cf/platform';
import {
  isProjectMailTemplate,
  PROJECT_MAIL_SHAPES,
  PROJECT_MAIL_TEMPLATES,
  projectMail,
  ProjectReportNoticeData,
} from './project-templates';

export const MAIL_TEMPLATES = [
  'submission_receipt',
  'deadline_reminder',
  'review_assignment',
  'review_reminder',
  'decision_letter',
  ...PROJECT_MAIL_TEMPLATES,
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];
export type MailLanguage = 'en' | 'fr';

/** `data` of a `submission_receipt` mail. */
export interface SubmissionReceiptData {
  trackingNumber: string;
  proposalTitle: string;
  /** In the recipient's language. */
  fundName: string;
  /** The server's timestamp as people read it, e.g. `formatLocalDateTime(submittedAt, language)`. */
  submittedAtLocal: string;
  version: number;
}

/** `data` of a `deadline_reminder` mail. */
export interface DeadlineReminderData {
  fundName: string;
  closesAtLocal: string;
  /** The institution's unsubmitted drafts ('' for an untitled one). */
  proposalTitles: string[];
}

/** `data` of a `review_assignment` mail (one per reviewer and assignment run) and of a `review_reminder` mail. */
export interface ReviewAssignmentData {
  fundName: string;
  /** The proposals, as "tracking number – title". */
  proposals: string[];
  dueAtLocal: string;
}

/** `data` of a `decision_letter` mail: the decision on a proposal, with its letter (PDF) attached or linked. */
export interface DecisionLetterData {
  trackingNumber: string;
  proposalTitle: string;
  /** In the recipient's language. */
  fundName: string;
  outcome: 'fund_full' | 'fund_partial' | 'waitlist' | 'decline';
  /** The amount awarded, formatted in the recipient's language ('' when nothing is awarded). */
  amountLocal: string;
  /** The console's page of the proposal, where both letters are downloaded: a path after PUBLIC_URL (`/#/proposals/…/show`). */
  consolePath: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Links in mails point at the product as people reach it (PUBLIC_URL). */
export interface RenderContext {
  publicUrl: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** What each template requires of `data`; a wrong shape is a programming error, refused at enqueue. */
const SHAPES: Record<MailTemplate, Record<string, (v: unknown) => boolean>> = {
  submission_receipt: {
    trackingNumber: (v) => isString(v) && v.length > 0,
    proposalTitle: isString,
    fundName: (v) => isString(v) && v.length > 0,
    submittedAtLocal: (v) => isString(v) && v.length > 0,
    version: (v) => Number.isInteger(v) && (v as number) >= 1,
  },
  deadline_reminder: {
    fundName: (v) => isString(v) && v.length > 0,
    closesAtLocal: (v) => isString(v) && v.length > 0,
    proposalTitles: (v) => Array.isArray(v) && v.length > 0 && v.every(isString),
  },
  review_assignment: {
    fundName: (v) => isString(v) && v.length > 0,
    proposals: (v) => Array.isArray(v) && v.length > 0 && v.every(isString),
    dueAtLocal: (v) => isString(v) && v.length > 0,
  },
  review_reminder: {
    fundName: (v) => isString(v) && v.length > 0,
    proposals: (v) => Array.isArray(v) && v.length > 0 && v.every(isString),
    dueAtLocal: (v) => isString(v) && v.length > 0,
  },
  decision_letter: {
    trackingNumber: (v) => isString(v) && v.length > 0,
    proposalTitle: isString,
    fundName: (v) => isString(v) && v.length > 0,
    outcome: (v) => v === 'fund_full' || v === 'fund_partial' || v === 'waitlist' || v === 'decline',
    amountLocal: isString,
    consolePath: (v) => isString(v) && v.startsWith('/'),
  },
  ...PROJECT_MAIL_SHAPES,
};

/** Throws naming the fields that do not fit the template. */
export function assertMailData(template: MailTemplate, data: Record<string, unknown>): void {
  const shape = SHAPES[template];
  if (!shape) throw new Error(`Unknown mail template: ${String(template)}`);
  const bad = Object.entries(shape)
    .filter(([key, ok]) => !ok(data?.[key]))
    .map(([key]) => key);
  if (bad.length) throw new Error(`Mail ${template}: missing or invalid ${bad.join(', ')}`);
}

/**
 * An instant as people read it in the recipient's language, in the fund's zone:
 * `June 25, 2021 at 11:59 p.m. (Toronto time)`, `25 juin 2021 à 23 h 59 (heure de Toronto)`.
 */
/** Intl formatters are slow to build (a submission's receipt needs one): one per language and zone, reused. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatLocalDateTime(instant: Date, language: MailLanguage, timeZone: string = TORONTO): string {
  const key = `${language}|${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeStyle: 'short', timeZone });
    dateTimeFormats.set(key, format);
  }
  const formatted = format.format(instant);
  if (timeZone === TORONTO) return `${formatted} ${language === 'fr' ? '(heure de Toronto)' : '(Toronto time)'}`;
  const zone = new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { timeZone, timeZoneName: 'long' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${formatted} (${zone})` : formatted;
}

const NBSP = '\u00a0';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A mail body as blocks: paragraphs, a definition list of facts, or a bulleted list. */
type Block = { p: string } | { facts: [string, string][] } | { list: string[] } | { link: string };

function toText(blocks: Block[], language: MailLanguage): string {
  const colon = language === 'fr' ? `${NBSP}:` : ':';
  return (
    blocks
      .map((b) => {
        if ('p' in b) return b.p;
        if ('facts' in b) return b.facts.map(([k, v]) => `${k}${colon} ${v}`).join('\n');
        if ('list' in b) return b.list.map((item) => `- ${item}`).join('\n');
        return b.link;
      })
      .join('\n\n') + '\n'
  );
}

function toHtml(blocks: Block[], language: MailLanguage, subject: string): string {
  const colon = language === 'fr' ? `${NBSP}:` : ':';
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${escapeHtml(b.p)}</p>`;
      if ('facts' in b)
        return `<table role="presentation">${b.facts
          .map(
            ([k, v]) =>
              `<tr><th scope="row" style="text-align:left;padding-right:1em">${escapeHtml(k + colon)}</th><td>${escapeHtml(v)}</td></tr>`,
          )
          .join('')}</table>`;
      if ('list' in b) return `<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
      return `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.link)}</a></p>`;
    })
    .join('\n');
  return `<!doctype html>\n<html lang="${language}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body style="font-family:sans-serif;line-height:1.5">\n${body}\n</body>\n</html>\n`;
}

const q = (language: MailLanguage, s: string): string => (language === 'fr' ? `«${NBSP}${s}${NBSP}»` : `“${s}”`);

function submissionReceipt(d: SubmissionReceiptData, language: MailLanguage, ctx: RenderContext): [string, Block[]] {
  const title = d.proposalTitle.trim() || (language === 'fr' ? '(sans titre)' : '(untitled)');
  if (language === 'fr') {
    return [
      `Accusé de réception de votre proposition ${d.trackingNumber}`,
      [
        { p: 'Bonjour,' },
        {
          p: `Nous avons bien reçu votre proposition ${q(language, title)}. Conservez ce courriel${NBSP}: il constitue votre accusé de réception.`,
        },
        {
          facts: [
            ['Numéro de suivi', d.trackingNumber],
            ['Programme', d.fundName],
            ['Proposition', title],
            ['Version', String(d.version)],
            ['Date de réception', d.submittedAtLocal],
          ],
        },
        {
          p: `Vous pouvez soumettre de nouveau votre proposition jusqu’à la date limite${NBSP}; chaque soumission reçoit un nouveau numéro de version et un nouvel accusé de réception.`,
        },
        { link: ctx.publicUrl },
        { p: `Ce message a été envoyé automatiquement${NBSP}; merci de ne pas y répondre.` },
      ],
    ];
  }
  return [
    `Receipt for your proposal ${d.trackingNumber}`,
    [
      { p: 'Hello,' },
      { p: `We received your proposal ${q(language, title)}. Keep this email: it is your receipt.` },
      {
        facts: [
          ['Tracking number', d.trackingNumber],
          ['Program', d.fundName],
          ['Proposal', title],
          ['Version', String(d.version)],
          ['Received', d.submittedAtLocal],
        ],
      },
      { p: 'You may resubmit your proposal until the deadline; each submission gets a new version number and a new receipt.' },
      { link: ctx.publicUrl },
      { p: 'This message was sent automatically; please do not reply.' },
    ],
  ];
}

function deadlineReminder(d: DeadlineReminderData, language: MailLanguage, ctx: RenderContext): [string, Block[]] {
  const titles = d.proposalTitles.map((t) => t.trim() || (language === 'fr' ? '(ébauche sans titre)' : '(untitled draft)'));
  if (language === 'fr') {
    return [
      `Rappel${NBSP}: ${d.fundName} – date limite le ${d.closesAtLocal}`,
      [
        { p: 'Bonjour,' },
        {
          p: `La date limite de soumission au programme ${q(language, d.fundName)} est le ${d.closesAtLocal}. Votre établissement a ${titles.length > 1 ? 'des propositions qui n’ont' : 'une proposition qui n’a'} pas encore été ${titles.length > 1 ? 'soumises' : 'soumise'}${NBSP}:`,
        },
        { list: titles },
        {
          p: `Une ébauche n’est pas une soumission. Soumettez chaque proposition avant la date limite${NBSP}: une proposition qui n’est pas soumise à temps ne pourra pas être prise en considération.`,
        },
        { link: ctx.publicUrl },
        { p: `Ce message a été envoyé automatiquement${NBSP}; merci de ne pas y répondre.` },
      ],
    ];
  }
  return [
    `Reminder: ${d.fundName} closes on ${d.closesAtLocal}`,
    [
      { p: 'Hello,' },
      {
        p: `The ${d.fundName} closes on ${d.closesAtLocal}. Your institution has ${titles.length > 1 ? 'proposals that have' : 'a proposal that has'} not been submitted yet:`,
      },
      { list: titles },
      {
        p: 'A draft is not a submission. Submit each proposal before the deadline: a proposal that is not submitted on time cannot be considered.',
      },
      { link: ctx.publicUrl },
      { p: 'This message was sent automatically; please do not reply.' },
    ],
  ];
}

function reviewMail(
  d: ReviewAssignmentData,
  language: MailLanguage,
  ctx: RenderContext,
  kind: 'review_assignment' | 'review_reminder',
): [string, Block[]] {
  const n = d.proposals.length;
  if (language === 'fr') {
    const subject =
      kind === 'review_assignment'
        ? `${d.fundName}${NBSP}: ${n > 1 ? `${n} propositions vous sont assignées` : 'une proposition vous est assignée'}`
        : `Rappel${NBSP}: ${n > 1 ? `${n} évaluations attendues` : 'évaluation attendue'} le ${d.dueAtLocal}`;
    return [
      subject,
      [
        { p: 'Bonjour,' },
        {
          p:
            kind === 'review_assignment'
              ? `Dans le cadre du programme ${q(language, d.fundName)}, ${n > 1 ? 'les propositions suivantes vous sont assignées' : 'la proposition suivante vous est assignée'} pour évaluation, au plus tard le ${d.dueAtLocal}${NBSP}:`
              : `${n > 1 ? 'Vos évaluations des propositions suivantes sont attendues' : 'Votre évaluation de la proposition suivante est attendue'} le ${d.dueAtLocal} (programme ${q(language, d.fundName)})${NBSP}:`,
        },
        { list: d.proposals },
        {
          p: `Si vous avez un conflit d’intérêts avec l’établissement ou l’un des partenaires, déclarez-le dans la console avant de lire la proposition.`,
        },
        { link: ctx.publicUrl },
        { p: `Ce message a été envoyé automatiquement${NBSP}; merci de ne pas y répondre.` },
      ],
    ];
  }
  const subject =
    kind === 'review_assignment'
      ? `${d.fundName}: ${n > 1 ? `${n} proposals assigned` : 'a proposal assigned'} to you`
      : `Reminder: ${n > 1 ? `${n} reviews` : 'a review'} due on ${d.dueAtLocal}`;
  return [
    subject,
    [
      { p: 'Hello,' },
      {
        p:
          kind === 'review_assignment'
            ? `For the ${d.fundName}, ${n > 1 ? 'these proposals were' : 'this proposal was'} assigned to you for review, due on ${d.dueAtLocal}:`
            : `Your ${n > 1 ? 'reviews of these proposals are' : 'review of this proposal is'} due on ${d.dueAtLocal} (${d.fundName}):`,
      },
      { list: d.proposals },
      {
        p: 'If you have a conflict of interest with the institution or any partner, declare it in the console before reading the proposal.',
      },
      { link: ctx.publicUrl },
      { p: 'This message was sent automatically; please do not reply.' },
    ],
  ];
}

function decisionLetter(d: DecisionLetterData, language: MailLanguage, ctx: RenderContext): [string, Block[]] {
  const link = `${ctx.publicUrl}${d.consolePath}`;
  if (language === 'fr') {
    const title = d.proposalTitle.trim() || '(sans titre)';
    const outcome = {
      fund_full: `Nous avons le plaisir de vous informer que votre proposition ${q(language, title)} est financée en totalité${NBSP}: ${d.amountLocal}.`,
      fund_partial: `Nous avons le plaisir de vous informer que votre proposition ${q(language, title)} est financée en partie${NBSP}: ${d.amountLocal}, aux conditions énoncées dans la lettre.`,
      waitlist: `Votre proposition ${q(language, title)} est inscrite sur la liste d’attente du programme. Nous communiquerons avec vous si des fonds se libèrent.`,
      decline: `Nous regrettons de vous informer que votre proposition ${q(language, title)} n’a pas été retenue pour un financement.`,
    }[d.outcome];
    return [
      `Décision sur votre proposition ${d.trackingNumber}`,
      [
        { p: 'Bonjour,' },
        { p: `Une décision a été rendue sur votre proposition au programme ${q(language, d.fundName)}.` },
        { p: outcome },
        {
          p: `La lettre de décision (PDF) est jointe à ce courriel. Vous pouvez la télécharger en français et en anglais depuis la page de la proposition${NBSP}:`,
        },
        { link },
        { p: `Ce message a été envoyé automatiquement${NBSP}; merci de ne pas y répondre.` },
      ],
    ];
  }
  const title = d.proposalTitle.trim() || '(untitled)';
  const outcome = {
    fund_full: `We are pleased to inform you that your proposal ${q(language, title)} is funded in full: ${d.amountLocal}.`,
    fund_partial: `We are pleased to inform you that your proposal ${q(language, title)} is funded in part: ${d.amountLocal}, on the conditions set out in the letter.`,
    waitlist: `Your proposal ${q(language, title)} is on the program’s waitlist. We will contact you should funding become available.`,
    decline: `We regret to inform you that your proposal ${q(language, title)} was not selected for funding.`,
  }[d.outcome];
  return [
    `Decision on your proposal ${d.trackingNumber}`,
    [
      { p: 'Hello,' },
      { p: `A decision was made on your proposal to the ${d.fundName}.` },
      { p: outcome },
      { p: 'The decision letter (PDF) is attached. You can download it in English and in French from the proposal’s page:' },
      { link },
      { p: 'This message was sent automatically; please do not reply.' },
    ],
  ];
}

/** Subject, plain text and HTML of a mail in the recipient's language. */
export function renderMail(
  template: MailTemplate,
  language: MailLanguage,
  data: Record<string, unknown>,
  ctx: RenderContext,
): RenderedMail {
  assertMailData(template, data);
  const lang: MailLanguage = language === 'fr' ? 'fr' : 'en';
  if (isProjectMailTemplate(template)) {
    const [subject, blocks] = projectMail(template, data as unknown as ProjectReportNoticeData, lang, ctx);
    return { subject, text: toText(blocks, lang), html: toHtml(blocks, lang, subject) };
  }
  const [subject, blocks] =
    template === 'submission_receipt'
      ? submissionReceipt(data as unknown as SubmissionReceiptData, lang, ctx)
      : template === 'deadline_reminder'
        ? deadlineReminder(data as unknown as DeadlineReminderData, lang, ctx)
        : template === 'decision_letter'
          ? decisionLetter(data as unknown as DecisionLetterData, lang, ctx)
          : reviewMail(data as unknown as ReviewAssignmentData, lang, ctx, template);
  return { subject, text: toText(blocks, lang), html: toHtml(blocks, lang, subject) };
}
