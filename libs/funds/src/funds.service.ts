import { AuditService, diff } from '@cf/audit';
import {
  AuthUser,
  Clock,
  ConflictError,
  FieldProblem,
  likePattern,
  ListQuery,
  NotFoundError,
  Page,
  ValidationFailedError,
} from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FundDto, SaveFundDto } from './fund.dto';
import { FundCriterionEntity } from './fund-criterion.entity';
import { FundEntity, FundStatus } from './fund.entity';

export interface FundFilter {
  id?: string[];
  q?: string;
  status?: FundStatus;
}

const SORT: Record<string, string> = {
  code: 'f.code',
  closesAt: 'f.closes_at',
  opensAt: 'f.opens_at',
  status: 'f.status',
  createdAt: 'f.created_at',
};
const STAFF = ['admin', 'program_officer', 'approver', 'reviewer'];

@Injectable()
export class FundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    readonly clock: Clock,
  ) {}

  /** Applicants see funds that are not drafts; staff see all. */
  async list(user: AuthUser, query: ListQuery<FundFilter>): Promise<Page<FundEntity>> {
    const qb = this.dataSource.getRepository(FundEntity).createQueryBuilder('f').leftJoinAndSelect('f.criteria', 'c');
    const f = query.filter;
    if (!user.roles.some((r) => STAFF.includes(r))) qb.andWhere(`f.status <> 'draft'`);
    if (f.id) qb.andWhere('f.id IN (:...ids)', { ids: f.id.length ? f.id : ['00000000-0000-0000-0000-000000000000'] });
    if (f.q) qb.andWhere('(f.code ILIKE :q OR f.name_en ILIKE :q OR f.name_fr ILIKE :q)', { q: likePattern(f.q) });
    if (f.status) qb.andWhere('f.status = :status', { status: f.status });
    qb.orderBy(SORT[query.sort.field] ?? 'f.closes_at', query.sort.order).addOrderBy('f.id', 'ASC');
    const [items, total] = await qb.skip(query.offset).take(query.limit).getManyAndCount();
    return { items, total };
  }

  async get(user: AuthUser | null, id: string): Promise<FundEntity> {
    const fund = await this.find(this.dataSource.manager, id);
    if (!fund || (fund.status === 'draft' && !(user?.roles.some((r) => STAFF.includes(r)) ?? false)))
      throw new NotFoundError('Fund', id);
    return fund;
  }

  /** For other contexts, within their transaction. */
  find(manager: EntityManager, id: string): Promise<FundEntity | null> {
    // one query (findOne with a relation adds a DISTINCT query of the ids first)
    return manager
      .getRepository(FundEntity)
      .createQueryBuilder('f')
      .leftJoinAndSelect('f.criteria', 'c')
      .where('f.id = :id', { id })
      .getOne();
  }

  async create(actor: AuthUser, dto: SaveFundDto): Promise<FundEntity> {
    this.check(dto);
    return this.dataSource.transaction(async (m) => {
      if (await m.getRepository(FundEntity).existsBy({ code: dto.code })) {
        throw new ConflictError('CODE_TAKEN', 'code: another fund has this code', {
          errors: [{ field: 'code', reason: 'is already taken' }],
        });
      }
      const fund = m.create(FundEntity, { ...this.columns(dto), criteria: this.criteria(dto) });
      const saved = await m.getRepository(FundEntity).save(fund);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'fund.create',
        entityType: 'fund',
        entityId: saved.id,
        changes: diff({}, this.auditable(saved)),
      });
      return (await this.find(m, saved.id))!;
    });
  }

  async update(actor: AuthUser, id: string, dto: SaveFundDto): Promise<FundEntity> {
    this.check(dto);
    return this.dataSource.transaction(async (m) => {
      const fund = await m.getRepository(FundEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!fund) throw new NotFoundError('Fund', id);
      const current = (await this.find(m, id))!;
      if (dto.version !== undefined && dto.version !== current.version) {
        throw new ConflictError('STALE_VERSION', `version: this fund changed since you read it (now ${current.version})`, {
          current: FundDto.from(current, this.clock.now()),
        });
      }
      const before = this.auditable(current);
      if (dto.code !== current.code && (await m.getRepository(FundEntity).existsBy({ code: dto.code }))) {
        throw new ConflictError('CODE_TAKEN', 'code: another fund has this code', {
          errors: [{ field: 'code', reason: 'is already taken' }],
        });
      }
      const criteriaChanged =
        JSON.stringify(this.criteriaKey(current.criteria)) !== JSON.stringify(this.criteriaKey(this.criteria(dto)));
      if (criteriaChanged) {
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM proposals WHERE fund_id = $1 AND submitted_version > 0`, [
          id,
        ]);
        if (n > 0) {
          throw new ConflictError(
            'FUND_IN_USE',
            'criteria: proposals were already submitted against these criteria; they can no longer change',
            {
              errors: [{ field: 'criteria', reason: 'cannot change after the first submission' }],
            },
          );
        }
        await m.delete(FundCriterionEntity, { fundId: id });
        await m.getRepository(FundCriterionEntity).save(this.criteria(dto).map((c) => ({ ...c, fundId: id })));
      }
      await m
        .getRepository(FundEntity)
        .update({ id }, { ...this.columns(dto), version: () => 'version + 1', updatedAt: () => 'now()' } as never);
      const saved = (await this.find(m, id))!;
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'fund.update',
        entityType: 'fund',
        entityId: id,
        changes: diff(before, this.auditable(saved)),
      });
      return saved;
    });
  }

  private check(dto: SaveFundDto): void {
    const problems: FieldProblem[] = [];
    const opens = new Date(dto.opensAt);
    const closes = new Date(dto.closesAt);
    if (closes.getTime() <= opens.getTime()) problems.push({ field: 'closesAt', reason: 'must be after opensAt' });
    if (dto.launchEarliest && dto.launchLatest && dto.launchLatest < dto.launchEarliest)
      problems.push({ field: 'launchLatest', reason: 'must not be before launchEarliest' });
    if ((dto.capSingleCents ?? 5_000_000) > (dto.capStackCents ?? 30_000_000))
      problems.push({ field: 'capSingleCents', reason: 'must not exceed capStackCents' });
    const codes = new Set<string>();
    dto.criteria.forEach((c, i) => {
      if (codes.has(c.code)) problems.push({ field: `criteria.${i}.code`, reason: 'is used twice' });
      codes.add(c.code);
      if (c.scaleMax <= c.scaleMin) problems.push({ field: `criteria.${i}.scaleMax`, reason: 'must be greater than scaleMin' });
    });
    if (problems.length) throw new ValidationFailedError(problems);
  }

  private columns(dto: SaveFundDto): Partial<FundEntity> {
    return {
      code: dto.code,
      nameEn: dto.nameEn.trim(),
      nameFr: dto.nameFr.trim(),
      descriptionEn: dto.descriptionEn ?? '',
      descriptionFr: dto.descriptionFr ?? '',
      envelopeCents: dto.envelopeCents,
      opensAt: new Date(dto.opensAt),
      closesAt: new Date(dto.closesAt),
      timeZone: dto.timeZone ?? 'America/Toronto',
      eligibleInstitutionTypes: dto.eligibleInstitutionTypes,
      capSingleCents: dto.capSingleCents ?? 5_000_000,
      capStackCents: dto.capStackCents ?? 30_000_000,
      stackMinCredentials: dto.stackMinCredentials ?? 5,
      submissionsPerInstitution: dto.submissionsPerInstitution ?? 1,
      targetCredentials: dto.targetCredentials ?? 250,
      launchEarliest: dto.launchEarliest ?? null,
      launchLatest: dto.launchLatest ?? null,
      status: dto.status,
    };
  }

  private criteria(dto: SaveFundDto): FundCriterionEntity[] {
    return dto.criteria.map((c, position) => Object.assign(new FundCriterionEntity(), { ...c, position }));
  }

  private criteriaKey(criteria: FundCriterionEntity[]) {
    return [...criteria]
      .sort((a, b) => a.position - b.position)
      .map(({ code, position, titleEn, titleFr, guidanceEn, guidanceFr, weight, scaleMin, scaleMax }) => ({
        code,
        position,
        titleEn,
        titleFr,
        guidanceEn,
        guidanceFr,
        weight: Number(weight),
        scaleMin,
        scaleMax,
      }));
  }

  private auditable(f: FundEntity): Record<string, unknown> {
    return {
      ...this.columns({
        ...f,
        opensAt: f.opensAt.toISOString(),
        closesAt: f.closesAt.toISOString(),
        criteria: [],
      } as unknown as SaveFundDto),
      opensAt: f.opensAt.toISOString(),
      closesAt: f.closesAt.toISOString(),
      criteria: this.criteriaKey(f.criteria ?? []),
    };
  }
}
