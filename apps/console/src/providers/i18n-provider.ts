import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale, type I18nProvider } from 'react-admin';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { publicEn, publicFr } from '../public/public-messages';
import { setCurrentLocale } from './current-locale';
import { LOCALE_KEY, store } from './store';

/** The console's messages, and the public pages' under `pub`. */
const messages = { en: { ...en, pub: publicEn }, fr: { ...fr, pub: publicFr } } as const;
type Locale = keyof typeof messages;

const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'fr';

/** The persisted choice, else the browser's language if French, else English. */
export const initialLocale = (): Locale => {
  const stored = store.getItem<string>(LOCALE_KEY);
  if (isLocale(stored)) return stored;
  return resolveBrowserLocale('en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
};

const base = polyglotI18nProvider(
  (locale) => (isLocale(locale) ? messages[locale] : messages.en),
  initialLocale(),
  [
    { locale: 'en', name: en.cf.language.self },
    { locale: 'fr', name: fr.cf.language.self },
  ],
  { allowMissing: true },
);

const applyLocale = (locale: string) => {
  setCurrentLocale(locale);
  if (typeof document !== 'undefined') {
    document.title = base.translate('cf.app.title');
  }
};

/** Polyglot provider that also keeps <html lang>, the document title and Accept-Language in sync. */
export const i18nProvider: I18nProvider = {
  ...base,
  changeLocale: async (locale, options) => {
    await base.changeLocale(locale, options);
    applyLocale(locale);
  },
};

applyLocale(base.getLocale());
