import { assertMailData, formatLocalDateTime, renderMail } from './templates';

const ctx = { publicUrl: 'https://grants.example.org' };
const receipt = {
  trackingNumber: 'MCF-2021-000042',
  proposalTitle: 'Soudage <avancé> & robotique',
  fundName: 'Ontario Micro-credentials Challenge Fund',
  submittedAtLocal: 'June 25, 2021 at 11:58 p.m. (Toronto time)',
  version: 2,
};
const reminder = {
  fundName: 'Fonds pour les microcertifications',
  closesAtLocal: '25 juin 2021 à 23 h 59',
  proposalTitles: ['A', ''],
};

describe('mail templates', () => {
  it('tells the applicant the decision, with the link to both letters, in their language', () => {
    const data = {
      trackingNumber: 'MCF-2021-000042',
      proposalTitle: 'Soudage avancé',
      fundName: 'Fonds pour les microcertifications',
      outcome: 'fund_partial',
      amountLocal: '250\u00a0000,00\u00a0$',
      consolePath: '/#/proposals/p1/show',
    };
    const fr = renderMail('decision_letter', 'fr', data, ctx);
    expect(fr.subject).toBe('Décision sur votre proposition MCF-2021-000042');
    expect(fr.text).toContain('est financée en partie\u00a0: 250\u00a0000,00\u00a0$');
    expect(fr.text).toContain('https://grants.example.org/#/proposals/p1/show');
    const en = renderMail('decision_letter', 'en', { ...data, outcome: 'decline', amountLocal: '' }, ctx);
    expect(en.subject).toBe('Decision on your proposal MCF-2021-000042');
    expect(en.text).toContain('was not selected for funding');
    expect(en.html).toContain('<a href="https://grants.example.org/#/proposals/p1/show">');
    expect(() => assertMailData('decision_letter', { ...data, outcome: 'maybe' })).toThrow(/outcome/);
  });

  it('tells a reviewer what was assigned and when it is due, and reminds them, in both languages', () => {
    const data = {
      fundName: 'MCF 2021',
      proposals: ['MCF-2021-000002 – <Welding>', 'MCF-2021-000004 – Care'],
      dueAtLocal: 'July 9, 2021',
    };
    const en = renderMail('review_assignment', 'en', data, ctx);
    expect(en.subject).toBe('MCF 2021: 2 proposals assigned to you');
    expect(en.text).toContain('- MCF-2021-000002 – <Welding>');
    expect(en.text).toContain('due on July 9, 2021');
    expect(en.html).toContain('&lt;Welding&gt;');
    const fr = renderMail('review_reminder', 'fr', { ...data, proposals: ['MCF-2021-000004 – Soins'] }, ctx);
    expect(fr.subject).toBe('Rappel\u00a0: évaluation attendue le July 9, 2021');
    expect(fr.text).toContain('Votre évaluation de la proposition suivante est attendue');
    expect(() => assertMailData('review_assignment', { fundName: 'x', proposals: [], dueAtLocal: 'y' })).toThrow(/proposals/);
  });

  it('renders the receipt in English, text and escaped HTML', () => {
    const m = renderMail('submission_receipt', 'en', receipt, ctx);
    expect(m.subject).toBe('Receipt for your proposal MCF-2021-000042');
    expect(m.text).toContain('Tracking number: MCF-2021-000042');
    expect(m.text).toContain('Version: 2');
    expect(m.text).toContain('Received: June 25, 2021 at 11:58 p.m. (Toronto time)');
    expect(m.text).toContain('https://grants.example.org');
    expect(m.html).toContain('<html lang="en">');
    expect(m.html).toContain('Soudage &lt;avancé&gt; &amp; robotique');
    expect(m.html).not.toContain('<avancé>');
  });

  it('renders the receipt in French', () => {
    const m = renderMail('submission_receipt', 'fr', receipt, ctx);
    expect(m.subject).toBe('Accusé de réception de votre proposition MCF-2021-000042');
    expect(m.text).toContain('Numéro de suivi\u00a0: MCF-2021-000042');
    expect(m.text).toContain('Nous avons bien reçu votre proposition «\u00a0Soudage <avancé> & robotique\u00a0»');
    expect(m.html).toContain('<html lang="fr">');
  });

  it('renders the reminder with every draft, untitled ones named', () => {
    const en = renderMail('deadline_reminder', 'en', reminder, ctx);
    expect(en.subject).toBe('Reminder: Fonds pour les microcertifications closes on 25 juin 2021 à 23 h 59');
    expect(en.text).toContain('- A\n- (untitled draft)');
    expect(en.text).toContain('proposals that have not been submitted yet');
    const fr = renderMail('deadline_reminder', 'fr', { ...reminder, proposalTitles: ['Seule'] }, ctx);
    expect(fr.subject).toBe('Rappel\u00a0: Fonds pour les microcertifications – date limite le 25 juin 2021 à 23 h 59');
    expect(fr.text).toContain('une proposition qui n’a pas encore été soumise\u00a0:');
    expect(fr.html).toContain('<li>Seule</li>');
  });

  it('refuses data that does not fit the template, naming the fields', () => {
    expect(() => assertMailData('submission_receipt', { ...receipt, version: 0, trackingNumber: undefined })).toThrow(
      'Mail submission_receipt: missing or invalid trackingNumber, version',
    );
    expect(() => assertMailData('deadline_reminder', { ...reminder, proposalTitles: [] })).toThrow('proposalTitles');
    expect(() => assertMailData('nope' as never, {})).toThrow('Unknown mail template');
  });

  it('formats instants in Toronto time in each language', () => {
    const closes = new Date('2021-06-26T03:59:00Z');
    expect(formatLocalDateTime(closes, 'en')).toBe('June 25, 2021 at 11:59 p.m. (Toronto time)');
    expect(formatLocalDateTime(closes, 'fr')).toBe('25 juin 2021 à 23 h 59 (heure de Toronto)');
    expect(formatLocalDateTime(new Date('2021-01-15T17:00:00Z'), 'en')).toBe('January 15, 2021 at 12:00 p.m. (Toronto time)');
  });
});
