import { AuditService, diff } from '@cf/audit';
import { InstitutionsService } from '@cf/institutions';
import {
  AuthUser,
  ConflictError,
  DomainError,
  likePattern,
  ListQuery,
  NotFoundError,
  Page,
  Role,
  ValidationFailedError,
} from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { RefreshTokensService } from '../auth/refresh-tokens.service';
import { CreateUserDto, UpdateUserDto } from '../dto/user.dto';
import { UserEntity } from './user.entity';

export interface UserFilter {
  id?: string[];
  q?: string;
  role?: Role;
  isActive?: boolean;
  institutionId?: string;
}

const SORT_COLUMNS: Record<string, string> = {
  email: 'u.email',
  displayName: 'u.display_name',
  createdAt: 'u.created_at',
  updatedAt: 'u.updated_at',
  isActive: 'u.is_active',
};

const AUDITED = (u: UserEntity) => ({
  email: u.email,
  displayName: u.displayName,
  roles: [...u.roles].sort(),
  institutionId: u.institutionId,
  preferredLanguage: u.preferredLanguage,
  isActive: u.isActive,
  passwordHash: u.passwordHash,
});

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokensService,
    private readonly institutions: InstitutionsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<UserFilter>): Promise<Page<UserEntity>> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    const f = query.filter;
    if (f.id) qb.andWhere('u.id IN (:...ids)', { ids: f.id.length ? f.id : ['00000000-0000-0000-0000-000000000000'] });
    if (f.q) qb.andWhere('(u.email ILIKE :q OR u.display_name ILIKE :q)', { q: likePattern(f.q) });
    if (f.role) qb.andWhere(':role = ANY(u.roles)', { role: f.role });
    if (f.isActive !== undefined) qb.andWhere('u.is_active = :active', { active: f.isActive });
    if (f.institutionId) qb.andWhere('u.institution_id = :inst', { inst: f.institutionId });
    qb.orderBy(SORT_COLUMNS[query.sort.field] ?? 'u.created_at', query.sort.order).addOrderBy('u.id', 'ASC');
    const [items, total] = await qb.skip(query.offset).take(query.limit).getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
  }

  /** The acting user for a request, or null when the account no longer exists or is inactive. */
  /** Every authenticated request re-reads its account: one plain statement (no query builder on this path). */
  async findActiveAuthUser(id: string): Promise<AuthUser | null> {
    const [u]: {
      id: string;
      email: string;
      display_name: string;
      roles: AuthUser['roles'];
      institution_id: string | null;
      preferred_language: AuthUser['preferredLanguage'];
    }[] = await this.dataSource.query(
      `SELECT id, email, display_name, roles, institution_id, preferred_language FROM users WHERE id = $1 AND is_active`,
      [id],
    );
    return u
      ? {
          id: u.id,
          email: u.email,
          displayName: u.display_name,
          roles: u.roles,
          institutionId: u.institution_id,
          preferredLanguage: u.preferred_language,
        }
      : null;
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserEntity> {
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (m) => {
      await this.checkRules(m, dto);
      await this.assertEmailFree(m, dto.email);
      const user = m.create(UserEntity, {
        email: dto.email,
        displayName: dto.displayName,
        roles: dto.roles,
        institutionId: dto.institutionId ?? null,
        preferredLanguage: dto.preferredLanguage,
        isActive: true,
        passwordHash,
      });
      const saved = await m.getRepository(UserEntity).save(user);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'user.create',
        entityType: 'user',
        entityId: saved.id,
        changes: diff({}, AUDITED(saved), ['passwordHash']),
      });
      return saved;
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserEntity> {
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', id);
      await this.checkRules(m, dto);
      if (dto.email !== user.email) await this.assertEmailFree(m, dto.email);
      if (actor.id === id && !dto.roles.includes('admin')) {
        throw new ValidationFailedError([{ field: 'roles', reason: 'you cannot remove your own admin role' }]);
      }
      const before = AUDITED(user);
      Object.assign(user, {
        email: dto.email,
        displayName: dto.displayName,
        roles: dto.roles,
        institutionId: dto.institutionId ?? null,
        preferredLanguage: dto.preferredLanguage,
        ...(passwordHash ? { passwordHash } : {}),
      });
      const saved = await repo.save(user);
      if (passwordHash || before.roles.join() !== [...dto.roles].sort().join()) {
        // new credentials or new powers: existing sessions must sign in again
        await this.refreshTokens.revokeAllForUser(id, passwordHash ? 'password_changed' : 'roles_changed', m);
      }
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        changes: diff(before, AUDITED(saved), ['passwordHash']),
      });
      return saved;
    });
  }

  async setActive(actor: AuthUser, id: string, active: boolean): Promise<UserEntity> {
    if (actor.id === id && !active) {
      throw new ConflictError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account');
    }
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', id);
      if (user.isActive === active) return user;
      user.isActive = active;
      const saved = await repo.save(user);
      if (!active) await this.refreshTokens.revokeAllForUser(id, 'deactivated', m);
      await this.audit.record(m, {
        actorId: actor.id,
        action: active ? 'user.reactivate' : 'user.deactivate',
        entityType: 'user',
        entityId: id,
        changes: { isActive: { from: !active, to: active } },
      });
      return saved;
    });
  }

  async setPreferredLanguage(actor: AuthUser, language: 'en' | 'fr'): Promise<UserEntity> {
    return this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(UserEntity).findOneByOrFail({ id: actor.id });
      if (user.preferredLanguage !== language) {
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'user.preferences',
          entityType: 'user',
          entityId: actor.id,
          changes: { preferredLanguage: { from: user.preferredLanguage, to: language } },
        });
        user.preferredLanguage = language;
        await m.getRepository(UserEntity).save(user);
      }
      return user;
    });
  }

  async changeOwnPassword(actor: AuthUser, current: string, next: string): Promise<void> {
    const user = await this.get(actor.id);
    if (!(await this.hasher.verify(user.passwordHash, current))) {
      throw new ValidationFailedError([{ field: 'currentPassword', reason: 'is incorrect' }]);
    }
    const passwordHash = await this.hasher.hash(next);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(UserEntity).update({ id: actor.id }, { passwordHash });
      await this.refreshTokens.revokeAllForUser(actor.id, 'password_changed', m);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'user.password_change',
        entityType: 'user',
        entityId: actor.id,
        changes: { passwordHash: { from: '[secret]', to: '[secret]' } },
      });
    });
  }

  private async checkRules(m: EntityManager, dto: { roles: Role[]; institutionId?: string | null }): Promise<void> {
    if (dto.roles.includes('applicant') && !dto.institutionId) {
      throw new ValidationFailedError([{ field: 'institutionId', reason: 'is required for an applicant' }]);
    }
    if (dto.institutionId && !(await this.institutions.exists(m, dto.institutionId))) {
      throw new ValidationFailedError([{ field: 'institutionId', reason: 'no such institution' }]);
    }
  }

  private async assertEmailFree(m: EntityManager, email: string): Promise<void> {
    if (await m.getRepository(UserEntity).existsBy({ email })) {
      throw new DomainError('EMAIL_TAKEN', 'email: another account already uses this address', 409, {
        errors: [{ field: 'email', reason: 'is already in use' }],
      });
    }
  }
}
