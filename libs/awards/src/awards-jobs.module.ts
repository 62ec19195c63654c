import { Module } from '@nestjs/common';
import { ScenarioComputeProcessor } from './scenario-compute.processor';

/** The awards' job processors: imported by the API (in-process jobs) and by the worker (BullMQ). */
@Module({
  providers: [ScenarioComputeProcessor],
})
export class AwardsJobsModule {}
