// The embedded default's starting database: PGlite's initdb, done once at build time (about 2 s) instead of at
// the first `npm start`. Written to dist/embedded/pgdata.tar with the PGlite version it was made by; the API
// uses it only for an empty data folder and only with that same PGlite version (otherwise it runs initdb).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATE = join(root, 'dist/embedded/pgdata.tar');

export function pgliteVersion() {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

/** True when the template is missing or was made by another PGlite version. */
export function templateIsStale() {
  const meta = `${TEMPLATE}.json`;
  if (!existsSync(TEMPLATE) || !existsSync(meta)) return true;
  return JSON.parse(readFileSync(meta, 'utf8')).pglite !== pgliteVersion();
}

export async function writeTemplate() {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  const tar = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
  await db.close();
  mkdirSync(dirname(TEMPLATE), { recursive: true });
  writeFileSync(`${TEMPLATE}.tmp`, tar);
  renameSync(`${TEMPLATE}.tmp`, TEMPLATE);
  writeFileSync(`${TEMPLATE}.json`, JSON.stringify({ pglite: pgliteVersion() }) + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeTemplate();
