import { IdentityModule } from '@cf/identity';
import { ReviewsModule } from '@cf/reviews';
import { StorageModule } from '@cf/storage';
import { Module } from '@nestjs/common';
import { DemoReviewsSeeder } from './demo-reviews';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [IdentityModule, StorageModule, ReviewsModule],
  providers: [DemoSeeder, DemoReviewsSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
