import { parseListQuery, Public, RawListQuery, setContentRange } from '@cf/platform';
import { Controller, Get, Header, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MicroCredentialFacetsDto } from './dto/public-facets.dto';
import { PublicMicroCredentialDto } from './dto/public-micro-credential.dto';
import { PublicCatalogueService } from './public-catalogue.service';
import { parseLang, PUBLIC_MICRO_CREDENTIAL_LIST_SPEC } from './public-filters';
import { PUBLIC_CACHE_CONTROL, PublicRateLimitGuard } from './public-rate-limit.guard';

/** The catalogue of funded micro-credentials, without login: search by industry, area of focus, institution, region… */
@ApiTags('public')
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('public/micro-credentials')
export class PublicMicroCredentialsController {
  constructor(private readonly catalogue: PublicCatalogueService) {}

  @Get()
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiQuery({ name: 'sort', required: false, example: '["title","ASC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({
    name: 'filter',
    required: false,
    example: '{"sector":"health_care","region":"northern","deliveryMode":"online","osapStatus":"approved","q":"care"}',
  })
  @ApiOkResponse({ type: [PublicMicroCredentialDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<PublicMicroCredentialDto[]> {
    const query = parseListQuery(raw, PUBLIC_MICRO_CREDENTIAL_LIST_SPEC);
    const page = await this.catalogue.listMicroCredentials(query);
    setContentRange(res, 'micro-credentials', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Get('facets')
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiQuery({ name: 'filter', required: false, example: '{"region":"northern"}' })
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'fr'] })
  @ApiOkResponse({ type: MicroCredentialFacetsDto })
  async facets(@Query() raw: RawListQuery & { lang?: unknown }): Promise<MicroCredentialFacetsDto> {
    const lang = parseLang(raw.lang);
    const query = parseListQuery({ filter: raw.filter }, PUBLIC_MICRO_CREDENTIAL_LIST_SPEC);
    return this.catalogue.microCredentialFacets(query.filter, lang);
  }
}
