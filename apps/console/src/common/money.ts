/**
 * Money is integer cents on the wire; people read and type dollars. The conversions are done
 * on the decimal digits, never through floating point: "1234.56" is 123456 cents, exactly.
 */

/** The largest amount accepted in an input: $999,999,999,999.99 (well inside 2^53 cents). */
const MAX_WHOLE_DIGITS = 12;

const SPACES = /[\s\u00a0\u202f]/g;

/** 123456 -> "1234.56" (exact: integer arithmetic only). */
export const centsToDecimal = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const whole = (abs - (abs % 100)) / 100;
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
};

/** The text shown in a money input for an amount: "1234.56" in English, "1234,56" in French. */
export const centsToInputText = (cents: number | null | undefined, locale: string): string => {
  if (typeof cents !== 'number' || !Number.isFinite(cents)) return '';
  const text = centsToDecimal(cents);
  return locale === 'fr' ? text.replace('.', ',') : text;
};

/**
 * Parses an amount in dollars typed by a person into integer cents.
 * Accepts "1234.56", "1,234.56", "$1,234", "1 234,56" (French), "0.5" (50 cents).
 * @returns the cents, null for an empty text, NaN for a text that is not an amount
 */
export const parseDollarsToCents = (input: string | null | undefined, locale: string): number | null => {
  if (input === null || input === undefined) return null;
  let text = input.replace(SPACES, '').replace(/\$/g, '');
  if (text === '') return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // both: the last one separates the cents, the other groups thousands
    const decimal = lastComma > lastDot ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    text = text.split(grouping).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    const groups = text.split(',');
    const thousands = groups.length > 2 || (locale !== 'fr' && groups[1].length === 3);
    text = thousands ? groups.join('') : `${groups[0]}.${groups[1]}`;
  } else if (lastDot >= 0 && text.indexOf('.') !== lastDot) {
    // several dots: thousands separators
    text = text.split('.').join('');
  }
  const match = /^(\d*)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match || (match[1] === '' && !match[2])) return Number.NaN;
  const whole = match[1].replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_WHOLE_DIGITS) return Number.NaN;
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return Number(whole || '0') * 100 + Number(fraction);
};

const currencyFormats = new Map<string, Intl.NumberFormat>();

/** "$1,234.56" / "1 234,56 $" from integer cents, in the UI's language. */
export const formatCents = (cents: number | null | undefined, locale: string): string => {
  if (typeof cents !== 'number' || !Number.isFinite(cents)) return '';
  const tag = locale === 'fr' ? 'fr-CA' : 'en-CA';
  let format = currencyFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: 'currency', currency: 'CAD' });
    currencyFormats.set(tag, format);
  }
  // a decimal string is formatted exactly (Intl.NumberFormat v3)
  return format.format(centsToDecimal(cents) as unknown as number);
};

/** Sums integer cents, ignoring what is not a whole number (an amount being typed). */
export const sumCents = (values: readonly unknown[]): number =>
  values.reduce<number>((total, value) => total + (Number.isSafeInteger(value) ? (value as number) : 0), 0);

/**
 * The most a proposal may request (the fund's rules): min(n x single cap, stack cap), or the
 * stack cap for a stack of at least `stackMinCredentials` stackable micro-credentials.
 */
export const requestCapCents = (
  rules: { capSingleCents: number; capStackCents: number; stackMinCredentials: number },
  credentials: readonly { stackable?: boolean }[],
): number => {
  const n = credentials.length;
  if (n === 0) return 0;
  const stackable = credentials.filter((c) => c?.stackable).length;
  if (stackable >= rules.stackMinCredentials) return rules.capStackCents;
  return Math.min(n * rules.capSingleCents, rules.capStackCents);
};
