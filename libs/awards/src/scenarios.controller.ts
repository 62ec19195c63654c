import { AuthUser, CurrentUser, parseListQuery, RawListQuery, Roles, setContentRange, ValidationFailedError } from '@cf/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  ApplyScenarioDto,
  ApplyScenarioResultDto,
  CreateScenarioDto,
  SCENARIO_STATUSES,
  ScenarioComparisonDto,
  ScenarioDto,
} from './dto/scenario.dto';
import { ScenariosService } from './scenarios.service';

const uuid = z.uuid({ message: 'must be a UUID' });

const SCENARIO_LIST_SPEC = {
  sortable: ['createdAt', 'name'],
  defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'],
  filter: z.object({ fundId: uuid.optional(), status: z.enum(SCENARIO_STATUSES).optional() }),
};

const COMPARE_IDS = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(z.array(uuid).min(1, 'must name at least one scenario').max(6, 'at most 6 scenarios side by side'));

/** What-if scenarios of the awards: solved by the worker, compared side by side, applied as recommendations. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('scenarios')
export class ScenariosController {
  constructor(private readonly scenarios: ScenariosService) {}

  @Roles('program_officer', 'approver', 'admin')
  @Get()
  @ApiOkResponse({ type: [ScenarioDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<ScenarioDto[]> {
    const query = parseListQuery(raw, SCENARIO_LIST_SPEC);
    const page = await this.scenarios.list(query);
    setContentRange(res, 'scenarios', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Roles('program_officer', 'approver', 'admin')
  @Get('compare')
  @ApiQuery({ name: 'ids', description: 'Comma-separated scenario ids; the first is the base', required: true })
  @ApiOkResponse({ type: ScenarioComparisonDto })
  compare(@Query('ids') ids: unknown): Promise<ScenarioComparisonDto> {
    const parsed = COMPARE_IDS.safeParse(typeof ids === 'string' ? ids : '');
    if (!parsed.success) {
      throw new ValidationFailedError(
        parsed.error.issues.map((i) => ({ field: ['ids', ...i.path].join('.'), reason: i.message })),
      );
    }
    return this.scenarios.compare(parsed.data);
  }

  @Roles('program_officer', 'approver', 'admin')
  @Get(':id')
  @ApiOkResponse({ type: ScenarioDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ScenarioDto> {
    return this.scenarios.get(id);
  }

  @Roles('program_officer')
  @Post()
  @ApiOkResponse({ type: ScenarioDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateScenarioDto): Promise<ScenarioDto> {
    return this.scenarios.create(user, dto);
  }

  @Roles('program_officer')
  @Post(':id/recompute')
  @HttpCode(200)
  @ApiOkResponse({ type: ScenarioDto })
  recompute(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ScenarioDto> {
    return this.scenarios.recompute(user, id);
  }

  @Roles('program_officer')
  @Post(':id/apply')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplyScenarioResultDto })
  apply(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApplyScenarioDto,
  ): Promise<ApplyScenarioResultDto> {
    return this.scenarios.apply(user, id, dto);
  }

  @Roles('program_officer')
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.scenarios.remove(user, id);
  }
}
