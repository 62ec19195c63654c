/**
 * Organization names as people type them ("Maple Leaf Foods Inc.", "MAPLE LEAF FOODS", "Boréal
 * Construction Ltée") reduced to one comparable form, for automatic conflict-of-interest checks.
 *
 * normalizeOrganizationName, step by step:
 *  1. lower case; letters that do not decompose (œ, æ, ß, ø, ł) spelled out; accents removed
 *     (NFD, then every combining mark dropped);
 *  2. "&" becomes the word "and"; apostrophes are dropped inside words ("McDonald's" = "McDonalds");
 *     every other character that is not a letter or a digit becomes a space (hyphens, periods,
 *     commas, parentheses...), and runs of spaces collapse;
 *  3. runs of one-letter words are joined, so dotted abbreviations read as one word
 *     ("S.E.N.C." -> "senc", "I.B.M." -> "ibm");
 *  4. "et" between two words is the French "and"; "saint"/"sainte" are spelled "st"/"ste";
 *  5. a leading "the" is dropped, then legal-form words at the end (inc, ltd, ltée, llc, corp,
 *     co, s.a., s.e.n.c.r.l., ...) are dropped repeatedly, with any "and" they leave dangling
 *     ("Smith & Co. Ltd." -> "smith"); the last word is never dropped.
 *
 * sameOrganization compares the normalized forms with the spaces removed, so spellings that differ
 * only by spacing or hyphenation match ("Sault-Ste-Marie" = "Sault Ste. Marie", "Co-operators" =
 * "Cooperators"). Names that normalize to nothing (blank, "Inc.") never match anything.
 */

/** Legal-form words dropped at the end of a name (after steps 1-4, so already without dots or accents). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  // English (Canada, US, UK)
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'ulc',
  'corp',
  'corporation',
  'co',
  'company',
  'pc',
  // French (Quebec, France, Belgium)
  'ltee',
  'limitee',
  'incorporee',
  'cie',
  'sa',
  'sas',
  'sarl',
  'senc',
  'sencrl',
  'srl',
  // German, Dutch
  'gmbh',
  'ag',
  'bv',
  'nv',
]);

const SPELLED_OUT: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th' };
const TOKEN_ALIASES: Readonly<Record<string, string>> = { saint: 'st', sainte: 'ste' };

export function normalizeOrganizationName(name: string): string {
  const folded = name
    .toLowerCase()
    .replace(/[œæßøłđðþ]/g, (c) => SPELLED_OUT[c])
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/&/g, ' and ')
    .replace(/(?<=[\p{L}\p{N}])['’‘`ʼ](?=[\p{L}\p{N}])/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!folded) return '';

  // 3. join runs of one-letter words (dotted abbreviations)
  const tokens: string[] = [];
  let run = '';
  for (const token of folded.split(' ')) {
    if (token.length === 1) {
      run += token;
      continue;
    }
    if (run) tokens.push(run);
    run = '';
    tokens.push(token);
  }
  if (run) tokens.push(run);

  // 4. French "et" between words, saint/sainte
  const words = tokens.map((t, i) => (t === 'et' && i > 0 && i < tokens.length - 1 ? 'and' : (TOKEN_ALIASES[t] ?? t)));

  // 5. leading "the", trailing legal forms and the "and" they leave behind
  let start = 0;
  let end = words.length;
  if (end - start > 1 && words[start] === 'the') start++;
  while (end - start > 1 && (LEGAL_SUFFIXES.has(words[end - 1]) || words[end - 1] === 'and')) end--;
  return words.slice(start, end).join(' ');
}

/** The comparison key: the normalized name without spaces ('' when nothing is left). */
export function organizationKey(name: string): string {
  return normalizeOrganizationName(name).replace(/ /g, '');
}

/** Whether two names designate the same organization after normalization; blank names never match. */
export function sameOrganization(a: string, b: string): boolean {
  const key = organizationKey(a);
  return key !== '' && key === organizationKey(b);
}
