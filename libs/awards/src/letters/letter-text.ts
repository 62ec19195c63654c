/**
 * The words of a decision letter in English and in French, all in one place (framework-free). A letter is a heading,
 * dated paragraphs, a table of the decision's facts (amounts, conditions) and a closing; `renderDecisionLetter` lays
 * it out as a tagged PDF. Money is formatted per language ($1,234.56 / 1 234,56 $), dates in the fund's zone.
 */
import { formatCents } from '@cf/funds';
import { TORONTO } from '@cf/platform';
import type { DecisionKind } from '../domain/decision-rules';

export const LETTER_LANGUAGES = ['en', 'fr'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** What a letter says, as read from the decision, its proposal (as submitted), institution and fund. */
export interface DecisionLetterFacts {
  kind: DecisionKind;
  amountCents: number;
  requestedCents: number;
  conditions: string;
  decidedAt: Date;
  trackingNumber: string;
  proposalTitle: string;
  institutionName: string;
  fundNameEn: string;
  fundNameFr: string;
  /** The fund's zone (America/Toronto unless configured otherwise). */
  timeZone?: string;
}

/** A letter's content in one language, ready to lay out. */
export interface LetterContent {
  language: LetterLanguage;
  /** BCP 47 tag of the document (`/Lang`). */
  lang: 'en-CA' | 'fr-CA';
  /** The document title (info dictionary, shown by viewers instead of the file name). */
  title: string;
  subject: string;
  author: string;
  keywords: string;
  /** The sender, above the heading. */
  letterhead: string;
  heading: string;
  dateLine: string;
  recipient: string;
  reference: string;
  salutation: string;
  body: string[];
  detailsHeading: string;
  /** The table of facts: [label, value]; the label is a row header. */
  details: [string, string][];
  /** Conditions too long for the table come in their own section after it. */
  conditionsSection: { heading: string; paragraphs: string[] } | null;
  closing: string[];
  signature: string[];
  /** "Page n of m", for the footer (an artifact, not content). */
  pageOf: (page: number, pages: number) => string;
}

/** Conditions longer than this (or with more lines) are set in their own section rather than a table cell. */
const INLINE_CONDITIONS_CHARS = 400;
const INLINE_CONDITIONS_LINES = 6;

const NBSP = '\u00a0';

export const formatLetterMoney = (cents: number, language: LetterLanguage): string => formatCents(cents, language);

/** `December 1, 2025` / `1er décembre 2025`, in the fund's zone. */
export function formatLetterDate(instant: Date, language: LetterLanguage, timeZone: string = TORONTO): string {
  const text = new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeZone }).format(instant);
  // French writes the first of the month as an ordinal: « 1er décembre »
  return language === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

const quoteOf = (language: LetterLanguage, s: string): string => (language === 'fr' ? `«${NBSP}${s}${NBSP}»` : `“${s}”`);

/** The file name of a letter: `decision-letter-MCF-2021-000001-en.pdf`, `lettre-de-decision-MCF-2021-000001-fr.pdf`. */
export function letterFileName(trackingNumber: string, language: LetterLanguage): string {
  const ref = trackingNumber.replace(/[^A-Za-z0-9-]/g, '') || 'proposal';
  return language === 'fr' ? `lettre-de-decision-${ref}-fr.pdf` : `decision-letter-${ref}-en.pdf`;
}

/** The paragraphs of the conditions as the officer wrote them (blank lines separate paragraphs). */
const conditionParagraphs = (conditions: string): string[] =>
  conditions
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

export function letterContent(f: DecisionLetterFacts, language: LetterLanguage): LetterContent {
  const money = (cents: number) => formatLetterMoney(cents, language);
  const date = formatLetterDate(f.decidedAt, language, f.timeZone);
  const conditions = f.conditions.trim();
  const funded = f.kind === 'fund_full' || f.kind === 'fund_partial';
  const inline = conditions.length <= INLINE_CONDITIONS_CHARS && conditions.split('\n').length <= INLINE_CONDITIONS_LINES;

  if (language === 'fr') {
    const title = f.proposalTitle.trim() || '(sans titre)';
    const fund = f.fundNameFr;
    const outcome: Record<DecisionKind, string> = {
      fund_full: 'Financée en totalité',
      fund_partial: 'Financée en partie',
      waitlist: 'Inscrite sur la liste d’attente',
      decline: 'Non retenue',
    };
    const body: Record<DecisionKind, string[]> = {
      fund_full: [
        `Nous avons le plaisir de vous informer que votre proposition ${quoteOf(language, title)} est retenue et financée en totalité, soit ${money(f.amountCents)}.`,
        `Le financement est assujetti à la signature d’une entente de financement, qui précisera les étapes, les versements et les rapports attendus.`,
      ],
      fund_partial: [
        `Nous avons le plaisir de vous informer que votre proposition ${quoteOf(language, title)} est retenue et financée en partie, soit ${money(f.amountCents)} sur les ${money(f.requestedCents)} demandés, aux conditions énoncées ci-dessous.`,
        `Le financement est assujetti au respect de ces conditions et à la signature d’une entente de financement, qui précisera les étapes, les versements et les rapports attendus.`,
      ],
      waitlist: [
        `Votre proposition ${quoteOf(language, title)} a été jugée admissible à un financement, mais l’enveloppe du programme est entièrement engagée. Elle est inscrite sur la liste d’attente.`,
        `Si des fonds se libèrent, nous communiquerons avec vous. Aucun montant n’est engagé pour le moment.`,
      ],
      decline: [
        `Après examen, nous regrettons de vous informer que votre proposition ${quoteOf(language, title)} n’a pas été retenue pour un financement.`,
        `Nous vous remercions de l’intérêt que vous portez au programme et vous invitons à présenter une proposition lors d’un prochain appel.`,
      ],
    };
    const details: [string, string][] = [
      ['Numéro de suivi', f.trackingNumber],
      ['Proposition', title],
      ['Établissement', f.institutionName],
      ['Programme', fund],
      ['Décision', outcome[f.kind]],
      ['Montant demandé', money(f.requestedCents)],
    ];
    if (funded) {
      details.push(['Montant accordé', money(f.amountCents)]);
      details.push([
        'Conditions',
        !conditions ? 'Aucune' : inline ? conditions : `Voir la section ${quoteOf(language, 'Conditions')} ci-dessous`,
      ]);
    }
    details.push(['Date de la décision', date]);
    return {
      language,
      lang: 'fr-CA',
      title: `Lettre de décision – ${f.trackingNumber}`,
      subject: `Décision sur la proposition ${f.trackingNumber} – ${title}`,
      author: fund,
      keywords: `lettre de décision, ${f.trackingNumber}`,
      letterhead: fund,
      heading: 'Lettre de décision',
      dateLine: `Toronto, le ${date}`,
      recipient: f.institutionName,
      reference: `Objet${NBSP}: proposition ${f.trackingNumber}, ${quoteOf(language, title)}`,
      salutation: 'Madame, Monsieur,',
      body: body[f.kind],
      detailsHeading: 'Détails de la décision',
      details,
      conditionsSection:
        funded && conditions && !inline ? { heading: 'Conditions', paragraphs: conditionParagraphs(conditions) } : null,
      closing: [
        'Pour toute question, communiquez avec nous par la console du programme, où cette lettre peut être téléchargée en français et en anglais.',
        'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
      ],
      signature: ['L’équipe du programme', fund],
      pageOf: (page, pages) => `Page ${page} de ${pages}`,
    };
  }

  const title = f.proposalTitle.trim() || '(untitled)';
  const fund = f.fundNameEn;
  const outcome: Record<DecisionKind, string> = {
    fund_full: 'Funded in full',
    fund_partial: 'Funded in part',
    waitlist: 'Waitlisted',
    decline: 'Not funded',
  };
  const body: Record<DecisionKind, string[]> = {
    fund_full: [
      `We are pleased to inform you that your proposal ${quoteOf(language, title)} has been selected and is funded in full: ${money(f.amountCents)}.`,
      'The funding is subject to a signed funding agreement, which will set out the milestones, payments and reports expected.',
    ],
    fund_partial: [
      `We are pleased to inform you that your proposal ${quoteOf(language, title)} has been selected and is funded in part: ${money(f.amountCents)} of the ${money(f.requestedCents)} requested, on the conditions set out below.`,
      'The funding is subject to these conditions and to a signed funding agreement, which will set out the milestones, payments and reports expected.',
    ],
    waitlist: [
      `Your proposal ${quoteOf(language, title)} was found to merit funding, but the program’s envelope is fully committed. It has been placed on the waitlist.`,
      'Should funding become available, we will contact you. No money is committed at this time.',
    ],
    decline: [
      `After review, we regret to inform you that your proposal ${quoteOf(language, title)} was not selected for funding.`,
      'Thank you for your interest in the program; we encourage you to apply in a future intake.',
    ],
  };
  const details: [string, string][] = [
    ['Tracking number', f.trackingNumber],
    ['Proposal', title],
    ['Institution', f.institutionName],
    ['Program', fund],
    ['Decision', outcome[f.kind]],
    ['Amount requested', money(f.requestedCents)],
  ];
  if (funded) {
    details.push(['Amount awarded', money(f.amountCents)]);
    details.push(['Conditions', !conditions ? 'None' : inline ? conditions : 'See “Conditions” below']);
  }
  details.push(['Date of decision', date]);
  return {
    language,
    lang: 'en-CA',
    title: `Decision letter – ${f.trackingNumber}`,
    subject: `Decision on proposal ${f.trackingNumber} – ${title}`,
    author: fund,
    keywords: `decision letter, ${f.trackingNumber}`,
    letterhead: fund,
    heading: 'Decision letter',
    dateLine: `Toronto, ${date}`,
    recipient: f.institutionName,
    reference: `Re: proposal ${f.trackingNumber}, ${quoteOf(language, title)}`,
    salutation: 'Dear applicant,',
    body: body[f.kind],
    detailsHeading: 'Decision details',
    details,
    conditionsSection:
      funded && conditions && !inline ? { heading: 'Conditions', paragraphs: conditionParagraphs(conditions) } : null,
    closing: [
      'For any question, please contact us through the program’s console, where this letter can be downloaded in English and in French.',
      'Yours sincerely,',
    ],
    signature: ['The program team', fund],
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
  };
}
