import { AuditModule } from '@cf/audit';
import { NotificationsModule } from '@cf/notifications';
import { Module } from '@nestjs/common';
import { AssignmentsService } from './assignments.service';
import {
  AssignmentsController,
  ConflictsController,
  ProposalReviewController,
  ReviewBoardController,
} from './controllers/assignments.controller';
import { ReviewersController, ReviewSettingsController } from './controllers/reviewers.controller';
import { ModerationController, RankingController, ReviewsController } from './controllers/reviews.controller';
import { RankingService } from './ranking.service';
import { ReviewReminderService } from './review-reminder.service';
import { ReviewStage } from './review-stage';
import { ReviewersService } from './reviewers.service';
import { ReviewsService } from './reviews.service';

/**
 * The review stage (API side): the reviewer pool, conflicts of interest, assignment (manual and an exact
 * min-cost flow), blind scoring, ranking with normalization, moderation, reminders.
 */
@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [
    ReviewersController,
    ReviewSettingsController,
    AssignmentsController,
    ConflictsController,
    ReviewBoardController,
    ProposalReviewController,
    ReviewsController,
    RankingController,
    ModerationController,
  ],
  providers: [ReviewStage, ReviewersService, AssignmentsService, ReviewsService, RankingService, ReviewReminderService],
  exports: [ReviewersService, AssignmentsService, ReviewsService, RankingService],
})
export class ReviewsModule {}
