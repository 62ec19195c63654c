import { centsToDecimal } from './proposals-export';

describe('centsToDecimal', () => {
  it('writes exact dollars from integer cents', () => {
    expect(centsToDecimal(0)).toBe('0.00');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(123456)).toBe('1234.56');
    expect(centsToDecimal(1_500_000_000)).toBe('15000000.00');
    expect(centsToDecimal(-250)).toBe('-2.50');
  });
});
