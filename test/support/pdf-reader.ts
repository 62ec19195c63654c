import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** pdf.js (through pdf-parse) in a Node process of its own: it starts its worker with import(), which jest refuses. */
function parse(bytes: Buffer): Promise<{ text: string; pages: number; info: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'pdf-text.cjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`pdf-text: ${err || code}`))));
    child.stdin.end(bytes);
  });
}

/** A PDF read back as people and assistive technology get it: its text (pdf.js) and its accessibility markers. */
export interface ReadPdf {
  /** The text of every page, whitespace (including no-break spaces) collapsed to single spaces. */
  text: string;
  pages: number;
  /** The info dictionary's Title. */
  title: string | undefined;
  /** /MarkInfo << /Marked true >> in the catalog. */
  marked: boolean;
  hasStructTree: boolean;
  /** The catalog's /Lang. */
  lang: string | undefined;
  displayDocTitle: boolean;
  /** Structure types used (/S /H1, /P, /Table, …). */
  structTypes: Set<string>;
  /** An embedded TrueType font program (/FontFile2). */
  embedsTrueType: boolean;
}

/** The object `n 0 obj … endobj` of an uncompressed PDF body (pdfkit writes dictionaries plainly). */
function object(raw: string, ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const start = raw.indexOf(`\n${ref} 0 obj`);
  if (start < 0) return undefined;
  return raw.slice(start, raw.indexOf('endobj', start));
}

export async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  const parsed = await parse(bytes);
  const raw = bytes.toString('latin1');
  const catalog = /\/Type \/Catalog[\s\S]*?>>/.exec(raw)?.[0] ?? '';
  const markInfo = /\/MarkInfo\s+(\d+) 0 R/.exec(catalog)?.[1];
  const inlineMarkInfo = /\/MarkInfo\s*<<([^>]*)>>/.exec(catalog)?.[1];
  const marked = /\/Marked true/.test(inlineMarkInfo ?? object(raw, markInfo) ?? '');
  const viewerPrefs = object(raw, /\/ViewerPreferences\s+(\d+) 0 R/.exec(catalog)?.[1]) ?? catalog;
  return {
    text: parsed.text.replace(/[\s\u00a0\u202f]+/g, ' ').trim(),
    pages: parsed.pages,
    title: typeof parsed.info.Title === 'string' ? parsed.info.Title : undefined,
    marked,
    hasStructTree: /\/StructTreeRoot\s+\d+ 0 R/.test(catalog),
    lang: /\/Lang\s*\(([^)]*)\)/.exec(catalog)?.[1],
    displayDocTitle: /\/DisplayDocTitle true/.test(viewerPrefs),
    structTypes: new Set([...raw.matchAll(/\/S \/([A-Za-z0-9]+)/g)].map((m) => m[1])),
    embedsTrueType: /\/FontFile2\s+\d+ 0 R/.test(raw),
  };
}
