import { AuditService, diff } from '@cf/audit';
import { ConflictError, likePattern, ListQuery, NotFoundError, Page } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SaveInstitutionDto } from './institution.dto';
import { InstitutionEntity, InstitutionType, OntarioRegion } from './institution.entity';

export interface InstitutionFilter {
  id?: string[];
  q?: string;
  type?: InstitutionType;
  region?: OntarioRegion;
}

const SORT_COLUMNS: Record<string, string> = { name: 'i.name', type: 'i.type', region: 'i.region', createdAt: 'i.created_at' };

@Injectable()
export class InstitutionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<InstitutionFilter>): Promise<Page<InstitutionEntity>> {
    const qb = this.dataSource.getRepository(InstitutionEntity).createQueryBuilder('i');
    const f = query.filter;
    if (f.id) qb.andWhere('i.id IN (:...ids)', { ids: f.id.length ? f.id : ['00000000-0000-0000-0000-000000000000'] });
    if (f.q) qb.andWhere('i.name ILIKE :q', { q: likePattern(f.q) });
    if (f.type) qb.andWhere('i.type = :type', { type: f.type });
    if (f.region) qb.andWhere('i.region = :region', { region: f.region });
    qb.orderBy(SORT_COLUMNS[query.sort.field] ?? 'i.name', query.sort.order).addOrderBy('i.id', 'ASC');
    const [items, total] = await qb.skip(query.offset).take(query.limit).getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<InstitutionEntity> {
    const found = await this.dataSource.getRepository(InstitutionEntity).findOneBy({ id });
    if (!found) throw new NotFoundError('Institution', id);
    return found;
  }

  /** For other contexts: whether an institution exists (within their transaction). */
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.getRepository(InstitutionEntity).existsBy({ id });
  }

  async create(actorId: string, dto: SaveInstitutionDto): Promise<InstitutionEntity> {
    return this.dataSource.transaction(async (m) => {
      await this.assertNameFree(m, dto.name);
      const saved = await m.getRepository(InstitutionEntity).save(m.create(InstitutionEntity, { ...dto, name: dto.name.trim() }));
      await this.audit.record(m, {
        actorId,
        action: 'institution.create',
        entityType: 'institution',
        entityId: saved.id,
        changes: diff({}, { ...dto }),
      });
      return saved;
    });
  }

  async update(actorId: string, id: string, dto: SaveInstitutionDto): Promise<InstitutionEntity> {
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(InstitutionEntity);
      const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundError('Institution', id);
      if (current.name.toLowerCase() !== dto.name.trim().toLowerCase()) await this.assertNameFree(m, dto.name);
      const before = { name: current.name, type: current.type, region: current.region, address: current.address };
      Object.assign(current, { ...dto, name: dto.name.trim() });
      const saved = await repo.save(current);
      await this.audit.record(m, {
        actorId,
        action: 'institution.update',
        entityType: 'institution',
        entityId: id,
        changes: diff(before, { ...dto, name: dto.name.trim() }),
      });
      return saved;
    });
  }

  private async assertNameFree(m: EntityManager, name: string): Promise<void> {
    const taken = await m
      .getRepository(InstitutionEntity)
      .createQueryBuilder('i')
      .where('lower(i.name) = lower(:name)', { name: name.trim() })
      .getExists();
    if (taken)
      throw new ConflictError('NAME_TAKEN', 'name: another institution already has this name', {
        errors: [{ field: 'name', reason: 'is already taken' }],
      });
  }
}
