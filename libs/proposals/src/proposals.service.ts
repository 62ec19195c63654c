import { AuditService } from '@cf/audit';
import { FundEntity, FundsService } from '@cf/funds';
import { InstitutionEntity } from '@cf/institutions';
import {
  AuthUser,
  Clock,
  ConflictError,
  DomainError,
  FieldProblem,
  formatZoned,
  likePattern,
  ListQuery,
  NotFoundError,
  Page,
  ValidationFailedError,
} from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { applicantWindow } from './domain/deadline-policy';
import { FundRules, SubmissionFacts, submissionProblems } from './domain/completeness';
import { ProposalContent, totals } from './domain/proposal-content';
import { EDITABLE_STATUSES, ProposalStatus } from './domain/proposal-status';
import { CreateProposalDto, ProposalDto, UpdateProposalDto } from './dto/proposal.dto';
import { ProposalAccess } from './proposal-access';
import {
  AttachmentEntity,
  ExtensionEntity,
  PartnerOrganizationEntity,
  ProposalEntity,
  SubmissionEntity,
} from './proposal.entity';
import { contentOf, deadlineContext, ProposalContext, ProposalContextLoader, toProposalDto } from './proposal-view';

export interface ProposalFilter {
  id?: string[];
  q?: string;
  status?: ProposalStatus;
  fundId?: string;
  institutionId?: string;
  institutionType?: string;
  region?: string;
  sector?: string;
}

/** Sort columns that may be null (they sort last, whichever the direction); the others are NOT NULL. */
const NULLABLE_SORTS = new Set(['trackingNumber', 'lastSubmittedAt']);

export const PROPOSAL_SORT: Record<string, string> = {
  updatedAt: 'p.updated_at',
  createdAt: 'p.created_at',
  title: 'p.title',
  status: 'p.status',
  trackingNumber: 'p.tracking_number',
  lastSubmittedAt: 'p.last_submitted_at',
  requestedCents: 'p.requested_cents',
};

const CONTENT_FIELDS = [
  'title',
  'summary',
  'sectors',
  'areasOfFocus',
  'regionsServed',
  'microCredentials',
  'partners',
  'budget',
  'narratives',
  'contacts',
] as const;
/** Small fields are audited with their values; long texts and lists only as "changed". */
const AUDIT_VALUES = new Set(['title', 'sectors', 'areasOfFocus', 'regionsServed']);

/** The applicant may act (edit, submit, withdraw, upload) only within the window; 409 otherwise. */
export function assertWindowOpen(ctx: ProposalContext, receivedAt: Date, action: string): 'deadline' | 'extension' {
  const verdict = applicantWindow(deadlineContext(ctx), receivedAt);
  if (verdict.open) return verdict.by;
  const local = formatZoned(verdict.until, ctx.timeZone);
  if (verdict.reason === 'not_open') {
    throw new ConflictError('INTAKE_NOT_OPEN', `The intake opens at ${local} (${ctx.timeZone}); you cannot ${action} yet.`, {
      opensAt: verdict.until.toISOString(),
    });
  }
  throw new ConflictError(
    'DEADLINE_PASSED',
    `The deadline passed at ${local} (${ctx.timeZone}); the server received this request at ${formatZoned(receivedAt, ctx.timeZone)}, so you can no longer ${action}.`,
    { deadline: verdict.until.toISOString(), receivedAt: receivedAt.toISOString() },
  );
}

@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProposalAccess,
    private readonly contexts: ProposalContextLoader,
    private readonly funds: FundsService,
    readonly clock: Clock,
  ) {}

  // ---------------------------------------------------------------- reads

  async list(user: AuthUser, query: ListQuery<ProposalFilter>): Promise<Page<ProposalDto>> {
    // the page and the total at once, on two pooled connections; a plain count(*): the query joins nothing, so
    // TypeORM's COUNT(DISTINCT id) (a sort of every matching id) is not needed
    const [items, total] = await Promise.all([
      this.select(user, query).getMany(),
      this.filtered(user, query.filter)
        .select('count(*)::int', 'total')
        .getRawOne<{ total: number }>()
        .then((r) => r?.total ?? 0),
    ]);
    return { items: await this.toDtos(this.dataSource.manager, items, user), total };
  }

  /** The same selection as list(), unpaged and uncounted, for exports; yields batches to keep memory flat. */
  async *iterate(user: AuthUser, filter: ProposalFilter, sort: ListQuery<ProposalFilter>['sort'], batch = 500) {
    for (let offset = 0; ; offset += batch) {
      const items = await this.select(user, { filter, sort, offset, limit: batch }).getMany();
      if (items.length) yield await this.toDtos(this.dataSource.manager, items, user);
      if (items.length < batch) return;
    }
  }

  /** The proposals this reader may see that match the filter (alias `p`). */
  private filtered(user: AuthUser, filter: ProposalFilter): SelectQueryBuilder<ProposalEntity> {
    const qb = this.dataSource.getRepository(ProposalEntity).createQueryBuilder('p');
    this.access.scope(user, qb);
    this.applyFilter(qb, filter);
    return qb;
  }

  private select(user: AuthUser, query: ListQuery<ProposalFilter>): SelectQueryBuilder<ProposalEntity> {
    const qb = this.filtered(user, query.filter);
    // NULLS LAST only where a column can be null: on a NOT NULL column it would keep the planner off its index
    const field = PROPOSAL_SORT[query.sort.field] ? query.sort.field : 'updatedAt';
    qb.orderBy(PROPOSAL_SORT[field], query.sort.order, NULLABLE_SORTS.has(field) ? 'NULLS LAST' : undefined).addOrderBy(
      'p.id',
      'ASC',
    );
    // offset/limit in SQL: nothing is joined, so TypeORM's skip/take (a DISTINCT query of the page's ids first) is
    // not needed
    return qb.offset(query.offset).limit(query.limit);
  }

  private applyFilter(qb: SelectQueryBuilder<ProposalEntity>, f: ProposalFilter): void {
    if (f.id) qb.andWhere('p.id = ANY(:ids::uuid[])', { ids: f.id });
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.fundId) qb.andWhere('p.fund_id = :fundId', { fundId: f.fundId });
    if (f.institutionId) qb.andWhere('p.institution_id = :institutionId', { institutionId: f.institutionId });
    // the institution's columns through subqueries (institutions are few): no join, so a count reads proposals only
    // `= ANY(ARRAY(subquery))`, not `IN (subquery)`: an array the planner can look up in the institution index and
    // combine with the other indexes (an OR with `IN` made it read the whole table)
    if (f.institutionType)
      qb.andWhere('p.institution_id = ANY(ARRAY(SELECT id FROM institutions WHERE type = :institutionType))', {
        institutionType: f.institutionType,
      });
    if (f.region)
      qb.andWhere(
        '(p.institution_id = ANY(ARRAY(SELECT id FROM institutions WHERE region = :region)) OR p.regions_served @> ARRAY[:region]::text[])',
        { region: f.region },
      );
    // containment (@>) lets the GIN index on sectors serve the filter; `= ANY(p.sectors)` could not
    if (f.sector) qb.andWhere('p.sectors @> ARRAY[:sector]::text[]', { sector: f.sector });
    if (f.q?.trim()) {
      qb.andWhere(
        `(p.search @@ websearch_to_tsquery('simple', :q) OR p.title ILIKE :like OR p.tracking_number ILIKE :like
          OR p.institution_id = ANY(ARRAY(SELECT id FROM institutions WHERE name ILIKE :like)))`,
        { q: f.q, like: likePattern(f.q.trim()) },
      );
    }
  }

  async get(user: AuthUser, id: string): Promise<ProposalDto> {
    const p = await this.access.loadReadable(this.dataSource.manager, user, id);
    return (await this.toDtos(this.dataSource.manager, [p], user))[0];
  }

  /** Answers proposals as this reader may see them: staff get the latest submitted content. */
  async toDtos(m: EntityManager, items: ProposalEntity[], reader: AuthUser): Promise<ProposalDto[]> {
    const ctx = await this.contexts.load(m, items);
    const now = this.clock.now();
    const overlay = new Map<string, ProposalContent>();
    const changed = items.filter((p) => p.hasUnsubmittedChanges && !this.access.isOwnInstitution(reader, p));
    if (changed.length) {
      const rows: { proposal_id: string; snapshot: ProposalContent }[] = await m.query(
        `SELECT s.proposal_id, s.snapshot FROM proposal_submissions s JOIN proposals p ON p.id = s.proposal_id AND s.version = p.submitted_version
          WHERE s.proposal_id = ANY($1::uuid[])`,
        [changed.map((p) => p.id)],
      );
      for (const r of rows) overlay.set(r.proposal_id, r.snapshot);
    }
    return items.map((p) => {
      const snap = overlay.get(p.id);
      const shown = snap
        ? Object.assign(Object.create(ProposalEntity.prototype) as ProposalEntity, p, pickContent(snap), {
            requestedCents: totals(snap.budget).requestedCents,
            partnerContributionCents: totals(snap.budget).partnerCents,
          })
        : p;
      return toProposalDto(shown, ctx.get(p.id)!, now);
    });
  }

  /** What would block a submit now, per field. */
  async readiness(user: AuthUser, id: string): Promise<{ ready: boolean; problems: FieldProblem[] }> {
    const m = this.dataSource.manager;
    const p = await this.access.loadReadable(m, user, id);
    const problems = await this.problems(m, p);
    return { ready: problems.length === 0, problems };
  }

  async problems(m: EntityManager, p: ProposalEntity): Promise<FieldProblem[]> {
    const fund = (await this.funds.find(m, p.fundId))!;
    const facts = await this.facts(m, p);
    return submissionProblems(contentOf(p), fundRules(fund), facts);
  }

  /** The facts the rules need beyond the proposal's content, in one query. */
  async facts(m: EntityManager, p: ProposalEntity): Promise<SubmissionFacts> {
    const orgIds = [...new Set(p.partners.map((x) => x.partnerOrganizationId))];
    const [r]: { institution_type: string; orgs: { id: string; kind: string }[] | null; letters: string[] | null }[] =
      await m.query(
        `SELECT (SELECT type FROM institutions WHERE id = $1) AS institution_type,
                (SELECT json_agg(json_build_object('id', o.id, 'kind', o.kind)) FROM partner_organizations o
                  WHERE o.id = ANY($2::uuid[])) AS orgs,
                (SELECT array_agg(a.id) FROM attachments a
                  WHERE a.proposal_id = $3 AND a.kind = 'letter_of_support' AND a.deleted_at IS NULL) AS letters`,
        [p.institutionId, orgIds, p.id],
      );
    if (!r.institution_type) throw new NotFoundError('Institution', p.institutionId);
    return {
      institutionType: r.institution_type,
      partnerKinds: new Map((r.orgs ?? []).map((o) => [o.id, o.kind])),
      letterIds: new Set(r.letters ?? []),
    };
  }

  async submissions(user: AuthUser, id: string): Promise<{ items: SubmissionEntity[]; timeZone: string }> {
    const m = this.dataSource.manager;
    const p = await this.access.loadReadable(m, user, id);
    const items = await m.getRepository(SubmissionEntity).find({
      where: { proposalId: p.id },
      order: { version: 'DESC' },
      select: {
        id: true,
        proposalId: true,
        version: true,
        trackingNumber: true,
        submittedAt: true,
        submittedBy: true,
        onTimeBy: true,
      },
    });
    return { items, timeZone: (await this.contexts.loadOne(m, p)).timeZone };
  }

  async submission(user: AuthUser, id: string, version: number): Promise<{ item: SubmissionEntity; timeZone: string }> {
    const m = this.dataSource.manager;
    const p = await this.access.loadReadable(m, user, id);
    const item = await m.getRepository(SubmissionEntity).findOneBy({ proposalId: p.id, version });
    if (!item) throw new NotFoundError('Submission', `${id} v${version}`);
    return { item, timeZone: (await this.contexts.loadOne(m, p)).timeZone };
  }

  async extensions(user: AuthUser, id: string): Promise<{ items: ExtensionEntity[]; timeZone: string }> {
    const m = this.dataSource.manager;
    const p = await this.access.loadReadable(m, user, id);
    const items = await m.getRepository(ExtensionEntity).find({ where: { proposalId: p.id }, order: { grantedAt: 'DESC' } });
    return { items, timeZone: (await this.contexts.loadOne(m, p)).timeZone };
  }

  // ---------------------------------------------------------------- drafts

  async create(user: AuthUser, dto: CreateProposalDto, receivedAt: Date): Promise<ProposalDto> {
    if (!user.institutionId) throw new DomainError('NO_INSTITUTION', 'Your account does not belong to an institution', 403);
    return this.dataSource.transaction(async (m) => {
      const fund = await this.funds.find(m, dto.fundId);
      if (!fund || fund.status === 'draft') {
        throw new ValidationFailedError([{ field: 'fundId', reason: 'no such fund open for proposals' }]);
      }
      const institution = await m.getRepository(InstitutionEntity).findOneByOrFail({ id: user.institutionId! });
      if (!fund.eligibleInstitutionTypes.includes(institution.type)) {
        throw new DomainError(
          'INSTITUTION_NOT_ELIGIBLE',
          `fundId: institutions of type ${institution.type} are not eligible for ${fund.code}`,
          422,
          { errors: [{ field: 'fundId', reason: `institutions of type ${institution.type} are not eligible` }] },
        );
      }
      assertWindowOpen(
        {
          fundCode: fund.code,
          opensAt: fund.opensAt,
          closesAt: fund.closesAt,
          timeZone: fund.timeZone,
          institutionName: institution.name,
          institutionType: institution.type,
          institutionRegion: institution.region,
          extensionUntil: null,
        },
        receivedAt,
        'start a proposal',
      );
      const saved = await m.getRepository(ProposalEntity).save(
        m.create(ProposalEntity, {
          fundId: fund.id,
          institutionId: institution.id,
          status: 'draft',
          title: dto.title?.trim() ?? '',
          createdBy: user.id,
        }),
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: 'proposal.create',
        entityType: 'proposal',
        entityId: saved.id,
        changes: { fundId: { from: null, to: fund.id }, title: { from: null, to: saved.title } },
      });
      const fresh = await m.getRepository(ProposalEntity).findOneByOrFail({ id: saved.id });
      return (await this.toDtos(m, [fresh], user))[0];
    });
  }

  /** Autosave-friendly partial update of the working copy, with optimistic locking. */
  async update(user: AuthUser, id: string, dto: UpdateProposalDto, receivedAt: Date): Promise<ProposalDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.lockOwn(m, user, id);
      if (!EDITABLE_STATUSES.includes(p.status)) {
        throw new ConflictError('NOT_EDITABLE', `A ${p.status} proposal can no longer be changed`, { status: p.status });
      }
      const ctx = await this.contexts.loadOne(m, p);
      assertWindowOpen(ctx, receivedAt, 'change this proposal');
      if (dto.version !== p.version) {
        throw new ConflictError(
          'STALE_VERSION',
          `version: this proposal changed since you read it (you sent version ${dto.version}, it is now ${p.version}); reload it and apply your changes again`,
          { current: toProposalDto(p, ctx, this.clock.now()) },
        );
      }
      const next = this.applyContent(p, dto);
      await this.checkReferences(m, p.id, next);
      const before = contentOf(p);
      const changes: Record<string, unknown> = {};
      for (const k of CONTENT_FIELDS) {
        if (JSON.stringify(before[k]) !== JSON.stringify(next[k])) {
          changes[k] = AUDIT_VALUES.has(k) ? { from: before[k], to: next[k] } : { changed: true };
        }
      }
      if (!Object.keys(changes).length) return toProposalDto(p, ctx, this.clock.now()); // nothing to save
      const sums = totals(next.budget);
      const values = {
        ...next,
        requestedCents: sums.requestedCents,
        partnerContributionCents: sums.partnerCents,
        hasUnsubmittedChanges: p.submittedVersion > 0,
        version: p.version + 1,
      };
      const saved = Object.assign(p, values, { updatedAt: await updateProposal(m, p.id, values) });
      await this.audit.record(m, {
        actorId: user.id,
        action: 'proposal.update',
        entityType: 'proposal',
        entityId: p.id,
        changes,
      });
      return toProposalDto(saved, ctx, this.clock.now());
    });
  }

  private applyContent(p: ProposalEntity, dto: UpdateProposalDto): ProposalContent {
    const withIds = <T extends { id?: string }>(items: T[] | undefined, current: (T & { id: string })[]) =>
      items === undefined ? current : items.map((x) => ({ ...x, id: x.id ?? randomUUID() }));
    return {
      title: dto.title !== undefined ? dto.title.trim() : p.title,
      summary: dto.summary ?? p.summary,
      sectors: dto.sectors ?? p.sectors,
      areasOfFocus: dto.areasOfFocus?.map((a) => a.trim()) ?? p.areasOfFocus,
      regionsServed: dto.regionsServed ?? p.regionsServed,
      microCredentials: withIds(dto.microCredentials, p.microCredentials),
      partners: withIds(dto.partners, p.partners).map((x) => ({ ...x, letterAttachmentId: x.letterAttachmentId ?? null })),
      budget: withIds(dto.budget, p.budget),
      narratives: dto.narratives ?? p.narratives,
      contacts: withIds(dto.contacts, p.contacts),
    } as ProposalContent;
  }

  /** Partner organizations must exist; letters must be this proposal's letters of support. */
  private async checkReferences(m: EntityManager, proposalId: string, c: ProposalContent): Promise<void> {
    const problems: FieldProblem[] = [];
    const orgIds = [...new Set(c.partners.map((x) => x.partnerOrganizationId))];
    const known = new Set(
      orgIds.length
        ? (
            await m.getRepository(PartnerOrganizationEntity).find({ select: { id: true }, where: orgIds.map((id) => ({ id })) })
          ).map((o) => o.id)
        : [],
    );
    const letterIds = c.partners.map((x) => x.letterAttachmentId).filter((x): x is string => !!x);
    const letters = new Set(
      letterIds.length
        ? (
            await m
              .getRepository(AttachmentEntity)
              .createQueryBuilder('a')
              .select('a.id')
              .where('a.proposal_id = :proposalId AND a.id = ANY(:ids::uuid[]) AND a.deleted_at IS NULL', {
                proposalId,
                ids: letterIds,
              })
              .andWhere(`a.kind = 'letter_of_support'`)
              .getMany()
          ).map((a) => a.id)
        : [],
    );
    const seen = new Set<string>();
    c.partners.forEach((x, i) => {
      if (!known.has(x.partnerOrganizationId))
        problems.push({ field: `partners.${i}.partnerOrganizationId`, reason: 'no such partner organization' });
      else if (seen.has(x.partnerOrganizationId))
        problems.push({ field: `partners.${i}.partnerOrganizationId`, reason: 'is listed twice' });
      seen.add(x.partnerOrganizationId);
      if (x.letterAttachmentId && !letters.has(x.letterAttachmentId))
        problems.push({
          field: `partners.${i}.letterAttachmentId`,
          reason: 'must be a letter of support uploaded to this proposal',
        });
    });
    const dup = (items: { id: string }[], field: string) => {
      const ids = new Set<string>();
      items.forEach((x, i) => {
        if (ids.has(x.id)) problems.push({ field: `${field}.${i}.id`, reason: 'is used twice' });
        ids.add(x.id);
      });
    };
    dup(c.microCredentials, 'microCredentials');
    dup(c.partners, 'partners');
    dup(c.budget, 'budget');
    dup(c.contacts, 'contacts');
    if (problems.length) throw new ValidationFailedError(problems);
  }
}

/**
 * Writes changed columns of the working copy in one `UPDATE … RETURNING` (the row is locked by the caller); answers
 * the new `updated_at`. A repository's save() would read the row again first.
 */
export async function updateProposal(m: EntityManager, id: string, values: Partial<ProposalEntity>): Promise<Date> {
  const res = await m
    .createQueryBuilder()
    .update(ProposalEntity)
    .set(values as object)
    .where('id = :id', { id })
    .returning('updated_at')
    .execute();
  // the PostgreSQL driver answers [rows, rowCount] for an UPDATE, or the rows
  const raw = res.raw as [{ updated_at: Date }[], number] | { updated_at: Date }[];
  const rows = Array.isArray(raw[0]) ? raw[0] : (raw as { updated_at: Date }[]);
  return new Date(rows[0].updated_at);
}

function pickContent(s: ProposalContent): ProposalContent {
  const { title, summary, sectors, areasOfFocus, regionsServed, microCredentials, partners, budget, narratives, contacts } = s;
  return { title, summary, sectors, areasOfFocus, regionsServed, microCredentials, partners, budget, narratives, contacts };
}

export function fundRules(fund: FundEntity): FundRules {
  return {
    eligibleInstitutionTypes: fund.eligibleInstitutionTypes,
    capSingleCents: fund.capSingleCents,
    capStackCents: fund.capStackCents,
    stackMinCredentials: fund.stackMinCredentials,
    launchEarliest: fund.launchEarliest,
    launchLatest: fund.launchLatest,
    criteria: [...(fund.criteria ?? [])].sort((a, b) => a.position - b.position),
  };
}
