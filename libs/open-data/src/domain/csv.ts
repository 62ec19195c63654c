/** One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: UTF-8 byte order mark (spreadsheets then read accents), a header row, CRLF line ends. */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  const lines = [headers, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Exact dollars from integer cents, no floating point: 123456 -> "1234.56". */
export function centsToDollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
