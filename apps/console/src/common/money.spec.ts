/// <reference types="jest" />
import { centsToDecimal, centsToInputText, formatCents, parseDollarsToCents, requestCapCents, sumCents } from './money';

describe('money in the console', () => {
  it('parses dollars into exact integer cents, never through floating point', () => {
    expect(parseDollarsToCents('1234.56', 'en')).toBe(123456);
    expect(parseDollarsToCents('0.1', 'en')).toBe(10);
    expect(parseDollarsToCents('0.29', 'en')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(parseDollarsToCents('1,234.56', 'en')).toBe(123456);
    expect(parseDollarsToCents('$15,000,000', 'en')).toBe(1_500_000_000);
    expect(parseDollarsToCents('15,000,000.01', 'en')).toBe(1_500_000_001);
    expect(parseDollarsToCents('.5', 'en')).toBe(50);
    expect(parseDollarsToCents('007', 'en')).toBe(700);
  });

  it('reads French amounts: comma for cents, spaces between thousands', () => {
    expect(parseDollarsToCents('1234,56', 'fr')).toBe(123456);
    expect(parseDollarsToCents('1 234,56 $', 'fr')).toBe(123456);
    expect(parseDollarsToCents('1\u00a0234,5', 'fr')).toBe(123450);
    expect(parseDollarsToCents('1.234,56', 'fr')).toBe(123456);
    expect(parseDollarsToCents('1234.56', 'fr')).toBe(123456);
  });

  it('says empty is null and anything else is not an amount (NaN)', () => {
    expect(parseDollarsToCents('', 'en')).toBeNull();
    expect(parseDollarsToCents('  ', 'en')).toBeNull();
    for (const bad of ['abc', '1.234', '-5', '1e3', '12.3.4x', '.', '1234567890123']) {
      expect(parseDollarsToCents(bad, 'en')).toBeNaN();
    }
  });

  it('shows cents as dollars exactly', () => {
    expect(centsToDecimal(123456)).toBe('1234.56');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(1_500_000_001)).toBe('15000000.01');
    expect(centsToInputText(123456, 'fr')).toBe('1234,56');
    expect(centsToInputText(null, 'en')).toBe('');
    expect(formatCents(123456, 'en')).toBe('$1,234.56');
    expect(formatCents(123456, 'fr').replace(/\s/g, ' ')).toBe('1 234,56 $');
  });

  it('adds whole cents only and applies the fund cap rule', () => {
    expect(sumCents([100, 250, null, Number.NaN, undefined, 1.5])).toBe(350);
    const rules = { capSingleCents: 5_000_000, capStackCents: 30_000_000, stackMinCredentials: 5 };
    expect(requestCapCents(rules, [])).toBe(0);
    expect(requestCapCents(rules, [{ stackable: false }, { stackable: true }])).toBe(10_000_000);
    expect(
      requestCapCents(
        rules,
        Array.from({ length: 7 }, () => ({ stackable: false })),
      ),
    ).toBe(30_000_000);
    expect(
      requestCapCents(
        rules,
        Array.from({ length: 5 }, () => ({ stackable: true })),
      ),
    ).toBe(30_000_000);
  });
});
