import { AwardsModule } from '@cf/awards';
import { IdentityModule } from '@cf/identity';
import { ProjectsModule } from '@cf/projects';
import { ProposalsModule } from '@cf/proposals';
import { ReviewsModule } from '@cf/reviews';
import { StorageModule } from '@cf/storage';
import { Module } from '@nestjs/common';
import { DemoAwardsSeeder } from './demo-awards';
import { DemoProjectsSeeder } from './demo-projects';
import { DemoReviewsSeeder } from './demo-reviews';
import { DemoScenariosSeeder } from './demo-scenarios';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [IdentityModule, StorageModule, ReviewsModule, AwardsModule, ProposalsModule, ProjectsModule],
  providers: [DemoSeeder, DemoReviewsSeeder, DemoAwardsSeeder, DemoScenariosSeeder, DemoProjectsSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
