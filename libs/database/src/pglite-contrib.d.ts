// PGlite's contrib extensions are exported under `exports` only, which this project's module resolution ("node") does
// not read; Node and the bundler resolve them. The type is PGlite's own extension type.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  export const pg_trgm: import('@electric-sql/pglite').Extension;
}
