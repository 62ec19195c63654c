import { ONTARIO_REGIONS } from '@cf/institutions';
import { SECTORS } from '@cf/proposals';
import { AuthUser, booleanFilter, CurrentUser, parseListQuery, RawListQuery, Roles, setContentRange } from '@cf/platform';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  CreateReviewerDto,
  ReviewerCandidateDto,
  ReviewerDto,
  ReviewSettingsDto,
  UpdateReviewerDto,
  UpdateReviewSettingsDto,
} from '../dto/reviewer.dto';
import { ReviewersService } from '../reviewers.service';

const REVIEWER_LIST_SPEC = {
  sortable: ['displayName', 'maxLoad', 'updatedAt'],
  defaultSort: ['displayName', 'ASC'] as [string, 'ASC'],
  filter: z.object({
    q: z.string().max(200).optional(),
    sector: z.enum(SECTORS).optional(),
    region: z.enum(ONTARIO_REGIONS).optional(),
    active: booleanFilter.optional(),
  }),
};

/** The reviewer pool: profiles with affiliations (for conflicts), expertise and a maximum load. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviewers')
export class ReviewersController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Roles('program_officer', 'admin')
  @Get()
  @ApiOkResponse({ type: [ReviewerDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<ReviewerDto[]> {
    const query = parseListQuery(raw, REVIEWER_LIST_SPEC);
    const page = await this.reviewers.list(query);
    setContentRange(res, 'reviewers', query.offset, page.items.length, page.total);
    return page.items;
  }

  /** Accounts with the reviewer role not yet in the pool, to pick from when adding one. */
  @Roles('program_officer', 'admin')
  @Get('candidates')
  @ApiOkResponse({ type: [ReviewerCandidateDto] })
  candidates(): Promise<ReviewerCandidateDto[]> {
    return this.reviewers.candidates();
  }

  @Roles('reviewer')
  @Get('me')
  @ApiOkResponse({ type: ReviewerDto })
  me(@CurrentUser() user: AuthUser): Promise<ReviewerDto> {
    return this.reviewers.get(user, user.id);
  }

  @Roles('program_officer', 'admin', 'reviewer')
  @Get(':id')
  @ApiOkResponse({ type: ReviewerDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ReviewerDto> {
    return this.reviewers.get(user, id);
  }

  @Roles('program_officer', 'admin')
  @Post()
  @ApiOkResponse({ type: ReviewerDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateReviewerDto): Promise<ReviewerDto> {
    return this.reviewers.create(user, dto);
  }

  @Roles('program_officer', 'admin')
  @Put(':id')
  @ApiOkResponse({ type: ReviewerDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateReviewerDto,
  ): Promise<ReviewerDto> {
    return this.reviewers.update(user, id, dto);
  }
}

/** Per-fund review settings: reviewers per proposal, conflict look-back, due dates, disagreement, blindness. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('funds/:fundId/review-settings')
export class ReviewSettingsController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Roles('program_officer', 'approver', 'admin', 'reviewer')
  @Get()
  @ApiOkResponse({ type: ReviewSettingsDto })
  get(@Param('fundId', ParseUUIDPipe) fundId: string): Promise<ReviewSettingsDto> {
    return this.reviewers.settings(fundId);
  }

  @Roles('program_officer', 'admin')
  @Put()
  @ApiOkResponse({ type: ReviewSettingsDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('fundId', ParseUUIDPipe) fundId: string,
    @Body() dto: UpdateReviewSettingsDto,
  ): Promise<ReviewSettingsDto> {
    return this.reviewers.updateSettings(user, fundId, dto);
  }
}
