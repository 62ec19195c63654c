import { Clock, PeriodicTask } from '@cf/platform';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxService } from './outbox.service';
import { REMINDER_LEAD_MS, reminderDue } from './reminder-policy';
import { findApplicantsWithDraftsInFund, findOpenFundsClosingWithin } from './reminder.queries';
import { formatLocalDateTime } from './templates';

/** How often the API looks for funds due a reminder (the windows are days wide). */
export const REMINDER_SWEEP_MS = 60_000;

/**
 * Reminds applicants of unsubmitted drafts 7 days and 1 day before a fund closes (API side). Each
 * (fund, reminder) is claimed once in `fund_reminders`, in the same transaction as its mails, so
 * replicas and repeated sweeps send it once; time comes from the server's Clock.
 */
@Injectable()
export class DeadlineReminderService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeadlineReminders');
  private readonly sweeper = new PeriodicTask('Deadline reminder sweep', REMINDER_SWEEP_MS, () => this.sweep());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper.start(0);
  }

  onModuleDestroy(): Promise<void> {
    return this.sweeper.stop();
  }

  /** Writes the reminders due now to the outbox. Answers how many mails it wrote. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const funds = await findOpenFundsClosingWithin(this.dataSource.manager, now, REMINDER_LEAD_MS.d7);
    let mails = 0;
    for (const fund of funds) {
      const kind = reminderDue(fund.closesAt, now, fund.sent);
      if (!kind) continue;
      mails += await this.dataSource.transaction(async (manager) => {
        const claimed: unknown[] = await manager.query(
          `INSERT INTO fund_reminders (fund_id, kind, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING fund_id`,
          [fund.id, kind, now],
        );
        if (!claimed.length) return 0; // another sweep (another replica) has it
        const recipients = await findApplicantsWithDraftsInFund(manager, fund.id);
        for (const r of recipients) {
          await this.outbox.enqueueMail(manager, {
            to: r.email,
            template: 'deadline_reminder',
            language: r.language,
            data: {
              fundName: r.language === 'fr' ? fund.nameFr : fund.nameEn,
              closesAtLocal: formatLocalDateTime(fund.closesAt, r.language, fund.timeZone),
              proposalTitles: r.draftTitles,
            },
            dedupeKey: `deadline_reminder:${fund.id}:${kind}:${r.userId}`,
          });
        }
        this.logger.log({ fundId: fund.id, kind, recipients: recipients.length }, 'Deadline reminder written');
        return recipients.length;
      });
    }
    return mails;
  }
}
