import { AuthUser, CurrentUser, parseListQuery, RawListQuery, Roles, setContentRange } from '@cf/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { AwardsService } from './awards.service';
import { DECISION_KINDS, DECISION_STATUSES } from './domain/decision-rules';
import { DecisionDto, DecisionNoteDto, LedgerDto, RecommendDto, RequiredReasonDto } from './dto/award.dto';

const uuid = z.uuid({ message: 'must be a UUID' });

const DECISION_LIST_SPEC = {
  sortable: ['recommendedAt', 'amountCents', 'trackingNumber'],
  defaultSort: ['recommendedAt', 'DESC'] as [string, 'DESC'],
  filter: z.object({
    fundId: uuid.optional(),
    proposalId: uuid.optional(),
    status: z.enum(DECISION_STATUSES).optional(),
    kind: z.enum(DECISION_KINDS).optional(),
  }),
};

/** Funding decisions: officers recommend, another person (approver or officer) confirms or returns. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly awards: AwardsService) {}

  @Roles('program_officer', 'approver', 'admin')
  @Get()
  @ApiOkResponse({ type: [DecisionDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<DecisionDto[]> {
    const query = parseListQuery(raw, DECISION_LIST_SPEC);
    const page = await this.awards.list(query);
    setContentRange(res, 'decisions', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Roles('program_officer', 'approver', 'admin')
  @Get(':id')
  @ApiOkResponse({ type: DecisionDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<DecisionDto> {
    return this.awards.get(id);
  }

  @Roles('program_officer')
  @Post()
  @ApiOkResponse({ type: DecisionDto })
  recommend(@CurrentUser() user: AuthUser, @Body() dto: RecommendDto): Promise<DecisionDto> {
    return this.awards.recommend(user, dto);
  }

  @Roles('approver', 'program_officer')
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionDto })
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecisionNoteDto,
  ): Promise<DecisionDto> {
    return this.awards.confirm(user, id, dto.note);
  }

  @Roles('approver', 'program_officer')
  @Post(':id/return')
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionDto })
  returnToOfficer(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequiredReasonDto,
  ): Promise<DecisionDto> {
    return this.awards.returnToOfficer(user, id, dto.reason);
  }

  @Roles('approver', 'program_officer')
  @Post(':id/rescind')
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionDto })
  rescind(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequiredReasonDto,
  ): Promise<DecisionDto> {
    return this.awards.rescind(user, id, dto.reason);
  }
}

/** The fund's envelope: committed, disbursed, remaining. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('funds/:fundId/ledger')
export class LedgerController {
  constructor(private readonly awards: AwardsService) {}

  @Roles('program_officer', 'approver', 'admin')
  @Get()
  @ApiOkResponse({ type: LedgerDto })
  get(@Param('fundId', ParseUUIDPipe) fundId: string): Promise<LedgerDto> {
    return this.awards.ledger(fundId);
  }
}
