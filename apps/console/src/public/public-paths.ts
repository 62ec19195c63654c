/** The public pages' routes (hash routes of the console, outside the sign-in). */
export const PUBLIC_PATHS = {
  catalogue: '/public/micro-credentials',
  projects: '/public/projects',
  project: (id: string) => `/public/projects/${id}`,
  openData: '/public/open-data',
} as const;
