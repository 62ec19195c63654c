import { Clock, parseListQuery, RawListQuery } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { toCsv } from './domain/csv';
import { Dataset, MICRO_CREDENTIALS_DATASET, PROJECTS_DATASET } from './domain/open-data-datasets';
import { labelsIn, PublicLanguage } from './domain/public-labels';
import { PublicCatalogueService } from './public-catalogue.service';
import { PUBLIC_MICRO_CREDENTIAL_LIST_SPEC, PUBLIC_PROJECT_LIST_SPEC } from './public-filters';

export const OPEN_DATA_LICENCE = {
  name: 'Open Government Licence – Ontario',
  url: 'https://www.ontario.ca/page/open-government-licence-ontario',
};

/** A download: its file name, media type and body. */
export interface OpenDataFile {
  fileName: string;
  contentType: string;
  body: string;
}

type Format = 'csv' | 'json';

/**
 * The open data downloads: the published projects and micro-credentials as CSV (UTF-8 with a BOM, headers and labels
 * in the requested language, columns in a stable order) or JSON (codes, with the field list and the labels).
 */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly catalogue: PublicCatalogueService,
    private readonly clock: Clock,
  ) {}

  /** What can be downloaded, in a language. */
  index(lang: PublicLanguage) {
    return {
      lang,
      licence: OPEN_DATA_LICENCE,
      datasets: [PROJECTS_DATASET as Dataset<unknown>, MICRO_CREDENTIALS_DATASET as Dataset<unknown>].map((d) => ({
        name: d.name,
        title: d.title[lang],
        description: d.description[lang],
        formats: (['csv', 'json'] as const).map((format) => ({
          format,
          url: `/api/public/open-data/${d.name}.${format}?lang=${lang}`,
        })),
        columns: d.columns.map((c) => ({ key: c.key, header: c.header[lang] })),
        fields: this.fields(d, lang),
      })),
    };
  }

  async projects(format: Format, lang: PublicLanguage, raw: RawListQuery): Promise<OpenDataFile> {
    const query = parseListQuery({ filter: raw.filter, sort: raw.sort }, PUBLIC_PROJECT_LIST_SPEC);
    const records = await this.catalogue.projects(query.filter, query.sort);
    return this.file(PROJECTS_DATASET, format, lang, records);
  }

  async microCredentials(format: Format, lang: PublicLanguage, raw: RawListQuery): Promise<OpenDataFile> {
    const query = parseListQuery({ filter: raw.filter, sort: raw.sort }, PUBLIC_MICRO_CREDENTIAL_LIST_SPEC);
    const records = await this.catalogue.microCredentials(query.filter, query.sort);
    return this.file(MICRO_CREDENTIALS_DATASET, format, lang, records);
  }

  private file<T>(dataset: Dataset<T>, format: Format, lang: PublicLanguage, records: T[]): OpenDataFile {
    const now = this.clock.now();
    const fileName = `${dataset.name}-${now.toISOString().slice(0, 10)}-${lang}.${format}`;
    if (format === 'csv') {
      return {
        fileName,
        contentType: 'text/csv; charset=utf-8',
        body: toCsv(
          dataset.columns.map((c) => c.header[lang]),
          records.map((r) => dataset.columns.map((c) => c.cell(r, lang))),
        ),
      };
    }
    const labels = Object.fromEntries(
      Object.entries(labelsIn(lang)).map(([group, codes]) => [
        group,
        Object.entries(codes).map(([code, label]) => ({ code, label })),
      ]),
    );
    const document = {
      dataset: dataset.name,
      title: dataset.title[lang],
      description: dataset.description[lang],
      lang,
      generatedAt: now.toISOString(),
      licence: OPEN_DATA_LICENCE,
      count: records.length,
      fields: this.fields(dataset, lang),
      labels,
      records,
    };
    return { fileName, contentType: 'application/json; charset=utf-8', body: JSON.stringify(document) };
  }

  private fields<T>(dataset: Dataset<T>, lang: PublicLanguage) {
    return dataset.fields.map((f) => ({
      name: f.name,
      type: f.type,
      ...(f.labels ? { labels: f.labels } : {}),
      description: f.description[lang],
    }));
  }
}
