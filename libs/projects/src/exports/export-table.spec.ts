import { EXPORT_LABELS, label, scheduleTitle } from './export-labels';
import { PAYMENTS_EXPORT, PROJECTS_EXPORT, REPORTS_EXPORT } from './export-datasets';
import { calendarDateToUtc, centsToDecimal, csvCell, safeSheetName, xlsxCell, xlsxNumberFormat } from './export-table';

describe('export cells', () => {
  it('writes cents as exact dollars', () => {
    expect(centsToDecimal(0)).toBe('0.00');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(123456)).toBe('1234.56');
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(centsToDecimal(1_500_000_000_01)).toBe('1500000000.01');
    expect(csvCell('money', 8_000_000, 'fr')).toBe('80000.00');
    expect(xlsxCell('money', 123456, 'en')).toBe(1234.56);
    expect(xlsxNumberFormat('money')).toBe('#,##0.00');
  });

  it('writes empty values as empty cells, booleans in words, dates as UTC midnights for XLSX', () => {
    expect(csvCell('integer', null, 'en')).toBe('');
    expect(csvCell('money', undefined, 'en')).toBe('');
    expect(xlsxCell('date', '', 'en')).toBeNull();
    expect(csvCell('boolean', true, 'fr')).toBe('Oui');
    expect(csvCell('boolean', false, 'en')).toBe('No');
    expect(csvCell('integer', 0, 'en')).toBe('0');
    expect(xlsxCell('date', '2026-03-08', 'en')).toEqual(new Date('2026-03-08T00:00:00Z'));
    expect(calendarDateToUtc('not a date')).toBeNull();
    expect(safeSheetName('Projects: 2021/2022 [all]')).toBe('Projects  2021 2022  all ');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  });

  it('puts codes and the default schedule titles in words', () => {
    expect(label('projectStatus', 'active', 'fr')).toBe('En cours');
    expect(label('region', 'unknown_code', 'fr')).toBe('unknown_code');
    expect(label('sector', null, 'en')).toBe('');
    expect(scheduleTitle('Interim report 2', 'fr')).toBe('Rapport intermédiaire 2');
    expect(scheduleTitle('Final report', 'fr')).toBe('Rapport final');
    expect(scheduleTitle('Final report', 'en')).toBe('Final report');
    expect(scheduleTitle('Pilot cohort graduated', 'fr')).toBe('Pilot cohort graduated');
    for (const group of Object.values(EXPORT_LABELS)) {
      for (const words of Object.values(group)) expect(words.en && words.fr).toBeTruthy();
    }
  });

  it('has headers in both languages, unique per dataset', () => {
    for (const dataset of [PROJECTS_EXPORT, PAYMENTS_EXPORT, REPORTS_EXPORT]) {
      for (const lang of ['en', 'fr'] as const) {
        const headers = dataset.columns.map((c) => c.header[lang]);
        expect(headers.every(Boolean)).toBe(true);
        expect(new Set(headers).size).toBe(headers.length);
        expect(dataset.sheetName[lang].length).toBeLessThanOrEqual(31);
      }
    }
  });
});
