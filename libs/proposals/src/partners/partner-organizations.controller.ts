import { AuthUser, CurrentUser, parseListQuery, RawListQuery, Roles, setContentRange } from '@cf/platform';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { SECTORS } from '../domain/proposal-content';
import { PARTNER_KINDS } from '../proposal.entity';
import {
  CreatePartnerOrganizationDto,
  PARTNER_REGIONS,
  PartnerOrganizationDto,
  UpdatePartnerOrganizationDto,
} from './partner-organization.dto';
import { PartnerOrganizationsService } from './partner-organizations.service';

const LIST_SPEC = {
  sortable: ['name', 'kind', 'sector', 'region', 'size'],
  defaultSort: ['name', 'ASC'] as [string, 'ASC'],
  filter: z.object({
    q: z.string().max(200).optional(),
    kind: z.enum(PARTNER_KINDS).optional(),
    sector: z.enum(SECTORS).optional(),
    region: z.enum(PARTNER_REGIONS).optional(),
  }),
};

@ApiTags('partner-organizations')
@ApiBearerAuth()
@Controller('partner-organizations')
export class PartnerOrganizationsController {
  constructor(private readonly orgs: PartnerOrganizationsService) {}

  @Get()
  @ApiQuery({ name: 'sort', required: false, example: '["name","ASC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"kind":"employer"}' })
  @ApiOkResponse({ type: [PartnerOrganizationDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<PartnerOrganizationDto[]> {
    const query = parseListQuery(raw, LIST_SPEC);
    const page = await this.orgs.list(query);
    setContentRange(res, 'partner-organizations', query.offset, page.items.length, page.total);
    return page.items.map((o) => PartnerOrganizationDto.from(o));
  }

  @Get(':id')
  @ApiOkResponse({ type: PartnerOrganizationDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PartnerOrganizationDto> {
    return PartnerOrganizationDto.from(await this.orgs.get(id));
  }

  @Roles('applicant', 'program_officer', 'admin')
  @Post()
  @ApiOkResponse({ type: PartnerOrganizationDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreatePartnerOrganizationDto): Promise<PartnerOrganizationDto> {
    return PartnerOrganizationDto.from(await this.orgs.create(user, dto));
  }

  @Roles('program_officer', 'admin')
  @Put(':id')
  @ApiOkResponse({ type: PartnerOrganizationDto })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePartnerOrganizationDto,
  ): Promise<PartnerOrganizationDto> {
    return PartnerOrganizationDto.from(await this.orgs.update(user, id, dto));
  }
}
