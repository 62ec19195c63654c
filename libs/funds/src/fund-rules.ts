/**
 * The fund's rules for a proposal's request, as pure functions.
 *
 * Caps (the 2021 fund's defaults): up to $50,000 per micro-credential, and up to $300,000 for a
 * proposal; a stack of five or more stackable micro-credentials may ask for the full $300,000.
 * So the cap is min(n x single cap, stack cap), raised to the stack cap for a qualifying stack.
 */
export interface CapRules {
  capSingleCents: number;
  capStackCents: number;
  stackMinCredentials: number;
}

export function requestCapCents(rules: CapRules, credentials: { stackable: boolean }[]): number {
  const n = credentials.length;
  if (n === 0) return 0;
  const stackable = credentials.filter((c) => c.stackable).length;
  if (stackable >= rules.stackMinCredentials) return rules.capStackCents;
  return Math.min(n * rules.capSingleCents, rules.capStackCents);
}

/** A fund accepts submissions in [opensAt, closesAt] (closing instant included). */
export function intakeState(fund: { opensAt: Date; closesAt: Date }, at: Date): 'not_open' | 'open' | 'closed' {
  if (at.getTime() < fund.opensAt.getTime()) return 'not_open';
  return at.getTime() <= fund.closesAt.getTime() ? 'open' : 'closed';
}

export function formatCents(cents: number, language: 'en' | 'fr' = 'en'): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { style: 'currency', currency: 'CAD' }).format(cents / 100);
}
