import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvCell, ExportDataset, ExportLanguage, safeSheetName, xlsxCell, xlsxNumberFormat } from './export-table';

/**
 * CSV: UTF-8 with a byte order mark (so spreadsheet programs read the accents), comma-separated, CRLF line ends
 * (RFC 4180), one header row in the language asked. Written row by row, waiting when the client reads slowly.
 */
export async function writeCsv<T>(
  out: Writable,
  dataset: ExportDataset<T>,
  rows: Iterable<T>,
  lang: ExportLanguage,
): Promise<void> {
  out.write('\ufeff');
  const csv = stringify({ header: true, columns: dataset.columns.map((c) => c.header[lang]), record_delimiter: 'windows' });
  csv.pipe(out);
  for (const row of rows) {
    const ok = csv.write(dataset.columns.map((c) => csvCell(c.type, c.value(row, lang), lang)));
    if (!ok) await once(csv, 'drain');
  }
  csv.end();
  await once(out, 'finish');
}

/**
 * XLSX: one sheet named in the language asked, a bold header row (frozen, with filters), money as numbers in
 * dollars formatted `#,##0.00`, dates as date cells `yyyy-mm-dd`. ExcelJS's streaming writer commits each row to
 * the zip stream as it goes, so the workbook is never held whole in memory.
 */
export async function writeXlsx<T>(
  out: Writable,
  dataset: ExportDataset<T>,
  rows: Iterable<T>,
  lang: ExportLanguage,
): Promise<void> {
  // loaded on first use: ExcelJS takes ~140 ms to load, which every start of the API would pay otherwise
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Challenge Fund';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(safeSheetName(dataset.sheetName[lang]), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = dataset.columns.map((c) => ({
    key: c.key,
    header: c.header[lang],
    width: c.width ?? 16,
    style: xlsxNumberFormat(c.type) ? { numFmt: xlsxNumberFormat(c.type) } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: dataset.columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) {
    sheet.addRow(dataset.columns.map((c) => xlsxCell(c.type, c.value(row, lang), lang))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
