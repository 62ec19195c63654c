import { readPdf } from '../../../../test/support/pdf-reader';
import { DecisionLetterFacts, formatLetterDate, formatLetterMoney, letterContent, letterFileName } from './letter-text';
import { renderDecisionLetter } from './render-decision-letter';

const facts: DecisionLetterFacts = {
  kind: 'fund_partial',
  amountCents: 25_000_000,
  requestedCents: 30_000_012,
  conditions: 'Rapport trimestriel des inscriptions; évaluation à mi-parcours.',
  decidedAt: new Date('2021-09-01T03:30:00Z'), // August 31, 11:30 p.m. in Toronto
  trackingNumber: 'MCF-2021-000042',
  proposalTitle: 'Soudage avancé & robotique pour l’Est',
  institutionName: 'Collège Boréal',
  fundNameEn: 'Ontario Micro-credentials Challenge Fund 2021',
  fundNameFr: 'Fonds pour les défis liés aux microcertifications de l’Ontario 2021',
};

describe('decision letters', () => {
  it('formats money and dates per language, in Toronto', () => {
    expect(formatLetterMoney(123_456, 'en')).toBe('$1,234.56');
    expect(formatLetterMoney(123_456, 'fr').replace(/\s/g, ' ')).toBe('1 234,56 $');
    expect(formatLetterDate(facts.decidedAt, 'en')).toBe('August 31, 2021');
    expect(formatLetterDate(new Date('2021-12-01T12:00:00Z'), 'fr')).toBe('1er décembre 2021');
    expect(letterFileName('MCF-2021-000042', 'fr')).toBe('lettre-de-decision-MCF-2021-000042-fr.pdf');
  });

  it('writes a tagged PDF in English whose text reads back: amounts, conditions, title', async () => {
    const pdf = await readPdf(await renderDecisionLetter(facts, 'en'));
    expect(pdf.marked).toBe(true);
    expect(pdf.hasStructTree).toBe(true);
    expect(pdf.lang).toBe('en-CA');
    expect(pdf.displayDocTitle).toBe(true);
    expect(pdf.title).toBe('Decision letter – MCF-2021-000042');
    expect(pdf.embedsTrueType).toBe(true);
    for (const s of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD']) expect(pdf.structTypes).toContain(s);
    expect(pdf.text).toContain('Decision letter');
    expect(pdf.text).toContain('funded in part: $250,000.00 of the $300,000.12 requested');
    expect(pdf.text).toContain('Amount awarded $250,000.00');
    expect(pdf.text).toContain('Conditions Rapport trimestriel des inscriptions; évaluation à mi-parcours.');
    expect(pdf.text).toContain('“Soudage avancé & robotique pour l’Est”');
    expect(pdf.text).toContain('Collège Boréal');
    expect(pdf.text).toContain('Ontario Micro-credentials Challenge Fund 2021');
    expect(pdf.text).toContain('Toronto, August 31, 2021');
    expect(pdf.text).toContain('Page 1 of 1');
  });

  it('writes the French letter with its accents as real text', async () => {
    const pdf = await readPdf(await renderDecisionLetter(facts, 'fr'));
    expect(pdf.lang).toBe('fr-CA');
    expect(pdf.title).toBe('Lettre de décision – MCF-2021-000042');
    expect(pdf.text).toContain('Lettre de décision');
    expect(pdf.text).toContain('financée en partie, soit 250 000,00 $ sur les 300 000,12 $ demandés');
    expect(pdf.text).toContain('Montant accordé 250 000,00 $');
    expect(pdf.text).toContain('Rapport trimestriel des inscriptions; évaluation à mi-parcours.');
    expect(pdf.text).toContain('« Soudage avancé & robotique pour l’Est »');
    expect(pdf.text).toContain('Établissement Collège Boréal');
    expect(pdf.text).toContain('Fonds pour les défis liés aux microcertifications de l’Ontario 2021');
    expect(pdf.text).toContain('Toronto, le 31 août 2021');
  });

  it('keeps every letter as text from one letter to the next (fonts are shared between documents)', async () => {
    // É in bold but no plain E: subsetting caches the E (a component of É) without its character
    await renderDecisionLetter({ ...facts, proposalTitle: 'Électricité', fundNameFr: 'Fonds' }, 'fr');
    const title = 'Est de l’Ontario';
    for (const language of ['en', 'fr'] as const) {
      const pdf = await readPdf(await renderDecisionLetter({ ...facts, proposalTitle: title }, language));
      expect(pdf.text).toContain(language === 'en' ? `Re: proposal MCF-2021-000042, “${title}”` : `« ${title} »`);
      expect(pdf.text).toContain(language === 'en' ? 'Institution Collège Boréal' : 'Établissement Collège Boréal');
    }
  });

  it('says what each kind of decision means, and sets long conditions in their own section', async () => {
    const full = await readPdf(
      await renderDecisionLetter({ ...facts, kind: 'fund_full', amountCents: 30_000_012, conditions: '' }, 'en'),
    );
    expect(full.text).toContain('is funded in full: $300,000.12');
    expect(full.text).toContain('Conditions None');
    const waitlist = await readPdf(await renderDecisionLetter({ ...facts, kind: 'waitlist', amountCents: 0 }, 'fr'));
    expect(waitlist.text).toContain('Elle est inscrite sur la liste d’attente');
    expect(waitlist.text).not.toContain('Montant accordé');
    const decline = await readPdf(await renderDecisionLetter({ ...facts, kind: 'decline', amountCents: 0 }, 'en'));
    expect(decline.text).toContain('was not selected for funding');
    expect(decline.text).toContain('Decision Not funded');

    const long = Array.from(
      { length: 12 },
      (_, i) => `Condition ${i + 1}: ${'a quarterly report on enrolment and completion, '.repeat(4)}`,
    ).join('\n\n');
    const content = letterContent({ ...facts, conditions: long }, 'en');
    expect(content.details).toContainEqual(['Conditions', 'See “Conditions” below']);
    const pdf = await readPdf(await renderDecisionLetter({ ...facts, conditions: long }, 'en'));
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain('Condition 12: a quarterly report');
    expect(pdf.text).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
  });
});
