import { parseListQuery, Public, RawListQuery, setContentRange } from '@cf/platform';
import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProjectFacetsDto } from './dto/public-facets.dto';
import { PublicProjectDetailDto, PublicProjectDto } from './dto/public-project.dto';
import { PublicCatalogueService } from './public-catalogue.service';
import { parseLang, PUBLIC_PROJECT_LIST_SPEC } from './public-filters';
import { PUBLIC_CACHE_CONTROL, PublicRateLimitGuard } from './public-rate-limit.guard';

/** The published funded projects, without login (see publication.ts for what "published" means). */
@ApiTags('public')
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('public/projects')
export class PublicProjectsController {
  constructor(private readonly catalogue: PublicCatalogueService) {}

  @Get()
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiQuery({ name: 'sort', required: false, example: '["institutionName","ASC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"region":"northern","sector":"health_care","q":"care"}' })
  @ApiOkResponse({ type: [PublicProjectDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<PublicProjectDto[]> {
    const query = parseListQuery(raw, PUBLIC_PROJECT_LIST_SPEC);
    const page = await this.catalogue.listProjects(query);
    setContentRange(res, 'projects', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Get('facets')
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiQuery({ name: 'filter', required: false, example: '{"region":"northern"}' })
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'fr'] })
  @ApiOkResponse({ type: ProjectFacetsDto })
  async facets(@Query() raw: RawListQuery & { lang?: unknown }): Promise<ProjectFacetsDto> {
    const lang = parseLang(raw.lang);
    const query = parseListQuery({ filter: raw.filter }, PUBLIC_PROJECT_LIST_SPEC);
    return this.catalogue.projectFacets(query.filter, lang);
  }

  @Get(':id')
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOkResponse({ type: PublicProjectDetailDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicProjectDetailDto> {
    return this.catalogue.getProject(id);
  }
}
