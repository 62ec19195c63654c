import { INSTITUTION_TYPES } from '@cf/institutions';
import {
  AuthUser,
  CurrentUser,
  parseListQuery,
  RawListQuery,
  ReceivedAt,
  Roles,
  setContentRange,
  ValidationFailedError,
} from '@cf/platform';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { SECTORS } from './domain/proposal-content';
import { PROPOSAL_STATUSES } from './domain/proposal-status';
import {
  CreateProposalDto,
  ExtensionDto,
  GrantExtensionDto,
  ProposalDto,
  ReadinessDto,
  ReceiptDto,
  ScreenDto,
  SubmissionDto,
  UpdateProposalDto,
  WithdrawDto,
} from './dto/proposal.dto';
import { PARTNER_REGIONS } from './partners/partner-organization.dto';
import { ProposalsExport } from './proposals-export';
import { toExtensionDto, toReceiptDto } from './proposal-view';
import { ProposalsService } from './proposals.service';
import { ScreeningService } from './screening.service';
import { SubmissionsService } from './submissions.service';

export const PROPOSAL_LIST_SPEC = {
  sortable: ['updatedAt', 'createdAt', 'title', 'status', 'trackingNumber', 'lastSubmittedAt', 'requestedCents'],
  defaultSort: ['updatedAt', 'DESC'] as [string, 'DESC'],
  filter: z.object({
    q: z.string().max(200).optional(),
    status: z.enum(PROPOSAL_STATUSES).optional(),
    fundId: z.uuid({ message: 'must be a UUID' }).optional(),
    institutionId: z.uuid({ message: 'must be a UUID' }).optional(),
    institutionType: z.enum(INSTITUTION_TYPES).optional(),
    region: z.enum(PARTNER_REGIONS).optional(),
    sector: z.enum(SECTORS).optional(),
  }),
};

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Proposals: applicants draft and submit their institution's; staff read all. Record-level
 * checks live in ProposalAccess: another institution's proposal answers 404 on every route.
 */
@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly submissions: SubmissionsService,
    private readonly screening: ScreeningService,
    private readonly exporter: ProposalsExport,
  ) {}

  @Get()
  @ApiQuery({ name: 'sort', required: false, example: '["updatedAt","DESC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"status":"submitted","q":"welding"}' })
  @ApiOkResponse({ type: [ProposalDto] })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProposalDto[]> {
    const query = parseListQuery(raw, PROPOSAL_LIST_SPEC);
    const page = await this.proposals.list(user, query);
    setContentRange(res, 'proposals', query.offset, page.items.length, page.total);
    return page.items;
  }

  /** CSV (UTF-8 with a byte order mark, so spreadsheet programs read accents) of the filtered list. */
  @Roles('program_officer', 'approver', 'admin')
  @Get('export')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'filter', required: false, example: '{"status":"submitted"}' })
  @ApiQuery({ name: 'sort', required: false, example: '["trackingNumber","ASC"]' })
  async export(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res() res: Response): Promise<void> {
    const query = parseListQuery({ ...raw, range: undefined }, PROPOSAL_LIST_SPEC);
    await this.exporter.write(user, query.filter, query.sort, res);
  }

  @Roles('applicant')
  @Post()
  @ApiOkResponse({ type: ProposalDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProposalDto, @ReceivedAt() at: Date): Promise<ProposalDto> {
    return this.proposals.create(user, dto, at);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProposalDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalDto> {
    return this.proposals.get(user, id);
  }

  @Roles('applicant')
  @Patch(':id')
  @ApiOkResponse({ type: ProposalDto })
  patch(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProposalDto,
    @ReceivedAt() at: Date,
  ): Promise<ProposalDto> {
    return this.proposals.update(user, id, dto, at);
  }

  /** react-admin sends the whole record; read-only fields are ignored, `version` is required. */
  @Roles('applicant')
  @Put(':id')
  @ApiOkResponse({ type: ProposalDto })
  put(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProposalDto,
    @ReceivedAt() at: Date,
  ): Promise<ProposalDto> {
    return this.proposals.update(user, id, dto, at);
  }

  @Get(':id/readiness')
  @ApiOkResponse({ type: ReadinessDto })
  readiness(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ReadinessDto> {
    return this.proposals.readiness(user, id);
  }

  @Roles('applicant')
  @Post(':id/submit')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key answer the same receipt' })
  @ApiOkResponse({ type: ReceiptDto })
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @ReceivedAt() at: Date,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptDto> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new ValidationFailedError([
        { field: 'Idempotency-Key', reason: 'must be 8 to 100 letters, digits, dashes or underscores (a UUID is best)' },
      ]);
    }
    const result = await this.submissions.submit(user, id, key ?? null, at);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.receipt;
  }

  @Roles('applicant')
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalDto })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawDto,
    @ReceivedAt() at: Date,
  ): Promise<ProposalDto> {
    return this.submissions.withdraw(user, id, dto.reason, at);
  }

  @Roles('program_officer')
  @Post(':id/screening')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalDto })
  screen(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ScreenDto,
    @ReceivedAt() at: Date,
  ): Promise<ProposalDto> {
    return this.screening.screen(user, id, dto, at);
  }

  @Get(':id/extensions')
  @ApiOkResponse({ type: [ExtensionDto] })
  async extensions(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ExtensionDto[]> {
    const { items, timeZone } = await this.proposals.extensions(user, id);
    return items.map((e) => toExtensionDto(e, timeZone));
  }

  @Roles('program_officer')
  @Post(':id/extensions')
  @ApiOkResponse({ type: ExtensionDto })
  grantExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: GrantExtensionDto,
  ): Promise<ExtensionDto> {
    return this.screening.grantExtension(user, id, dto);
  }

  @Get(':id/submissions')
  @ApiOkResponse({ type: [SubmissionDto] })
  async submissionList(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SubmissionDto[]> {
    const { items, timeZone } = await this.proposals.submissions(user, id);
    return items.map((s) => ({ ...toReceiptDto(s, timeZone), submittedBy: s.submittedBy }));
  }

  @Get(':id/submissions/:version')
  @ApiOkResponse({ type: SubmissionDto })
  async submission(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<SubmissionDto> {
    const { item, timeZone } = await this.proposals.submission(user, id, version);
    return { ...toReceiptDto(item, timeZone), submittedBy: item.submittedBy, snapshot: item.snapshot };
  }
}
