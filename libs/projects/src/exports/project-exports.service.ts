import { AuthUser, Clock, DomainError, FieldProblem, ListQuery, ValidationFailedError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { today } from '../domain/overdue-policy';
import { PaymentFilter, PaymentsService } from '../payments.service';
import { ProjectFilter, ProjectsService } from '../projects.service';
import { ReportFilter, ReportsService } from '../reports.service';
import { PAYMENTS_EXPORT, PROJECTS_EXPORT, REPORTS_EXPORT } from './export-datasets';
import { EXPORT_FORMATS, EXPORT_LANGUAGES, ExportDataset, ExportFormat, ExportLanguage } from './export-table';
import { writeCsv, writeXlsx } from './export-writer';

/** The most rows one export holds; a larger selection answers 413 EXPORT_TOO_LARGE (narrow the filter). */
export const EXPORT_MAX_ROWS = 50_000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportOptions {
  format: ExportFormat;
  lang: ExportLanguage;
}

/**
 * `format` (csv or xlsx, required) and `lang` (en or fr; the user's preferred language when absent): 400
 * VALIDATION_FAILED naming each bad one.
 */
export function parseExportOptions(raw: { format?: unknown; lang?: unknown }, user: AuthUser): ExportOptions {
  const problems: FieldProblem[] = [];
  const format = raw.format;
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    problems.push({ field: 'format', reason: `must be one of: ${EXPORT_FORMATS.join(', ')}` });
  }
  const lang = raw.lang === undefined || raw.lang === '' ? user.preferredLanguage : raw.lang;
  if (typeof lang !== 'string' || !(EXPORT_LANGUAGES as readonly string[]).includes(lang)) {
    problems.push({ field: 'lang', reason: `must be one of: ${EXPORT_LANGUAGES.join(', ')}` });
  }
  if (problems.length) throw new ValidationFailedError(problems);
  return { format: format as ExportFormat, lang: lang as ExportLanguage };
}

/**
 * The exports of projects, payments and reports (issue 6): the same selection as the lists (filters, sort), read
 * through the same services, so the record-level rule is the lists' (`ProjectAccess.scope`): staff get every row, an
 * applicant their institution's only. Written as CSV or XLSX with headers and codes in the language asked.
 */
@Injectable()
export class ProjectExportsService {
  constructor(
    private readonly clock: Clock,
    private readonly projects: ProjectsService,
    private readonly payments: PaymentsService,
    private readonly reports: ReportsService,
  ) {}

  async projectsExport(user: AuthUser, query: ListQuery<ProjectFilter>, options: ExportOptions, res: Response): Promise<void> {
    const page = await this.projects.list(user, this.all(query));
    await this.send(res, PROJECTS_EXPORT, this.checked(page), options);
  }

  async paymentsExport(user: AuthUser, query: ListQuery<PaymentFilter>, options: ExportOptions, res: Response): Promise<void> {
    const page = await this.payments.search(user, this.all(query));
    await this.send(res, PAYMENTS_EXPORT, this.checked(page), options);
  }

  async reportsExport(user: AuthUser, query: ListQuery<ReportFilter>, options: ExportOptions, res: Response): Promise<void> {
    const page = await this.reports.search(user, this.all(query));
    await this.send(res, REPORTS_EXPORT, this.checked(page), options);
  }

  /** The whole selection: one query, so the file is one consistent read. */
  private all<F>(query: ListQuery<F>): ListQuery<F> {
    return { ...query, offset: 0, limit: EXPORT_MAX_ROWS + 1 };
  }

  private checked<T>(page: { items: T[]; total: number }): T[] {
    if (page.items.length > EXPORT_MAX_ROWS) {
      throw new DomainError(
        'EXPORT_TOO_LARGE',
        `The selection has ${page.total} rows; an export holds at most ${EXPORT_MAX_ROWS}: narrow the filter`,
        413,
        { total: page.total, maxRows: EXPORT_MAX_ROWS },
      );
    }
    return page.items;
  }

  private async send<T>(res: Response, dataset: ExportDataset<T>, rows: T[], { format, lang }: ExportOptions): Promise<void> {
    const fileName = `${dataset.fileName[lang]}-${today(this.clock.now())}.${format}`;
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Content-Language', lang);
    res.setHeader('Cache-Control', 'private, no-store');
    if (format === 'csv') await writeCsv(res, dataset, rows, lang);
    else await writeXlsx(res, dataset, rows, lang);
  }
}
