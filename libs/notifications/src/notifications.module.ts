import { StorageModule } from '@cf/storage';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeadlineReminderService } from './deadline-reminder.service';
import { MailProcessor } from './mail.processor';
import { Mailer } from './mailer';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';

export interface NotificationsModuleOptions {
  /** The API relays the outbox and sweeps reminders; the worker only delivers. */
  role: 'api' | 'worker';
}

/**
 * Import `NotificationsModule` to write mails (`OutboxService`); the applications import
 * `NotificationsModule.forRoot({ role })` once, which adds the delivery side.
 */
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    // the processor sits in both: the worker consumes BullMQ with it, the API runs it without Redis
    const providers: Provider[] = [Mailer, MailProcessor];
    if (options.role === 'api') providers.push(OutboxRelay, DeadlineReminderService);
    // the relay finds the processors of outbox topics (@OutboxTopic); the processor reads attachments from the store
    return { module: NotificationsModule, imports: [DiscoveryModule, StorageModule], providers };
  }
}
