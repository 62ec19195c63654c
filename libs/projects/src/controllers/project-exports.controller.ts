import { AuthUser, CurrentUser, parseListQuery, RawListQuery, Roles, setContentRange } from '@cf/platform';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { PaymentDto } from '../dto/project.dto';
import { EXPORT_FORMATS, EXPORT_LANGUAGES } from '../exports/export-table';
import { parseExportOptions, ProjectExportsService } from '../exports/project-exports.service';
import { PaymentsService } from '../payments.service';
import { PROJECT_READERS } from '../project-access';
import { PROJECT_LIST_SPEC, REPORT_LIST_SPEC } from './projects.controller';

const uuid = z.uuid({ message: 'must be a UUID' });
const calendarDate = z.string().refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD' });

export const PAYMENT_LIST_SPEC = {
  sortable: ['releasedAt', 'amountCents', 'projectTitle', 'institutionName'],
  defaultSort: ['releasedAt', 'DESC'] as [string, 'DESC'],
  filter: z.object({
    q: z.string().max(200).optional(),
    projectId: uuid.optional(),
    fundId: uuid.optional(),
    institutionId: uuid.optional(),
    releasedFrom: calendarDate.optional(),
    releasedTo: calendarDate.optional(),
  }),
};

type ExportQuery = RawListQuery & { format?: unknown; lang?: unknown };

const ExportQueries =
  (filterExample: string): MethodDecorator =>
  (target, key, descriptor) => {
    ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')(target, key, descriptor);
    ApiQuery({ name: 'format', required: true, enum: EXPORT_FORMATS })(target, key, descriptor);
    ApiQuery({ name: 'lang', required: false, enum: EXPORT_LANGUAGES, description: 'default: the user’s language' })(
      target,
      key,
      descriptor,
    );
    ApiQuery({ name: 'filter', required: false, example: filterExample })(target, key, descriptor);
    ApiQuery({ name: 'sort', required: false })(target, key, descriptor);
  };

/**
 * `GET /projects/export`: the projects list as CSV or XLSX. Registered before ProjectsController, so `export` is
 * not read as a project id.
 */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectExportsController {
  constructor(private readonly exports: ProjectExportsService) {}

  @Roles(...PROJECT_READERS)
  @Get('export')
  @ExportQueries('{"fundId":"…","atRisk":true}')
  async export(@CurrentUser() user: AuthUser, @Query() raw: ExportQuery, @Res() res: Response): Promise<void> {
    const options = parseExportOptions(raw, user);
    const query = parseListQuery({ filter: raw.filter, sort: raw.sort }, PROJECT_LIST_SPEC);
    await this.exports.projectsExport(user, query, options, res);
  }
}

/** Payments across projects: the list (officers: every payment; applicants: their institution's) and its export. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('project-payments')
export class ProjectPaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly exports: ProjectExportsService,
  ) {}

  @Roles(...PROJECT_READERS)
  @Get()
  @ApiQuery({ name: 'sort', required: false, example: '["releasedAt","DESC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"fundId":"…","releasedFrom":"2026-01-01"}' })
  @ApiOkResponse({ type: [PaymentDto] })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PaymentDto[]> {
    const query = parseListQuery(raw, PAYMENT_LIST_SPEC);
    const page = await this.payments.search(user, query);
    setContentRange(res, 'project-payments', query.offset, page.items.length, page.total);
    return page.items;
  }

  @Roles(...PROJECT_READERS)
  @Get('export')
  @ExportQueries('{"fundId":"…"}')
  async export(@CurrentUser() user: AuthUser, @Query() raw: ExportQuery, @Res() res: Response): Promise<void> {
    const options = parseExportOptions(raw, user);
    const query = parseListQuery({ filter: raw.filter, sort: raw.sort }, PAYMENT_LIST_SPEC);
    await this.exports.paymentsExport(user, query, options, res);
  }
}

/** `GET /project-reports/export`: the reports list as CSV or XLSX. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('project-reports')
export class ProjectReportExportsController {
  constructor(private readonly exports: ProjectExportsService) {}

  @Roles(...PROJECT_READERS)
  @Get('export')
  @ExportQueries('{"overdue":true}')
  async export(@CurrentUser() user: AuthUser, @Query() raw: ExportQuery, @Res() res: Response): Promise<void> {
    const options = parseExportOptions(raw, user);
    const query = parseListQuery({ filter: raw.filter, sort: raw.sort }, REPORT_LIST_SPEC);
    await this.exports.reportsExport(user, query, options, res);
  }
}
