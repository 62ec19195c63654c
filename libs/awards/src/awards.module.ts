import { AuditModule } from '@cf/audit';
import { ProposalsModule } from '@cf/proposals';
import { ReviewsModule } from '@cf/reviews';
import { Module } from '@nestjs/common';
import { DecisionsController, LedgerController } from './awards.controller';
import { AwardsJobsModule } from './awards-jobs.module';
import { AwardEvents } from './award-events';
import { AwardsService } from './awards.service';
import {
  DecisionLettersController,
  FundDecisionLettersController,
  ProposalDecisionController,
} from './letters/decision-letters.controller';
import { DecisionLettersJobsModule } from './letters/decision-letters-jobs.module';
import { DecisionLettersService } from './letters/decision-letters.service';
import { ScenariosController } from './scenarios.controller';
import { ScenariosService } from './scenarios.service';

/** Awards (issue 5): the envelope ledger, four-eyes funding decisions and what-if scenarios. */
@Module({
  imports: [AuditModule, ReviewsModule, AwardsJobsModule, ProposalsModule, DecisionLettersJobsModule],
  controllers: [
    DecisionsController,
    LedgerController,
    ScenariosController,
    DecisionLettersController,
    FundDecisionLettersController,
    ProposalDecisionController,
  ],
  providers: [AwardsService, ScenariosService, AwardEvents, DecisionLettersService],
  exports: [AwardsService, AwardEvents, ScenariosService],
})
export class AwardsModule {}
