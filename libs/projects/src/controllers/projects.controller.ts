import { INSTITUTION_TYPES, ONTARIO_REGIONS } from '@cf/institutions';
import { AuthUser, booleanFilter, CurrentUser, parseListQuery, RawListQuery, Roles, setContentRange } from '@cf/platform';
import { DELIVERY_MODES, SECTORS } from '@cf/proposals';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { AgreementService } from '../agreement.service';
import { OSAP_STATUSES } from '../domain/micro-credential-rules';
import { REPORT_KINDS } from '../domain/project-plan';
import { PROJECT_STATUSES, REPORT_STATUSES } from '../domain/status-machines';
import {
  DeliverMilestoneDto,
  MicroCredentialDto,
  ProjectMicroCredentialInput,
  MilestoneDto,
  OptionalCommentDto,
  OptionalNoteDto,
  PaymentDto,
  ProjectDto,
  ReportDto,
  RequiredCommentDto,
  RescheduleDto,
  SaveReportDto,
  SignAgreementDto,
  SubmitReportDto,
  TrancheDto,
  UpdateProjectMicroCredentialDto,
} from '../dto/project.dto';
import { MicroCredentialsService } from '../micro-credentials.service';
import { MilestonesService } from '../milestones.service';
import { PaymentsService } from '../payments.service';
import { AGREEMENT_UPLOADERS, PROJECT_INSTITUTION, PROJECT_OFFICERS, PROJECT_READERS } from '../project-access';
import { ProjectsService } from '../projects.service';
import { ReportsService } from '../reports.service';

const uuid = z.uuid({ message: 'must be a UUID' });

export const PROJECT_LIST_SPEC = {
  sortable: [
    'awardedAt',
    'title',
    'trackingNumber',
    'awardCents',
    'disbursedCents',
    'status',
    'endOn',
    'institutionName',
    'nextDueOn',
  ],
  defaultSort: ['awardedAt', 'DESC'] as [string, 'DESC'],
  filter: z.object({
    q: z.string().max(200).optional(),
    fundId: uuid.optional(),
    institutionId: uuid.optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    atRisk: booleanFilter.optional(),
    region: z.enum(ONTARIO_REGIONS).optional(),
    institutionType: z.enum(INSTITUTION_TYPES).optional(),
    sector: z.enum(SECTORS).optional(),
  }),
};

export const REPORT_LIST_SPEC = {
  sortable: ['dueOn', 'submittedAt', 'status', 'title'],
  defaultSort: ['dueOn', 'ASC'] as [string, 'ASC'],
  filter: z.object({
    projectId: uuid.optional(),
    fundId: uuid.optional(),
    institutionId: uuid.optional(),
    status: z.enum(REPORT_STATUSES).optional(),
    kind: z.enum(REPORT_KINDS).optional(),
    overdue: booleanFilter.optional(),
  }),
};

export const MICRO_CREDENTIAL_LIST_SPEC = {
  sortable: ['title', 'launchedOn', 'enrolled', 'hours', 'osapStatus', 'institutionName', 'updatedAt'],
  defaultSort: ['title', 'ASC'] as [string, 'ASC'],
  filter: z.object({
    q: z.string().max(200).optional(),
    projectId: uuid.optional(),
    fundId: uuid.optional(),
    institutionId: uuid.optional(),
    sector: z.enum(SECTORS).optional(),
    deliveryMode: z.enum(DELIVERY_MODES).optional(),
    osapStatus: z.enum(OSAP_STATUSES).optional(),
    region: z.enum(ONTARIO_REGIONS).optional(),
    launched: booleanFilter.optional(),
  }),
};

/** Sub-resource lists answer every record, with the same Content-Range as the paged lists. */
function whole<T>(res: Response, resource: string, items: T[]): T[] {
  setContentRange(res, resource, 0, items.length, items.length);
  return items;
}

/**
 * Funded projects (issue 6). Roles per route here; record-level access (an applicant's own institution, 404
 * otherwise) in ProjectAccess. Applicants act for their institution, program officers for the ministry.
 */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly agreements: AgreementService,
    private readonly milestones: MilestonesService,
    private readonly payments: PaymentsService,
    private readonly reports: ReportsService,
    private readonly microCredentials: MicroCredentialsService,
  ) {}

  @Roles(...PROJECT_READERS)
  @Get()
  @ApiQuery({ name: 'sort', required: false, example: '["awardedAt","DESC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"fundId":"…","status":"active","atRisk":true}' })
  @ApiOkResponse({ type: [ProjectDto] })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto[]> {
    const query = parseListQuery(raw, PROJECT_LIST_SPEC);
    const page = await this.projects.list(user, query);
    setContentRange(res, 'projects', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Roles(...PROJECT_READERS)
  @Get(':id')
  @ApiOkResponse({ type: ProjectDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ProjectDto> {
    return this.projects.get(user, id);
  }

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectDto })
  close(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OptionalNoteDto,
  ): Promise<ProjectDto> {
    return this.projects.close(user, id, dto.note);
  }

  // ---- agreement ----

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/agreement/send')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectDto })
  sendAgreement(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OptionalNoteDto,
  ): Promise<ProjectDto> {
    return this.agreements.send(user, id, dto.note);
  }

  /** multipart/form-data with `file`: the signed agreement (PDF, or a PNG/JPEG scan, by content). */
  @Roles(...AGREEMENT_UPLOADERS)
  @Post(':id/agreement/document')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: ProjectDto })
  uploadAgreement(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
  ): Promise<ProjectDto> {
    return this.agreements.upload(user, id, req);
  }

  @Roles(...PROJECT_READERS)
  @Get(':id/agreement/document')
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  async downloadAgreement(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const doc = await this.agreements.openDocument(user, id);
    res.status(200);
    res.setHeader('Content-Type', doc.contentType);
    res.setHeader('Content-Length', String(doc.sizeBytes));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${doc.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    await pipeline(doc.body, res);
  }

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/agreement/sign')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectDto })
  signAgreement(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SignAgreementDto,
  ): Promise<ProjectDto> {
    return this.agreements.sign(user, id, dto.signedOn);
  }

  // ---- milestones ----

  @Roles(...PROJECT_READERS)
  @Get(':id/milestones')
  @ApiOkResponse({ type: [MilestoneDto] })
  async milestonesOf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MilestoneDto[]> {
    return whole(res, 'milestones', await this.milestones.list(user, id));
  }

  @Roles(...PROJECT_INSTITUTION)
  @Post(':id/milestones/:milestoneId/deliver')
  @HttpCode(200)
  @ApiOkResponse({ type: MilestoneDto })
  deliver(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('milestoneId', ParseUUIDPipe) milestoneId: string,
    @Body() dto: DeliverMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.milestones.deliver(user, id, milestoneId, dto);
  }

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/milestones/:milestoneId/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: MilestoneDto })
  acceptMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('milestoneId', ParseUUIDPipe) milestoneId: string,
    @Body() dto: OptionalCommentDto,
  ): Promise<MilestoneDto> {
    return this.milestones.review(user, id, milestoneId, 'accept', dto.comment);
  }

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/milestones/:milestoneId/return')
  @HttpCode(200)
  @ApiOkResponse({ type: MilestoneDto })
  returnMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('milestoneId', ParseUUIDPipe) milestoneId: string,
    @Body() dto: RequiredCommentDto,
  ): Promise<MilestoneDto> {
    return this.milestones.review(user, id, milestoneId, 'return', dto.comment);
  }

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/milestones/:milestoneId/reschedule')
  @HttpCode(200)
  @ApiOkResponse({ type: MilestoneDto })
  rescheduleMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('milestoneId', ParseUUIDPipe) milestoneId: string,
    @Body() dto: RescheduleDto,
  ): Promise<MilestoneDto> {
    return this.milestones.reschedule(user, id, milestoneId, dto);
  }

  // ---- tranches and payments ----

  @Roles(...PROJECT_READERS)
  @Get(':id/tranches')
  @ApiOkResponse({ type: [TrancheDto] })
  async tranchesOf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TrancheDto[]> {
    return whole(res, 'tranches', await this.payments.tranches(user, id));
  }

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/tranches/:trancheId/release')
  @ApiOkResponse({ type: PaymentDto })
  release(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('trancheId', ParseUUIDPipe) trancheId: string,
    @Body() dto: OptionalNoteDto,
  ): Promise<PaymentDto> {
    return this.payments.release(user, id, trancheId, dto.note);
  }

  @Roles(...PROJECT_READERS)
  @Get(':id/payments')
  @ApiOkResponse({ type: [PaymentDto] })
  async paymentsOf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PaymentDto[]> {
    return whole(res, 'payments', await this.payments.payments(user, id));
  }

  // ---- reports ----

  @Roles(...PROJECT_READERS)
  @Get(':id/reports')
  @ApiOkResponse({ type: [ReportDto] })
  async reportsOf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportDto[]> {
    return whole(res, 'reports', await this.reports.list(user, id));
  }

  @Roles(...PROJECT_READERS)
  @Get(':id/reports/:reportId')
  @ApiOkResponse({ type: ReportDto })
  report(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
  ): Promise<ReportDto> {
    return this.reports.get(user, id, reportId);
  }

  /** Saves the draft: the fields given replace the stored ones (`spending` replaces every line). */
  @Roles(...PROJECT_INSTITUTION)
  @Put(':id/reports/:reportId')
  @ApiOkResponse({ type: ReportDto })
  saveReport(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Body() dto: SaveReportDto,
  ): Promise<ReportDto> {
    return this.reports.save(user, id, reportId, dto);
  }

  @Roles(...PROJECT_INSTITUTION)
  @Post(':id/reports/:reportId/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDto })
  submitReport(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Body() dto: SubmitReportDto,
  ): Promise<ReportDto> {
    return this.reports.submit(user, id, reportId, dto.version);
  }

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/reports/:reportId/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDto })
  acceptReport(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Body() dto: OptionalCommentDto,
  ): Promise<ReportDto> {
    return this.reports.review(user, id, reportId, 'accept', dto.comment);
  }

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/reports/:reportId/return')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDto })
  returnReport(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Body() dto: RequiredCommentDto,
  ): Promise<ReportDto> {
    return this.reports.review(user, id, reportId, 'return', dto.comment);
  }

  @Roles(...PROJECT_OFFICERS)
  @Post(':id/reports/:reportId/reschedule')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDto })
  rescheduleReport(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Body() dto: RescheduleDto,
  ): Promise<ReportDto> {
    return this.reports.reschedule(user, id, reportId, dto);
  }

  // ---- micro-credentials ----

  @Roles(...PROJECT_READERS)
  @Get(':id/micro-credentials')
  @ApiOkResponse({ type: [MicroCredentialDto] })
  async microCredentialsOf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MicroCredentialDto[]> {
    return whole(res, 'micro-credentials', await this.microCredentials.list(user, id));
  }

  @Roles(...PROJECT_INSTITUTION)
  @Post(':id/micro-credentials')
  @ApiOkResponse({ type: MicroCredentialDto })
  addMicroCredential(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProjectMicroCredentialInput,
  ): Promise<MicroCredentialDto> {
    return this.microCredentials.create(user, id, dto);
  }

  @Roles(...PROJECT_INSTITUTION)
  @Put(':id/micro-credentials/:microCredentialId')
  @ApiOkResponse({ type: MicroCredentialDto })
  updateMicroCredential(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('microCredentialId', ParseUUIDPipe) microCredentialId: string,
    @Body() dto: UpdateProjectMicroCredentialDto,
  ): Promise<MicroCredentialDto> {
    return this.microCredentials.update(user, id, microCredentialId, dto);
  }
}

/** Reports across projects: the officers' follow-up (filter `overdue`), an applicant's own. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('project-reports')
export class ProjectReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Roles(...PROJECT_READERS)
  @Get()
  @ApiOkResponse({ type: [ReportDto] })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportDto[]> {
    const query = parseListQuery(raw, REPORT_LIST_SPEC);
    const page = await this.reports.search(user, query);
    setContentRange(res, 'project-reports', query.offset, page.items.length, page.total);
    return page.items;
  }
}

/** Funded micro-credentials across projects (for the catalogue, the dashboard and exports), by industry, OSAP status… */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('micro-credentials')
export class MicroCredentialsController {
  constructor(private readonly microCredentials: MicroCredentialsService) {}

  @Roles(...PROJECT_READERS)
  @Get()
  @ApiOkResponse({ type: [MicroCredentialDto] })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MicroCredentialDto[]> {
    const query = parseListQuery(raw, MICRO_CREDENTIAL_LIST_SPEC);
    const page = await this.microCredentials.search(user, query);
    setContentRange(res, 'micro-credentials', query.offset, page.items.length, page.total);
    return page.items;
  }
}
