import { OutboxService } from '@cf/notifications';
import { Clock, PeriodicTask } from '@cf/platform';
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays } from './domain/calendar-date';
import { REPORT_REMINDER_DAYS, reportNoticeDue, today } from './domain/overdue-policy';
import { ReportKind } from './domain/project-plan';
import { OPEN_REPORTS_SQL } from './project.queries';

export const REPORT_REMINDER_SWEEP_MS = 60_000;

/** A due date as people read it: `June 30, 2026`, `30 juin 2026`. */
export function formatDueDate(date: string, language: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The report's name in the recipient's language: "Interim report 2", « Rapport d’étape 2 », "Final report". */
export function reportLabel(kind: ReportKind, ordinal: number, language: 'en' | 'fr'): string {
  if (kind === 'final') return language === 'fr' ? 'Rapport final' : 'Final report';
  return language === 'fr' ? `Rapport d’étape ${ordinal}` : `Interim report ${ordinal}`;
}

interface DueReport {
  id: string;
  kind: ReportKind;
  ordinal: number;
  due_on: string;
  reminded_at: Date | null;
  overdue_notified_at: Date | null;
  project_title: string;
  tracking_number: string | null;
  institution_id: string;
}

/**
 * Reminds institutions of reports they owe, by mail through the outbox (API side, every minute, on the server's
 * Clock): once in the two weeks before the due date, once when it is overdue (`reportNoticeDue` decides). Each report
 * is claimed (`reminded_at`, `overdue_notified_at`) in the same transaction as its mails, with SKIP LOCKED, so
 * replicas and repeated sweeps send each once. Overdue flags themselves are computed on read, from the same clock.
 */
@Injectable()
export class ReportReminderService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweeper = new PeriodicTask('Project report reminder sweep', REPORT_REMINDER_SWEEP_MS, () => this.sweep());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper.start(10_000);
  }

  onModuleDestroy(): Promise<void> {
    return this.sweeper.stop();
  }

  /** Writes the notices due now to the outbox; answers how many mails it wrote. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const day = today(now);
    return this.dataSource.transaction(async (m) => {
      const due: DueReport[] = await m.query(
        `SELECT r.id, r.kind, r.due_on::text AS due_on, r.reminded_at, r.overdue_notified_at,
                (SELECT count(*)::int FROM project_reports o WHERE o.project_id = r.project_id AND o.kind = r.kind AND o.position <= r.position) AS ordinal,
                pr.title AS project_title, pr.tracking_number, pr.institution_id
           FROM project_reports r
           JOIN projects pr ON pr.id = r.project_id AND pr.status IN ('agreement_pending','active')
          WHERE r.status IN (${OPEN_REPORTS_SQL})
            AND ((r.reminded_at IS NULL AND r.due_on BETWEEN $1::date AND $2::date) OR (r.overdue_notified_at IS NULL AND r.due_on < $1::date))
          ORDER BY r.due_on, r.id
          FOR UPDATE OF r SKIP LOCKED`,
        [day, addDays(day, REPORT_REMINDER_DAYS)],
      );
      let mails = 0;
      for (const r of due) {
        const notice = reportNoticeDue(
          { dueOn: r.due_on, open: true, reminded: r.reminded_at !== null, overdueNotified: r.overdue_notified_at !== null },
          now,
        );
        if (!notice) continue;
        await m.query(
          notice === 'reminder'
            ? `UPDATE project_reports SET reminded_at = $2 WHERE id = $1`
            : `UPDATE project_reports SET overdue_notified_at = $2 WHERE id = $1`,
          [r.id, now],
        );
        const recipients: { id: string; email: string; language: 'en' | 'fr' }[] = await m.query(
          `SELECT id, email, preferred_language AS language FROM users
            WHERE institution_id = $1 AND is_active AND 'applicant' = ANY(roles) ORDER BY email`,
          [r.institution_id],
        );
        for (const u of recipients) {
          await this.outbox.enqueueMail(m, {
            to: u.email,
            language: u.language,
            template: notice === 'reminder' ? 'project_report_reminder' : 'project_report_overdue',
            data: {
              projectTitle: r.project_title,
              trackingNumber: r.tracking_number ?? '',
              reportTitle: reportLabel(r.kind, r.ordinal, u.language),
              dueOnLocal: formatDueDate(r.due_on, u.language),
            },
            dedupeKey: `project_report_${notice}:${r.id}:${r.due_on}:${u.id}`,
          });
          mails++;
        }
      }
      return mails;
    });
  }
}
