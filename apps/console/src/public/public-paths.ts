/** The public pages' routes (hash routes of the console, outside the sign-in). */
export const PUBLIC_PATHS = {
  catalogue: '/public/micro-credentials',
  projects: '/public/projects',
  project: (id: string) => `/public/projects/${id}`,
  openData: '/public/open-data',
} as const;

/**
 * The hash route for a clean public URL, so links can be shared without `#`: `/public` → `#/public`, `/public/fr` →
 * `#/public?lang=fr`, `/public/fr/projects` → `#/public/projects?lang=fr`, `/public/projects?lang=fr` as is. Null for
 * any other path.
 */
export const publicHashFor = (pathname: string, search: string): string | null => {
  const match = /^\/public(?:\/(en|fr))?(\/[A-Za-z0-9/_-]*)?\/?$/.exec(pathname);
  if (!match) return null;
  const [, lang, rest = ''] = match;
  const params = new URLSearchParams(search);
  if (lang) params.set('lang', lang);
  const query = params.toString();
  return `#/public${rest.replace(/\/$/, '')}${query ? `?${query}` : ''}`;
};
