import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { problemReason } from './problem-reason';

const translator = (locale: 'en' | 'fr') => {
  const provider = polyglotI18nProvider(() => (locale === 'fr' ? fr : en), locale, [], { allowMissing: true });
  return (key: string, options?: Record<string, unknown>) => provider.translate(key, options);
};

describe('problemReason', () => {
  const overCap = {
    field: 'budget',
    reason: 'the request of $50,000.01 exceeds the cap of $50,000.00 for 1 micro-credential(s)',
    code: 'over_cap',
    params: { requestedCents: 5_000_001, capCents: 5_000_000, count: 1 },
  };

  it('says a rule in French, with amounts formatted as money', () => {
    expect(problemReason(overCap, translator('fr'), 'fr')).toBe(
      'la demande de 50\u00a0000,01\u00a0$ dépasse le plafond de 50\u00a0000,00\u00a0$ pour 1 microcertification(s)',
    );
    expect(
      problemReason(
        { field: 'institution', reason: 'x', code: 'institution_type_ineligible', params: { type: 'public_college' } },
        translator('fr'),
        'fr',
      ),
    ).toContain('(Collège financé par les fonds publics)');
  });

  it('says it in English as the server does', () => {
    expect(problemReason(overCap, translator('en'), 'en')).toBe(overCap.reason);
  });

  it('falls back to the server sentence for a rule this console does not know, or without a code', () => {
    expect(problemReason({ ...overCap, code: 'brand_new_rule' }, translator('fr'), 'fr')).toBe(overCap.reason);
    expect(problemReason({ field: 'x', reason: 'as the server says' }, translator('fr'), 'fr')).toBe('as the server says');
  });

  it('has the same rules in both languages', () => {
    const codes = Object.keys(en.cf.rules);
    expect(Object.keys(fr.cf.rules).sort()).toEqual(codes.sort());
  });
});
