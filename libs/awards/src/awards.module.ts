import { AuditModule } from '@cf/audit';
import { ReviewsModule } from '@cf/reviews';
import { Module } from '@nestjs/common';
import { DecisionsController, LedgerController } from './awards.controller';
import { AwardsJobsModule } from './awards-jobs.module';
import { AwardEvents } from './award-events';
import { AwardsService } from './awards.service';
import { ScenariosController } from './scenarios.controller';
import { ScenariosService } from './scenarios.service';

/** Awards (issue 5): the envelope ledger, four-eyes funding decisions and what-if scenarios. */
@Module({
  imports: [AuditModule, ReviewsModule, AwardsJobsModule],
  controllers: [DecisionsController, LedgerController, ScenariosController],
  providers: [AwardsService, ScenariosService, AwardEvents],
  exports: [AwardsService, AwardEvents],
})
export class AwardsModule {}
