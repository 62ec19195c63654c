/**
 * Lays out a decision letter as a tagged, accessible PDF (framework-free): pdfkit with `tagged: true`, the document
 * language (`/Lang en-CA | fr-CA`), the title in the info dictionary shown instead of the file name
 * (`DisplayDocTitle`), PDF/UA identification in the XMP metadata, a structure tree (H1, H2, P, Table/TR/TH/TD with row
 * headers), the letterhead rule and page numbers marked as artifacts, and Noto Sans (SIL Open Font License) embedded
 * as a TrueType subset, so that accented letters are real text that can be searched, copied and read aloud.
 */
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DecisionLetterFacts, LetterContent, letterContent, LetterLanguage } from './letter-text';

interface Fonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

let fonts: Fonts | undefined;

/**
 * Noto Sans from @expo-google-fonts/noto-sans (TrueType files; the package's LICENSE_FONT is the OFL), parsed once per
 * process: each document subsets the same fontkit fonts, whose glyph and layout caches stay warm (a letter renders in
 * about 20 ms instead of 150).
 */
function loadFonts(): Fonts {
  if (!fonts) {
    const dir = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
    const open = (file: string) => fontkit.create(readFileSync(join(dir, file))) as fontkit.Font;
    fonts = { regular: open('400Regular/NotoSans_400Regular.ttf'), bold: open('700Bold/NotoSans_700Bold.ttf') };
  }
  return fonts;
}

/**
 * Subsetting caches the components of accented glyphs (the E of É) without the characters they stand for, and a
 * later document laying out a plain E would reuse that entry and lose its text (its ToUnicode mapping). So after
 * each document the shared fonts forget the glyphs cached without characters (fontkit 2.0's glyph cache, pinned).
 */
function forgetUncodedGlyphs(font: fontkit.Font): void {
  const cache = (font as unknown as { _glyphs?: Record<number, { codePoints?: number[] }> })._glyphs;
  if (!cache) return;
  for (const id of Object.keys(cache)) {
    if (!cache[Number(id)]?.codePoints?.length) delete cache[Number(id)];
  }
}

const MARGIN = 64;
const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const RULE = '#8a8a8a';

/** Renders a letter's content; resolves with the PDF's bytes. */
export function renderLetterContent(content: LetterContent, opts: { creationDate?: Date } = {}): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang: content.lang,
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: content.title,
      Subject: content.subject,
      Author: content.author,
      Keywords: content.keywords,
      Creator: 'Challenge Fund',
      ...(opts.creationDate ? { CreationDate: opts.creationDate } : {}),
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  // pdfkit takes a fontkit font as it takes the file's bytes (its types know only the latter)
  doc.registerFont('body', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  const root = doc.struct('Document');
  doc.addStructure(root);

  const block = (type: string, font: 'body' | 'bold', size: number, text: string, gap: number, color = INK) => {
    doc.font(font).fontSize(size).fillColor(color);
    doc.text(text, MARGIN, doc.y, { width, lineGap: 2, structParent: root, structType: type } as PDFKit.Mixins.TextOptions);
    doc.moveDown(gap);
  };

  // The letterhead: the sender, then a rule (decoration, an artifact).
  block('P', 'bold', 10, content.letterhead, 0.3, MUTED);
  doc.markContent('Artifact', { type: 'Layout' } as never);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
  doc.endMarkedContent();
  doc.moveDown(1.2);

  block('H1', 'bold', 18, content.heading, 0.5);
  block('P', 'body', 10.5, content.dateLine, 0.5);
  block('P', 'body', 10.5, content.recipient, 0.5);
  block('P', 'bold', 10.5, content.reference, 0.7);
  block('P', 'body', 10.5, content.salutation, 0.4);
  for (const paragraph of content.body) block('P', 'body', 10.5, paragraph, 0.4);
  doc.moveDown(0.3);

  block('H2', 'bold', 13, content.detailsHeading, 0.3);
  doc.font('body').fontSize(10).fillColor(INK);
  doc.table({
    structParent: root,
    position: { x: MARGIN, y: doc.y },
    maxWidth: width,
    columnStyles: [Math.round(width * 0.32), '*'],
    defaultStyle: { border: 0.5, borderColor: RULE, padding: 5 },
    data: content.details.map(([label, value]) => [
      { text: label, type: 'TH', scope: 'Row', font: { src: 'bold' }, backgroundColor: '#f0f0f0' },
      { text: value, type: 'TD' },
    ]),
  } as unknown as PDFKit.Mixins.TableOptionsWithData);
  doc.x = MARGIN;
  doc.moveDown(0.8);

  if (content.conditionsSection) {
    block('H2', 'bold', 13, content.conditionsSection.heading, 0.3);
    for (const paragraph of content.conditionsSection.paragraphs) block('P', 'body', 10.5, paragraph, 0.4);
    doc.moveDown(0.3);
  }

  for (const paragraph of content.closing) block('P', 'body', 10.5, paragraph, 0.4);
  doc.moveDown(0.4);
  block('P', 'bold', 10.5, content.signature.join('\n'), 0);

  root.end();

  // Page numbers, once the page count is known: pagination artifacts, not content.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the bottom margin must not add a page
    doc.markContent('Artifact', { type: 'Pagination' } as never);
    doc
      .font('body')
      .fontSize(9)
      .fillColor(MUTED)
      .text(content.pageOf(i - start + 1, count), MARGIN, doc.page.height - MARGIN / 2, {
        width,
        align: 'right',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end(); // embeds the font subsets, synchronously
  forgetUncodedGlyphs(regular);
  forgetUncodedGlyphs(bold);
  return done;
}

/** The letter of a decision in one language, as a tagged PDF. */
export function renderDecisionLetter(facts: DecisionLetterFacts, language: LetterLanguage): Promise<Buffer> {
  return renderLetterContent(letterContent(facts, language));
}
