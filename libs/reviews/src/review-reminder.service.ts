import { formatLocalDateTime, OutboxService } from '@cf/notifications';
import { Clock, PeriodicTask } from '@cf/platform';
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const REVIEW_REMINDER_SWEEP_MS = 60_000;

/**
 * Reminds reviewers of reviews not yet submitted, once per assignment, when its due date is within the fund's
 * `reminderDaysBefore` (API side, every minute). Each assignment is claimed (reminded_at) in the same
 * transaction as its mail, with SKIP LOCKED, so replicas and repeated sweeps remind once. Overdue assignments
 * are flagged on the board, not mailed again.
 */
@Injectable()
export class ReviewReminderService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweeper = new PeriodicTask('Review reminder sweep', REVIEW_REMINDER_SWEEP_MS, () => this.sweep());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper.start(5_000);
  }

  onModuleDestroy(): Promise<void> {
    return this.sweeper.stop();
  }

  /** Writes the reminders due now to the outbox; answers how many mails it wrote. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const due: {
        id: string;
        reviewer_id: string;
        email: string;
        language: 'en' | 'fr';
        due_at: Date;
        fund_name_en: string;
        fund_name_fr: string;
        time_zone: string;
        fund_id: string;
        proposal: string;
      }[] = await m.query(
        `SELECT a.id, a.reviewer_id, u.email, u.preferred_language AS language, a.due_at, a.fund_id,
                f.name_en AS fund_name_en, f.name_fr AS fund_name_fr, f.time_zone,
                coalesce(p.tracking_number, '') || ' – ' || p.title AS proposal
           FROM review_assignments a
           JOIN users u ON u.id = a.reviewer_id AND u.is_active
           JOIN funds f ON f.id = a.fund_id
           JOIN proposals p ON p.id = a.proposal_id AND p.status IN ('in_review', 'reviewed')
           LEFT JOIN fund_review_settings s ON s.fund_id = a.fund_id
           LEFT JOIN reviews rv ON rv.assignment_id = a.id
          WHERE a.removed_at IS NULL AND a.reminded_at IS NULL
            AND coalesce(rv.status, 'draft') <> 'submitted'
            AND a.due_at > $1
            AND a.due_at - make_interval(days => coalesce(s.reminder_days_before, 2)) <= $1
          ORDER BY a.reviewer_id, a.due_at, a.id
          FOR UPDATE OF a SKIP LOCKED`,
        [now],
      );
      if (!due.length) return 0;
      await m.query(`UPDATE review_assignments SET reminded_at = $2 WHERE id = ANY($1::uuid[])`, [due.map((d) => d.id), now]);
      // One mail per reviewer, fund and due date.
      const groups = new Map<string, typeof due>();
      for (const d of due) {
        const key = `${d.reviewer_id}|${d.fund_id}|${new Date(d.due_at).toISOString()}`;
        groups.set(key, [...(groups.get(key) ?? []), d]);
      }
      for (const items of groups.values()) {
        const first = items[0];
        await this.outbox.enqueueMail(m, {
          to: first.email,
          language: first.language,
          template: 'review_reminder',
          data: {
            fundName: first.language === 'fr' ? first.fund_name_fr : first.fund_name_en,
            proposals: items.map((i) => i.proposal),
            dueAtLocal: formatLocalDateTime(new Date(first.due_at), first.language, first.time_zone),
          },
        });
      }
      return groups.size;
    });
  }
}
