import { AuditModule } from '@cf/audit';
import { FundsModule } from '@cf/funds';
import { NotificationsModule } from '@cf/notifications';
import { StorageModule } from '@cf/storage';
import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnerOrganizationsController } from './partners/partner-organizations.controller';
import { PartnerOrganizationsService } from './partners/partner-organizations.service';
import { ProposalAccess } from './proposal-access';
import {
  AttachmentEntity,
  ExtensionEntity,
  PartnerOrganizationEntity,
  ProposalEntity,
  SubmissionEntity,
} from './proposal.entity';
import { ProposalContextLoader } from './proposal-view';
import { ProposalsExport } from './proposals-export';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';
import { ScreeningService } from './screening.service';
import { SubmissionsService } from './submissions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ProposalEntity, SubmissionEntity, ExtensionEntity, AttachmentEntity, PartnerOrganizationEntity]),
    AuditModule,
    FundsModule,
    NotificationsModule,
    StorageModule,
  ],
  controllers: [ProposalsController, AttachmentsController, PartnerOrganizationsController],
  providers: [
    ProposalAccess,
    ProposalContextLoader,
    ProposalsService,
    SubmissionsService,
    ScreeningService,
    ProposalsExport,
    PartnerOrganizationsService,
    AttachmentsService,
  ],
  exports: [ProposalAccess, ProposalsService, ScreeningService],
})
export class ProposalsModule {}
