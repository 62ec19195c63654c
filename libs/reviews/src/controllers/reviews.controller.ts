import { AuthUser, booleanFilter, CurrentUser, parseListQuery, RawListQuery, Roles, setContentRange } from '@cf/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ReasonDto } from '../dto/assignment.dto';
import { ModerationInput, RankingRowDto, ReviewDto } from '../dto/review.dto';
import { RankingService } from '../ranking.service';
import { ReviewsService } from '../reviews.service';

const uuid = z.uuid({ message: 'must be a UUID' });

const REVIEW_LIST_SPEC = {
  sortable: ['updatedAt', 'submittedAt'],
  defaultSort: ['updatedAt', 'DESC'] as [string, 'DESC'],
  filter: z.object({
    fundId: uuid.optional(),
    proposalId: uuid.optional(),
    reviewerId: uuid.optional(),
    status: z.enum(['draft', 'submitted']).optional(),
  }),
};

const RANKING_LIST_SPEC = {
  sortable: ['rank'],
  defaultSort: ['rank', 'ASC'] as [string, 'ASC'],
  filter: z.object({
    disagreement: booleanFilter.optional(),
    basis: z.enum(['consensus', 'normalized', 'none']).optional(),
  }),
};

/** Every review, for staff (reviewers read their own through their assignments). */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Roles('program_officer', 'approver', 'admin')
  @Get()
  @ApiOkResponse({ type: [ReviewDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<ReviewDto[]> {
    const query = parseListQuery(raw, REVIEW_LIST_SPEC);
    const page = await this.reviews.list(query);
    setContentRange(res, 'reviews', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Roles('program_officer')
  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: ReviewDto })
  reopen(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<ReviewDto> {
    return this.reviews.reopen(user, id, dto.reason);
  }
}

/** The fund's ranking (raw and normalized, with disagreement flags) and its export. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('funds/:fundId/ranking')
export class RankingController {
  constructor(private readonly ranking: RankingService) {}

  @Roles('program_officer', 'approver', 'admin')
  @Get()
  @ApiOkResponse({ type: [RankingRowDto] })
  async list(
    @Param('fundId', ParseUUIDPipe) fundId: string,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RankingRowDto[]> {
    const query = parseListQuery(raw, RANKING_LIST_SPEC);
    const page = await this.ranking.ranking(fundId, query.filter, query);
    setContentRange(res, 'ranking', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Roles('program_officer', 'approver', 'admin')
  @Get('export')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'filter', required: false, example: '{"disagreement":true}' })
  async export(@Param('fundId', ParseUUIDPipe) fundId: string, @Query() raw: RawListQuery, @Res() res: Response): Promise<void> {
    const query = parseListQuery({ filter: raw.filter }, RANKING_LIST_SPEC);
    await this.ranking.export(fundId, query.filter, res);
  }
}

/** Moderation: a consensus score where the reviews disagree. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('proposals/:id/moderation')
export class ModerationController {
  constructor(private readonly ranking: RankingService) {}

  @Roles('program_officer')
  @Put()
  @ApiOkResponse({ type: RankingRowDto })
  moderate(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ModerationInput,
  ): Promise<RankingRowDto> {
    return this.ranking.moderate(user, id, dto);
  }

  @Roles('program_officer')
  @Delete()
  @HttpCode(204)
  clear(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.ranking.clearModeration(user, id);
  }
}
