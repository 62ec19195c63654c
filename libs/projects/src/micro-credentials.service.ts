import { AuditService } from '@cf/audit';
import { AuthUser, Clock, ConflictError, likePattern, ListQuery, NotFoundError, Page, ValidationFailedError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { microCredentialProblems, OsapStatus } from './domain/micro-credential-rules';
import { today } from './domain/overdue-policy';
import { MicroCredentialDto, ProjectMicroCredentialInput, UpdateProjectMicroCredentialDto } from './dto/project.dto';
import { ProjectAccess, ProjectRef } from './project-access';
import { MICRO_CREDENTIAL_SELECT, MicroCredentialRow, toMicroCredentialDto } from './project.queries';

export interface MicroCredentialFilter {
  id?: string[];
  q?: string;
  projectId?: string;
  fundId?: string;
  institutionId?: string;
  sector?: string;
  deliveryMode?: string;
  osapStatus?: OsapStatus;
  region?: string;
  launched?: boolean;
}

const SORTS: Record<string, string> = {
  title: 'mc.title',
  launchedOn: 'mc.launched_on',
  enrolled: 'mc.enrolled',
  hours: 'mc.hours',
  osapStatus: 'mc.osap_status',
  institutionName: 'i.name',
  updatedAt: 'mc.updated_at',
};

/** The columns an institution maintains, in the order of the INSERT/UPDATE below. */
function values(d: ProjectMicroCredentialInput): unknown[] {
  return [
    d.title.trim(),
    d.sector,
    d.areaOfFocus.trim(),
    d.deliveryMode,
    d.hours,
    d.plannedLaunchOn ?? null,
    d.launchedOn ?? null,
    d.osapStatus,
    d.osapStatusOn ?? null,
    d.expectedEnrolment,
    d.enrolled,
    d.completed,
    d.workIntegratedLearning,
    d.stackable,
  ];
}

const FIELDS = [
  'title',
  'sector',
  'areaOfFocus',
  'deliveryMode',
  'hours',
  'plannedLaunchOn',
  'launchedOn',
  'osapStatus',
  'osapStatusOn',
  'expectedEnrolment',
  'enrolled',
  'completed',
  'workIntegratedLearning',
  'stackable',
] as const;

/**
 * The funded micro-credentials of each project (seeded from the proposal as submitted): the institution keeps them
 * current (launch, delivery, hours, OSAP status, enrolments); officers read. Also the cross-project list the
 * catalogue and the exports read.
 */
@Injectable()
export class MicroCredentialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
  ) {}

  async list(user: AuthUser, projectId: string): Promise<MicroCredentialDto[]> {
    const m = this.dataSource.manager;
    await this.access.loadReadable(m, user, projectId);
    const rows: MicroCredentialRow[] = await m.query(
      `${MICRO_CREDENTIAL_SELECT} WHERE mc.project_id = $1 ORDER BY mc.created_at, mc.id`,
      [projectId],
    );
    const d = today(this.clock.now());
    return rows.map((r) => toMicroCredentialDto(r, d));
  }

  async search(user: AuthUser, query: ListQuery<MicroCredentialFilter>): Promise<Page<MicroCredentialDto>> {
    const d = today(this.clock.now());
    const params: unknown[] = [];
    const where = [this.access.scope(user, params, 'pr'), `pr.status <> 'cancelled'`];
    const f = query.filter;
    if (f.id) where.push(`mc.id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.q) {
      const i = params.push(likePattern(f.q));
      where.push(`(mc.title ILIKE $${i} OR mc.area_of_focus ILIKE $${i} OR i.name ILIKE $${i})`);
    }
    if (f.projectId) where.push(`mc.project_id = $${params.push(f.projectId)}`);
    if (f.fundId) where.push(`pr.fund_id = $${params.push(f.fundId)}`);
    if (f.institutionId) where.push(`pr.institution_id = $${params.push(f.institutionId)}`);
    if (f.sector) where.push(`mc.sector = $${params.push(f.sector)}`);
    if (f.deliveryMode) where.push(`mc.delivery_mode = $${params.push(f.deliveryMode)}`);
    if (f.osapStatus) where.push(`mc.osap_status = $${params.push(f.osapStatus)}`);
    if (f.region) where.push(`i.region = $${params.push(f.region)}`);
    if (f.launched !== undefined) {
      const launched = `coalesce(mc.launched_on <= $${params.push(d)}::date, false)`;
      where.push(f.launched ? launched : `NOT ${launched}`);
    }
    const m = this.dataSource.manager;
    const sql = `${MICRO_CREDENTIAL_SELECT} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM (${sql}) c`, params);
    const rows: MicroCredentialRow[] = await m.query(
      `${sql} ORDER BY ${SORTS[query.sort.field] ?? 'mc.title'} ${query.sort.order} NULLS LAST, mc.id LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    return { items: rows.map((r) => toMicroCredentialDto(r, d)), total };
  }

  async create(user: AuthUser, projectId: string, dto: ProjectMicroCredentialInput): Promise<MicroCredentialDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadOwn(m, user, projectId);
      this.assertEditable(p);
      this.check(dto);
      const [row] = await m.query(
        `INSERT INTO project_micro_credentials (project_id, title, sector, area_of_focus, delivery_mode, hours, planned_launch_on,
                launched_on, osap_status, osap_status_on, expected_enrolment, enrolled, completed, work_integrated_learning, stackable)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [projectId, ...values(dto)],
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: 'project.micro_credential_create',
        entityType: 'project_micro_credential',
        entityId: row.id,
        changes: { projectId, ...Object.fromEntries(FIELDS.map((k) => [k, dto[k] ?? null])) },
      });
      return this.read(m, row.id);
    });
  }

  async update(user: AuthUser, projectId: string, id: string, dto: UpdateProjectMicroCredentialDto): Promise<MicroCredentialDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadOwn(m, user, projectId);
      this.assertEditable(p);
      const [current] = await m.query(
        `SELECT version FROM project_micro_credentials WHERE id = $1 AND project_id = $2 FOR UPDATE`,
        [id, projectId],
      );
      if (!current) throw new NotFoundError('Micro-credential', id);
      if (current.version !== dto.version) {
        throw new ConflictError('STALE_VERSION', 'The micro-credential changed since it was read; reload it', {
          current: current.version,
        });
      }
      this.check(dto);
      const before = await this.read(m, id);
      await m.query(
        `UPDATE project_micro_credentials SET title = $2, sector = $3, area_of_focus = $4, delivery_mode = $5, hours = $6,
                planned_launch_on = $7, launched_on = $8, osap_status = $9, osap_status_on = $10, expected_enrolment = $11,
                enrolled = $12, completed = $13, work_integrated_learning = $14, stackable = $15, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, ...values(dto)],
      );
      const after = await this.read(m, id);
      const changes = Object.fromEntries(
        FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [
          k,
          { from: before[k], to: after[k] },
        ]),
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: 'project.micro_credential_update',
        entityType: 'project_micro_credential',
        entityId: id,
        changes: { projectId, ...changes },
      });
      return after;
    });
  }

  private check(dto: ProjectMicroCredentialInput): void {
    const problems = microCredentialProblems(
      {
        launchedOn: dto.launchedOn ?? null,
        osapStatus: dto.osapStatus,
        osapStatusOn: dto.osapStatusOn ?? null,
        enrolled: dto.enrolled,
        completed: dto.completed,
      },
      today(this.clock.now()),
    );
    if (problems.length) throw new ValidationFailedError(problems);
  }

  /** Records stay open after closing (outcomes keep coming), not once the project is cancelled. */
  private assertEditable(p: ProjectRef): void {
    if (p.status === 'cancelled') throw new ConflictError('PROJECT_CANCELLED', 'The project is cancelled', { status: p.status });
  }

  private async read(m: EntityManager, id: string): Promise<MicroCredentialDto> {
    const [row] = await m.query(`${MICRO_CREDENTIAL_SELECT} WHERE mc.id = $1`, [id]);
    if (!row) throw new NotFoundError('Micro-credential', id);
    return toMicroCredentialDto(row, today(this.clock.now()));
  }
}
