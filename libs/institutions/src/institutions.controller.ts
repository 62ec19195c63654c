import { parseListQuery, Public, RawListQuery, Roles, setContentRange, CurrentUser, AuthUser } from '@cf/platform';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { InstitutionDto, SaveInstitutionDto } from './institution.dto';
import { INSTITUTION_TYPES, ONTARIO_REGIONS } from './institution.entity';
import { InstitutionsService } from './institutions.service';

const LIST_SPEC = {
  sortable: ['name', 'type', 'region', 'createdAt'],
  defaultSort: ['name', 'ASC'] as [string, 'ASC'],
  filter: z.object({
    q: z.string().max(200).optional(),
    type: z.enum(INSTITUTION_TYPES).optional(),
    region: z.enum(ONTARIO_REGIONS).optional(),
  }),
};

/** Institutions are public facts (names, types, regions): the public catalogue and sign-up forms use them. */
@ApiTags('institutions')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Public()
  @Get()
  @ApiQuery({ name: 'sort', required: false, example: '["name","ASC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"type":"public_college"}' })
  @ApiOkResponse({ type: [InstitutionDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<InstitutionDto[]> {
    const query = parseListQuery(raw, LIST_SPEC);
    const page = await this.institutions.list(query);
    setContentRange(res, 'institutions', query.offset, page.items.length, page.total);
    return page.items.map(InstitutionDto.from);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: InstitutionDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<InstitutionDto> {
    return InstitutionDto.from(await this.institutions.get(id));
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post()
  async create(@CurrentUser() user: AuthUser, @Body() dto: SaveInstitutionDto): Promise<InstitutionDto> {
    return InstitutionDto.from(await this.institutions.create(user.id, dto));
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Put(':id')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SaveInstitutionDto,
  ): Promise<InstitutionDto> {
    return InstitutionDto.from(await this.institutions.update(user.id, id, dto));
  }
}
