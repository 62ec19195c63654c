import type { PublicLanguage } from './public-api';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "January 15, 2022" / "15 janvier 2022" from a calendar date `YYYY-MM-DD` (no time zone shift). */
export const formatDate = (date: string | null | undefined, lang: PublicLanguage): string => {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  const tag = lang === 'fr' ? 'fr-CA' : 'en-CA';
  let format = dateFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(tag, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
};
