import { AuditService, diff } from '@cf/audit';
import { AuthUser, ConflictError, likePattern, ListQuery, NotFoundError, Page } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerOrganizationEntity } from '../proposal.entity';
import { CreatePartnerOrganizationDto, PartnerOrganizationDto, UpdatePartnerOrganizationDto } from './partner-organization.dto';

export interface PartnerOrganizationFilter {
  id?: string[];
  q?: string;
  kind?: string;
  sector?: string;
  region?: string;
}

const SORT: Record<string, string> = { name: 'o.name', kind: 'o.kind', sector: 'o.sector', region: 'o.region', size: 'o.size' };

/**
 * Employers, industry associations, training providers and community organizations: a shared
 * directory (one record per organization, so reviewers' conflicts of interest can match them).
 * Applicants add the organizations they partner with; officers curate the directory.
 */
@Injectable()
export class PartnerOrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<PartnerOrganizationFilter>): Promise<Page<PartnerOrganizationEntity>> {
    const qb = this.dataSource.getRepository(PartnerOrganizationEntity).createQueryBuilder('o');
    const f = query.filter;
    if (f.id) qb.andWhere('o.id = ANY(:ids::uuid[])', { ids: f.id });
    if (f.q?.trim()) qb.andWhere('o.name ILIKE :q', { q: likePattern(f.q.trim()) });
    if (f.kind) qb.andWhere('o.kind = :kind', { kind: f.kind });
    if (f.sector) qb.andWhere('o.sector = :sector', { sector: f.sector });
    if (f.region) qb.andWhere('o.region = :region', { region: f.region });
    qb.orderBy(SORT[query.sort.field] ?? 'o.name', query.sort.order).addOrderBy('o.id', 'ASC');
    const [items, total] = await qb.skip(query.offset).take(query.limit).getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<PartnerOrganizationEntity> {
    const o = await this.dataSource.getRepository(PartnerOrganizationEntity).findOneBy({ id });
    if (!o) throw new NotFoundError('Partner organization', id);
    return o;
  }

  async create(actor: AuthUser, dto: CreatePartnerOrganizationDto): Promise<PartnerOrganizationEntity> {
    return this.dataSource.transaction(async (m) => {
      const name = dto.name.trim().replace(/\s+/g, ' ');
      await this.assertNameFree(m, name, null);
      const saved = await m.getRepository(PartnerOrganizationEntity).save(m.create(PartnerOrganizationEntity, { ...dto, name }));
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'partner_organization.create',
        entityType: 'partner_organization',
        entityId: saved.id,
        changes: diff({}, this.auditable(saved)),
      });
      return m.getRepository(PartnerOrganizationEntity).findOneByOrFail({ id: saved.id });
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdatePartnerOrganizationDto): Promise<PartnerOrganizationEntity> {
    return this.dataSource.transaction(async (m) => {
      const o = await m.getRepository(PartnerOrganizationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!o) throw new NotFoundError('Partner organization', id);
      if (o.version !== dto.version) {
        throw new ConflictError('STALE_VERSION', `version: this organization changed since you read it (now ${o.version})`, {
          current: PartnerOrganizationDto.from(o),
        });
      }
      const name = dto.name.trim().replace(/\s+/g, ' ');
      await this.assertNameFree(m, name, id);
      const before = this.auditable(o);
      Object.assign(o, { name, kind: dto.kind, sector: dto.sector, region: dto.region, size: dto.size, version: o.version + 1 });
      const saved = await m.getRepository(PartnerOrganizationEntity).save(o);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'partner_organization.update',
        entityType: 'partner_organization',
        entityId: id,
        changes: diff(before, this.auditable(saved)),
      });
      return saved;
    });
  }

  private async assertNameFree(m: EntityManager, name: string, exceptId: string | null): Promise<void> {
    const [row] = await m.query(`SELECT id FROM partner_organizations WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2`, [
      name,
      exceptId,
    ]);
    if (row) {
      throw new ConflictError(
        'NAME_TAKEN',
        'name: an organization with this name is already in the directory; choose it instead',
        {
          errors: [{ field: 'name', reason: 'is already in the directory' }],
          existingId: row.id,
        },
      );
    }
  }

  private auditable(o: PartnerOrganizationEntity): Record<string, unknown> {
    return { name: o.name, kind: o.kind, sector: o.sector, region: o.region, size: o.size };
  }
}
