import { APP_CONFIG, AppConfig } from '@cf/config';
import { DomainError } from '@cf/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const FORMAT = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export class InvalidRefreshTokenError extends DomainError {
  constructor(code = 'INVALID_REFRESH_TOKEN', message = 'The session has ended; please sign in again') {
    super(code, message, 401);
  }
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/**
 * Rotating refresh tokens: each is used once; using a rotated one again is a sign of theft and
 * revokes its whole family (every token descended from the same login).
 */
@Injectable()
export class RefreshTokensService {
  private readonly logger = new Logger(RefreshTokensService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string, familyId: string | null, client: ClientInfo): Promise<string> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(RefreshTokenEntity).insert({
      id,
      familyId: familyId ?? id,
      userId,
      secretHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000),
      createdIp: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    return `${id}.${secret}`;
  }

  /** Marks the token used (once, atomically) and answers its family and user. */
  async consume(token: string): Promise<{ userId: string; familyId: string }> {
    const row = await this.find(token);
    if (row.revokedAt) throw new InvalidRefreshTokenError();
    if (row.expiresAt.getTime() <= Date.now())
      throw new InvalidRefreshTokenError('REFRESH_TOKEN_EXPIRED', 'The session has expired; please sign in again');
    const result = await this.dataSource
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ usedAt: () => 'now()' })
      .where({ id: row.id, usedAt: IsNull(), revokedAt: IsNull() })
      .execute();
    if (result.affected !== 1) {
      await this.revokeFamily(row.familyId, 'reuse_detected');
      this.logger.warn({ familyId: row.familyId, userId: row.userId }, 'Refresh token reuse: family revoked');
      throw new InvalidRefreshTokenError(
        'REFRESH_TOKEN_REUSED',
        'This session was ended because a refresh token was used twice; please sign in again',
      );
    }
    return { userId: row.userId, familyId: row.familyId };
  }

  /** Logout: the family of this token ends, if it belongs to the user. */
  async revokeByToken(token: string, userId: string): Promise<void> {
    const row = await this.find(token);
    if (row.userId !== userId) throw new InvalidRefreshTokenError();
    await this.revokeFamily(row.familyId, 'logout');
  }

  async revokeFamily(familyId: string, reason: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where({ familyId, revokedAt: IsNull() })
      .execute();
  }

  async revokeAllForUser(userId: string, reason: string, manager = this.dataSource.manager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where({ userId, revokedAt: IsNull() })
      .execute();
  }

  private async find(token: string): Promise<RefreshTokenEntity> {
    const match = FORMAT.exec(token);
    if (!match) throw new InvalidRefreshTokenError();
    const row = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ id: match[1] });
    if (!row || row.secretHash !== sha256(match[2])) throw new InvalidRefreshTokenError();
    return row;
  }
}
