import { Public, RawListQuery } from '@cf/platform';
import { Controller, Get, Header, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OpenDataFile, OpenDataService } from './open-data.service';
import { parseLang } from './public-filters';
import { PUBLIC_CACHE_CONTROL, PublicRateLimitGuard } from './public-rate-limit.guard';

type DownloadQuery = RawListQuery & { lang?: unknown };

function send(res: Response, file: OpenDataFile, attachment: boolean): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `${attachment ? 'attachment' : 'inline'}; filename="${file.fileName}"`);
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.status(200).send(file.body);
}

/**
 * Open data: the published funded projects and micro-credentials, CSV or JSON, English or French (`lang`), the whole
 * set or a selection (`filter`, `sort` as in the lists). Without login.
 */
@ApiTags('public')
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('public/open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get()
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'fr'] })
  @ApiOkResponse({ description: 'The datasets, their downloads, CSV columns and JSON fields' })
  index(@Query() raw: DownloadQuery) {
    return this.openData.index(parseLang(raw.lang));
  }

  @Get('projects.csv')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'fr'] })
  @ApiQuery({ name: 'filter', required: false, example: '{"region":"northern"}' })
  async projectsCsv(@Query() raw: DownloadQuery, @Res() res: Response): Promise<void> {
    send(res, await this.openData.projects('csv', parseLang(raw.lang), raw), true);
  }

  @Get('projects.json')
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'fr'] })
  @ApiQuery({ name: 'filter', required: false, example: '{"region":"northern"}' })
  async projectsJson(@Query() raw: DownloadQuery, @Res() res: Response): Promise<void> {
    send(res, await this.openData.projects('json', parseLang(raw.lang), raw), false);
  }

  @Get('micro-credentials.csv')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'fr'] })
  @ApiQuery({ name: 'filter', required: false, example: '{"osapStatus":"approved"}' })
  async microCredentialsCsv(@Query() raw: DownloadQuery, @Res() res: Response): Promise<void> {
    send(res, await this.openData.microCredentials('csv', parseLang(raw.lang), raw), true);
  }

  @Get('micro-credentials.json')
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'fr'] })
  @ApiQuery({ name: 'filter', required: false, example: '{"osapStatus":"approved"}' })
  async microCredentialsJson(@Query() raw: DownloadQuery, @Res() res: Response): Promise<void> {
    send(res, await this.openData.microCredentials('json', parseLang(raw.lang), raw), false);
  }
}
