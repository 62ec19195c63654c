import { formatDueDate, reportLabel } from './report-reminder.service';

describe('report reminder wording', () => {
  it('says the due date as people read it, whatever the server zone', () => {
    expect(formatDueDate('2026-06-30', 'en')).toBe('June 30, 2026');
    expect(formatDueDate('2026-06-30', 'fr')).toBe('30 juin 2026');
    expect(formatDueDate('2026-01-01', 'en')).toBe('January 1, 2026');
  });

  it('names the report in the recipient’s language', () => {
    expect(reportLabel('interim', 2, 'en')).toBe('Interim report 2');
    expect(reportLabel('interim', 1, 'fr')).toBe('Rapport d’étape 1');
    expect(reportLabel('final', 3, 'fr')).toBe('Rapport final');
  });
});
