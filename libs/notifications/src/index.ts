export * from './notifications.module';
export * from './outbox.service';
export * from './outbox-relay';
export * from './outbox-topic';
export * from './deadline-reminder.service';
export * from './mail.processor';
export * from './mailer';
export { formatLocalDateTime, renderMail, MAIL_TEMPLATES } from './templates';
export type {
  MailTemplate,
  MailLanguage,
  SubmissionReceiptData,
  DeadlineReminderData,
  ReviewAssignmentData,
  DecisionLetterData,
  RenderedMail,
} from './templates';
export { reminderDue, REMINDER_KINDS } from './reminder-policy';
export type { ReminderKind } from './reminder-policy';
