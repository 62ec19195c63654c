/**
 * The exports' tables, framework-free: a column has its header in English and French, a type that says how a cell
 * is written (CSV text or an XLSX cell with its number format), and reads its value from a record.
 */

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LANGUAGES = ['en', 'fr'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * - `text`: as is; `label`: a code already put in words in the language asked;
 * - `integer`: a count; `percent`: a number of percent (50 for 50 %);
 * - `money`: integer cents, written as dollars (CSV `1234.56`, XLSX the number 1234.56 formatted `#,##0.00`);
 * - `date`: a calendar date `YYYY-MM-DD` (XLSX a date cell shown `yyyy-mm-dd`);
 * - `boolean`: yes/no in the language asked.
 */
export type ColumnType = 'text' | 'integer' | 'percent' | 'money' | 'date' | 'boolean';

export type CellValue = string | number | boolean | null | undefined;

export interface ExportColumn<T> {
  key: string;
  header: Record<ExportLanguage, string>;
  type: ColumnType;
  /** XLSX column width, in characters. */
  width?: number;
  value: (row: T, lang: ExportLanguage) => CellValue;
}

export interface ExportDataset<T> {
  /** The file's name before its date and extension, per language. */
  fileName: Record<ExportLanguage, string>;
  /** The XLSX sheet's name, per language (at most 31 characters). */
  sheetName: Record<ExportLanguage, string>;
  columns: ExportColumn<T>[];
}

const YES_NO: Record<ExportLanguage, [string, string]> = { en: ['Yes', 'No'], fr: ['Oui', 'Non'] };

/** Exact dollars from integer cents, no floating point: 123456 -> "1234.56", -5 -> "-0.05". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${(abs - (abs % 100)) / 100}.${String(abs % 100).padStart(2, '0')}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as the UTC midnight of that day: what an XLSX date cell of that day holds (no zone shift). */
export function calendarDateToUtc(date: string): Date | null {
  const m = DATE.exec(date);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

const empty = (v: CellValue): v is null | undefined | '' => v === null || v === undefined || v === '';

/** A cell as CSV text: money as a plain decimal with a dot, dates `YYYY-MM-DD`, yes/no in words. */
export function csvCell(type: ColumnType, value: CellValue, lang: ExportLanguage): string {
  if (empty(value)) return '';
  switch (type) {
    case 'money':
      return centsToDecimal(Number(value));
    case 'boolean':
      return YES_NO[lang][value ? 0 : 1];
    default:
      return String(value);
  }
}

/** A cell as an XLSX value: numbers stay numbers (money in dollars), dates become date cells. */
export function xlsxCell(type: ColumnType, value: CellValue, lang: ExportLanguage): string | number | Date | null {
  if (empty(value)) return null;
  switch (type) {
    case 'money':
      // an exact decimal string read as a number: the nearest double, as Excel keeps any amount
      return Number(centsToDecimal(Number(value)));
    case 'integer':
    case 'percent':
      return Number(value);
    case 'date':
      return calendarDateToUtc(String(value)) ?? String(value);
    case 'boolean':
      return YES_NO[lang][value ? 0 : 1];
    default:
      return String(value);
  }
}

/** The XLSX number format of a column's cells, if any. */
export function xlsxNumberFormat(type: ColumnType): string | undefined {
  switch (type) {
    case 'money':
      return '#,##0.00';
    case 'integer':
    case 'percent':
      return '0';
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return undefined;
  }
}

/** XLSX forbids some characters in sheet names and more than 31 of them. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}
