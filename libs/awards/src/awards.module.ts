import { AuditModule } from '@cf/audit';
import { Module } from '@nestjs/common';
import { DecisionsController, LedgerController } from './awards.controller';
import { AwardsService } from './awards.service';

/** Awards (issue 5): the envelope ledger and four-eyes funding decisions. */
@Module({
  imports: [AuditModule],
  controllers: [DecisionsController, LedgerController],
  providers: [AwardsService],
  exports: [AwardsService],
})
export class AwardsModule {}
