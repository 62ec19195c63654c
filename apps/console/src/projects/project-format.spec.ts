/// <reference types="jest" />
// react-admin's bundle is ESM-only in parts: the console's pure helpers need nothing of it but this class
jest.mock('react-admin', () => ({
  HttpError: class HttpError extends Error {
    constructor(
      message: string,
      readonly status: number,
      readonly body: unknown,
    ) {
      super(message);
    }
  },
}));
import { HttpError } from 'react-admin';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { milestoneDeliverable, milestoneTitle, projectErrorText, reportTitle } from './project-format';

/** A polyglot-like translate over a messages object: `%{name}` and `smart_count` plurals. */
const translator =
  (messages: object) =>
  (key: string, given: object = {}): string => {
    const options = given as Record<string, unknown>;
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    if (typeof value !== 'string') return (options._ as string) ?? key;
    const forms = value.split(' |||| ');
    const text = forms.length > 1 && options.smart_count !== 1 ? forms[1] : forms[0];
    return text.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name] ?? ''));
  };

describe('project words in the console', () => {
  const tEn = translator(en);
  const tFr = translator(fr);

  it('translates the default schedule’s titles, keeps the ones people wrote', () => {
    expect(reportTitle(tFr, { kind: 'interim', title: 'Interim report 2' })).toBe('Rapport intermédiaire 2');
    expect(reportTitle(tFr, { kind: 'final', title: 'Final report' })).toBe('Rapport final');
    expect(reportTitle(tEn, { kind: 'interim', title: 'Interim report 1' })).toBe('Interim report 1');
    expect(reportTitle(tFr, { kind: 'interim', title: 'Bilan de mi-parcours' })).toBe('Bilan de mi-parcours');
    expect(milestoneTitle(tFr, { kind: 'enrolment_open', title: 'Enrolment open' })).toBe('Inscriptions ouvertes');
    expect(milestoneTitle(tFr, { kind: 'other', title: 'Pilot cohort' })).toBe('Pilot cohort');
    expect(milestoneDeliverable(tFr, { kind: 'agreement_signed', title: 'Agreement signed', deliverable: 'x' })).toMatch(
      /^L’entente de paiement de transfert/,
    );
  });

  it('says the API’s refusals in the UI’s language, with what remains of the award', () => {
    const exceeded = new HttpError('exceeds', 409, {
      code: 'AWARD_EXCEEDED',
      message: 'This tranche of $10.00 exceeds what remains of the award: $5.00',
      remainingCents: 500,
    });
    expect(projectErrorText(tEn, exceeded, 'en')).toBe('The payment would exceed the award: $5.00 remains to be paid.');
    expect(projectErrorText(tFr, exceeded, 'fr').replace(/\s/g, ' ')).toBe(
      'Le paiement dépasserait le financement accordé : il reste 5,00 $ à verser.',
    );
    const released = new HttpError('released', 409, { code: 'TRANCHE_RELEASED', message: 'This tranche was already released' });
    expect(projectErrorText(tFr, released, 'fr')).toBe(
      'Cette tranche a déjà été versée (peut-être par un autre agent). (This tranche was already released)',
    );
  });
});
