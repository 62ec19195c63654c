import { formatCents, intakeState, requestCapCents } from './fund-rules';

const rules = { capSingleCents: 5_000_000, capStackCents: 30_000_000, stackMinCredentials: 5 };
const creds = (n: number, stackable = false) => Array.from({ length: n }, () => ({ stackable }));

describe('request caps', () => {
  it('allows $50,000 for a single micro-credential', () => {
    expect(requestCapCents(rules, creds(1))).toBe(5_000_000);
  });
  it('adds $50,000 per micro-credential up to $300,000', () => {
    expect(requestCapCents(rules, creds(3))).toBe(15_000_000);
    expect(requestCapCents(rules, creds(5))).toBe(25_000_000);
    expect(requestCapCents(rules, creds(9))).toBe(30_000_000);
  });
  it('allows $300,000 for a stack of five or more stackable micro-credentials', () => {
    expect(requestCapCents(rules, creds(5, true))).toBe(30_000_000);
    expect(requestCapCents(rules, [...creds(4, true), ...creds(1)])).toBe(25_000_000);
  });
  it('allows nothing without micro-credentials', () => {
    expect(requestCapCents(rules, [])).toBe(0);
  });
});

describe('intake', () => {
  const fund = { opensAt: new Date('2021-05-01T04:00:00Z'), closesAt: new Date('2021-06-26T03:59:59.999Z') };
  it('includes the closing instant and nothing after', () => {
    expect(intakeState(fund, new Date('2021-06-26T03:59:59.999Z'))).toBe('open');
    expect(intakeState(fund, new Date('2021-06-26T04:00:00.000Z'))).toBe('closed');
    expect(intakeState(fund, new Date('2021-05-01T03:59:59.999Z'))).toBe('not_open');
  });
});

describe('formatCents', () => {
  it('formats dollars in each language without floats in the data', () => {
    expect(formatCents(1_500_000_000)).toBe('$15,000,000.00');
    expect(formatCents(1_500_000_000, 'fr').replace(/\s/g, ' ')).toBe('15 000 000,00 $');
  });
});
