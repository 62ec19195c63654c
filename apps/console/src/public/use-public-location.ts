import { useEffect, useMemo } from 'react';
import { useLocaleState, useLocation, useNavigate } from 'react-admin';
import type { Filter, PublicLanguage } from './public-api';

const isLanguage = (value: string | null): value is PublicLanguage => value === 'en' || value === 'fr';

/**
 * The public pages keep their state in the URL, so a link can be shared: `?lang=fr` for the language, then one
 * parameter per filter (`region=northern&osapStatus=approved`), `q` for the search and `page`.
 */
export const usePublicLocation = <K extends string>(criteria: readonly K[]) => {
  const location = useLocation();
  const navigate = useNavigate();
  const [locale, setLocale] = useLocaleState();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const asked = params.get('lang');
  const lang: PublicLanguage = isLanguage(asked) ? asked : locale === 'fr' ? 'fr' : 'en';

  // The language of a shared link wins over the stored preference.
  useEffect(() => {
    if (isLanguage(asked) && asked !== locale) setLocale(asked);
  }, [asked, locale, setLocale]);

  const filter = useMemo(() => {
    const out: Filter = {};
    for (const key of [...criteria, 'q']) {
      const value = params.get(key)?.trim();
      if (value) out[key] = value;
    }
    return out;
  }, [params, criteria]);
  const page = Math.max(0, (Number(params.get('page')) || 1) - 1);

  const go = (changes: Record<string, string | null>, pathname = location.pathname) => {
    const next = new URLSearchParams(pathname === location.pathname ? params : undefined);
    next.set('lang', lang);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    navigate({ pathname, search: `?${next}` });
  };

  return {
    lang,
    filter,
    page,
    /** Sets (or clears, with '') filters; back to the first page. */
    setFilter: (changes: Record<string, string>) => go({ ...changes, page: null }),
    clearFilters: () => go(Object.fromEntries([...criteria, 'q', 'page'].map((k) => [k, null]))),
    setPage: (index: number) => go({ page: index > 0 ? String(index + 1) : null }),
    setLanguage: (next: PublicLanguage) => {
      go({ lang: next });
      setLocale(next);
    },
    /** A link to another public page in the same language. */
    href: (pathname: string, extra: Record<string, string> = {}) => `${pathname}?${new URLSearchParams({ lang, ...extra })}`,
  };
};
