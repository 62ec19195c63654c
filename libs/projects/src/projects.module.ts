import { AuditModule } from '@cf/audit';
import { AwardsModule } from '@cf/awards';
import { NotificationsModule } from '@cf/notifications';
import { StorageModule } from '@cf/storage';
import { Module } from '@nestjs/common';
import { AgreementService } from './agreement.service';
import { DashboardController } from './controllers/dashboard.controller';
import {
  ProjectExportsController,
  ProjectPaymentsController,
  ProjectReportExportsController,
} from './controllers/project-exports.controller';
import { MicroCredentialsController, ProjectReportsController, ProjectsController } from './controllers/projects.controller';
import { DashboardService } from './dashboard.service';
import { ProjectExportsService } from './exports/project-exports.service';
import { MicroCredentialsService } from './micro-credentials.service';
import { MilestonesService } from './milestones.service';
import { PaymentsService } from './payments.service';
import { ProjectAccess } from './project-access';
import { ProjectsService } from './projects.service';
import { ReportReminderService } from './report-reminder.service';
import { ReportsService } from './reports.service';

/**
 * Funded projects (issue 6): agreement, milestones, tranches and payments, reports, micro-credential records. It
 * hangs on the awards through `AwardEvents` (awards never imports it): a confirmation creates the project in its
 * own transaction; a rescission cancels it, or is refused once money was paid.
 */
@Module({
  imports: [AuditModule, AwardsModule, NotificationsModule, StorageModule],
  // the exports first: `GET /projects/export` must come before `GET /projects/:id`
  controllers: [
    ProjectExportsController,
    ProjectReportExportsController,
    ProjectPaymentsController,
    ProjectsController,
    ProjectReportsController,
    MicroCredentialsController,
    DashboardController,
  ],
  providers: [
    ProjectAccess,
    ProjectsService,
    AgreementService,
    MilestonesService,
    PaymentsService,
    ReportsService,
    MicroCredentialsService,
    ReportReminderService,
    ProjectExportsService,
    DashboardService,
  ],
  exports: [
    ProjectsService,
    AgreementService,
    MilestonesService,
    PaymentsService,
    ReportsService,
    MicroCredentialsService,
    ProjectAccess,
  ],
})
export class ProjectsModule {}
