import {
  AuthUser,
  booleanFilter,
  CurrentUser,
  parseListQuery,
  RawListQuery,
  ReceivedAt,
  Roles,
  setContentRange,
} from '@cf/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { AssignmentsService } from '../assignments.service';
import {
  AssignmentDto,
  AutoAssignDto,
  AutoAssignResultDto,
  ConflictDto,
  CreateAssignmentDto,
  MoveAssignmentDto,
  ReasonDto,
  RecordConflictDto,
  REVIEW_STATUSES,
  ReviewerOptionDto,
  ReviewProgressDto,
} from '../dto/assignment.dto';
import { PeerReviewDto, ReviewDto, SaveReviewDto } from '../dto/review.dto';
import { ReviewsService } from '../reviews.service';

const uuid = z.uuid({ message: 'must be a UUID' });

const ASSIGNMENT_LIST_SPEC = {
  sortable: ['dueAt', 'createdAt', 'trackingNumber', 'reviewerName'],
  defaultSort: ['dueAt', 'ASC'] as [string, 'ASC'],
  filter: z.object({
    fundId: uuid.optional(),
    reviewerId: uuid.optional(),
    proposalId: uuid.optional(),
    reviewStatus: z.enum(REVIEW_STATUSES).optional(),
    overdue: booleanFilter.optional(),
  }),
};

const CONFLICT_LIST_SPEC = {
  sortable: ['createdAt'],
  defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'],
  filter: z.object({ fundId: uuid.optional(), proposalId: uuid.optional(), reviewerId: uuid.optional() }),
};

/**
 * Assignments: a reviewer sees and scores their own; officers assign, move and remove. Another reviewer's
 * assignment answers 404, like one that does not exist.
 */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly reviews: ReviewsService,
  ) {}

  @Roles('reviewer', 'program_officer', 'approver', 'admin')
  @Get()
  @ApiOkResponse({ type: [AssignmentDto] })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssignmentDto[]> {
    const query = parseListQuery(raw, ASSIGNMENT_LIST_SPEC);
    const page = await this.assignments.list(user, query);
    setContentRange(res, 'assignments', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Roles('reviewer', 'program_officer', 'approver', 'admin')
  @Get(':id')
  @ApiOkResponse({ type: AssignmentDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AssignmentDto> {
    return this.assignments.get(user, id);
  }

  @Roles('program_officer')
  @Post()
  @ApiOkResponse({ type: AssignmentDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAssignmentDto): Promise<AssignmentDto> {
    return this.assignments.create(user, dto);
  }

  @Roles('program_officer')
  @Post(':id/move')
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentDto })
  move(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MoveAssignmentDto,
  ): Promise<AssignmentDto> {
    return this.assignments.move(user, id, dto.reviewerId, dto.reason);
  }

  @Roles('program_officer')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.assignments.remove(user, id);
  }

  @Roles('reviewer')
  @Post(':id/declare-conflict')
  @HttpCode(200)
  @ApiOkResponse({ type: ConflictDto })
  declareConflict(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ConflictDto> {
    return this.assignments.declareConflict(user, id, dto.reason);
  }

  @Roles('reviewer', 'program_officer', 'approver', 'admin')
  @Get(':id/review')
  @ApiOkResponse({ type: ReviewDto })
  review(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ReviewDto> {
    return this.reviews.get(user, id);
  }

  @Roles('reviewer')
  @Put(':id/review')
  @ApiOkResponse({ type: ReviewDto })
  saveReview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SaveReviewDto,
  ): Promise<ReviewDto> {
    return this.reviews.save(user, id, dto);
  }

  @Roles('reviewer')
  @Post(':id/review/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: ReviewDto })
  submitReview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @ReceivedAt() at: Date,
  ): Promise<ReviewDto> {
    return this.reviews.submit(user, id, at);
  }

  @Roles('reviewer')
  @Get(':id/peer-reviews')
  @ApiOkResponse({ type: [PeerReviewDto] })
  peerReviews(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PeerReviewDto[]> {
    return this.reviews.peerReviews(user, id);
  }
}

/** Conflicts of interest declared by reviewers or recorded by officers. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('conflicts')
export class ConflictsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Roles('program_officer', 'admin')
  @Get()
  @ApiOkResponse({ type: [ConflictDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<ConflictDto[]> {
    const query = parseListQuery(raw, CONFLICT_LIST_SPEC);
    const page = await this.assignments.listConflicts(query);
    setContentRange(res, 'conflicts', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Roles('program_officer')
  @Post()
  @ApiOkResponse({ type: ConflictDto })
  record(@CurrentUser() user: AuthUser, @Body() dto: RecordConflictDto): Promise<ConflictDto> {
    return this.assignments.recordConflict(user, dto.proposalId, dto.reviewerId, dto.reason);
  }
}

/** The officer's review board of a fund: automatic assignment and progress. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('funds/:fundId')
export class ReviewBoardController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Roles('program_officer')
  @Post('auto-assign')
  @HttpCode(200)
  @ApiOkResponse({ type: AutoAssignResultDto })
  autoAssign(
    @CurrentUser() user: AuthUser,
    @Param('fundId', ParseUUIDPipe) fundId: string,
    @Body() dto: AutoAssignDto,
  ): Promise<AutoAssignResultDto> {
    return this.assignments.autoAssign(user, fundId, dto);
  }

  @Roles('program_officer', 'approver', 'admin')
  @Get('review-progress')
  @ApiOkResponse({ type: ReviewProgressDto })
  progress(@Param('fundId', ParseUUIDPipe) fundId: string): Promise<ReviewProgressDto> {
    return this.assignments.progress(fundId);
  }
}

/** Review views of one proposal for officers. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('proposals/:id')
export class ProposalReviewController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Roles('program_officer')
  @Get('reviewer-options')
  @ApiOkResponse({ type: [ReviewerOptionDto] })
  options(@Param('id', ParseUUIDPipe) id: string): Promise<ReviewerOptionDto[]> {
    return this.assignments.options(id);
  }
}
