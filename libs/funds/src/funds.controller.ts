import { AuthUser, CurrentUser, parseListQuery, RawListQuery, Roles, setContentRange } from '@cf/platform';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { FundDto, SaveFundDto } from './fund.dto';
import { FUND_STATUSES } from './fund.entity';
import { FundsService } from './funds.service';

const LIST_SPEC = {
  sortable: ['code', 'closesAt', 'opensAt', 'status', 'createdAt'],
  defaultSort: ['closesAt', 'DESC'] as [string, 'DESC'],
  filter: z.object({ q: z.string().max(200).optional(), status: z.enum(FUND_STATUSES).optional() }),
};

/** Funds are configuration: admins and program officers define them; everyone signed in reads them. */
@ApiTags('funds')
@ApiBearerAuth()
@Controller('funds')
export class FundsController {
  constructor(private readonly funds: FundsService) {}

  @Get()
  @ApiQuery({ name: 'sort', required: false, example: '["closesAt","DESC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"status":"open"}' })
  @ApiOkResponse({ type: [FundDto] })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FundDto[]> {
    const query = parseListQuery(raw, LIST_SPEC);
    const page = await this.funds.list(user, query);
    setContentRange(res, 'funds', query.offset, page.items.length, page.total);
    const now = this.funds.clock.now();
    return page.items.map((f) => FundDto.from(f, now));
  }

  @Get(':id')
  @ApiOkResponse({ type: FundDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<FundDto> {
    return FundDto.from(await this.funds.get(user, id), this.funds.clock.now());
  }

  @Roles('admin', 'program_officer')
  @Post()
  @ApiOkResponse({ type: FundDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: SaveFundDto): Promise<FundDto> {
    return FundDto.from(await this.funds.create(user, dto), this.funds.clock.now());
  }

  @Roles('admin', 'program_officer')
  @Put(':id')
  @ApiOkResponse({ type: FundDto })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SaveFundDto,
  ): Promise<FundDto> {
    return FundDto.from(await this.funds.update(user, id, dto), this.funds.clock.now());
  }
}
