import { NotificationsModule } from '@cf/notifications';
import { StorageModule } from '@cf/storage';
import { Module } from '@nestjs/common';
import { DecisionLetterGenerator } from './decision-letter-generator';
import { DecisionLetterProcessor } from './decision-letter.processor';
import { LetterRequests } from './letter-requests';

/**
 * The decision letters' job (`letter.generate`, fed by the outbox topic `letter`) and the requests for it. Imported by
 * the awards module (the API: requests, and the job without Redis) and by the worker (BullMQ).
 */
@Module({
  imports: [NotificationsModule, StorageModule],
  providers: [LetterRequests, DecisionLetterGenerator, DecisionLetterProcessor],
  exports: [LetterRequests],
})
export class DecisionLettersJobsModule {}
