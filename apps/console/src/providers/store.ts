import { localStorageStore, type Store } from 'react-admin';

const base = localStorageStore('1', 'ChallengeFund');

/** Store key of react-admin's locale preference (see useLocaleState). */
export const LOCALE_KEY = 'locale';

/**
 * react-admin's store (preferences in localStorage). Logging out resets the
 * store; the language preference is kept across sessions, though.
 */
export const store: Store = {
  ...base,
  reset: () => {
    const locale = base.getItem<string>(LOCALE_KEY);
    base.reset();
    if (locale) base.setItem(LOCALE_KEY, locale);
  },
};
