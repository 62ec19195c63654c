import type { Language } from '../types';

/** The UI locale, readable outside React (sent as Accept-Language to the API). */
let currentLocale: Language = 'en';

export const getCurrentLocale = (): Language => currentLocale;

export const setCurrentLocale = (locale: string): void => {
  currentLocale = locale === 'fr' ? 'fr' : 'en';
  if (typeof document !== 'undefined') {
    document.documentElement.lang = currentLocale;
  }
};
