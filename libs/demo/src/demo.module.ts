import { AwardsModule } from '@cf/awards';
import { IdentityModule } from '@cf/identity';
import { ReviewsModule } from '@cf/reviews';
import { StorageModule } from '@cf/storage';
import { Module } from '@nestjs/common';
import { DemoAwardsSeeder } from './demo-awards';
import { DemoReviewsSeeder } from './demo-reviews';
import { DemoScenariosSeeder } from './demo-scenarios';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [IdentityModule, StorageModule, ReviewsModule, AwardsModule],
  providers: [DemoSeeder, DemoReviewsSeeder, DemoAwardsSeeder, DemoScenariosSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
