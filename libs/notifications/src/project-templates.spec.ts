import { assertMailData, renderMail } from './templates';

const ctx = { publicUrl: 'https://grants.example.org' };
const data = {
  projectTitle: 'Soins <démence> & santé',
  trackingNumber: 'MCF-2021-000042',
  reportTitle: 'Interim report 2',
  dueOnLocal: 'June 30, 2026',
};

describe('project report mails', () => {
  it('reminds before the due date and notices once overdue, in English', () => {
    const reminder = renderMail('project_report_reminder', 'en', data, ctx);
    expect(reminder.subject).toBe('Reminder: Interim report 2 due on June 30, 2026');
    expect(reminder.text).toContain('Project: MCF-2021-000042 – Soins <démence> & santé');
    expect(reminder.html).toContain('Soins &lt;démence&gt; &amp; santé');
    expect(reminder.html).toContain('<html lang="en">');
    const overdue = renderMail('project_report_overdue', 'en', data, ctx);
    expect(overdue.subject).toBe('Overdue: Interim report 2 – MCF-2021-000042 – Soins <démence> & santé');
    expect(overdue.text).toContain('was due on June 30, 2026 and has not been submitted yet');
  });

  it('speaks French with French typography', () => {
    const fr = { ...data, reportTitle: 'Rapport d’étape 2', dueOnLocal: '30 juin 2026' };
    const reminder = renderMail('project_report_reminder', 'fr', fr, ctx);
    expect(reminder.subject).toBe('Rappel\u00a0: Rapport d’étape 2 attendu le 30 juin 2026');
    expect(reminder.text).toContain('Date d’échéance\u00a0: 30 juin 2026');
    expect(renderMail('project_report_overdue', 'fr', fr, ctx).subject).toBe(
      'En retard\u00a0: Rapport d’étape 2 – MCF-2021-000042 – Soins <démence> & santé',
    );
  });

  it('refuses data that does not fit, naming the fields', () => {
    expect(() => assertMailData('project_report_overdue', { ...data, reportTitle: '', dueOnLocal: 7 })).toThrow(
      /reportTitle, dueOnLocal/,
    );
    expect(() => assertMailData('project_report_reminder', { ...data, trackingNumber: '' })).not.toThrow();
  });
});
