import { APP_CONFIG, AppConfig } from '@cf/config';
import { AuthUser, DomainError } from '@cf/platform';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { TokensDto } from '../dto/auth.dto';
import { UserDto } from '../dto/user.dto';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { ClientInfo, InvalidRefreshTokenError, RefreshTokensService } from './refresh-tokens.service';

export const JWT_ISSUER = 'challenge-fund';
export const JWT_AUDIENCE = 'challenge-fund-api';

export interface AccessTokenPayload {
  sub: string;
  roles: string[];
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks a password under the failure limits; answers the user or throws a domain error. */
  async verifyCredentials(emailInput: string, password: string, ip: string): Promise<UserEntity> {
    const email = emailInput.trim().toLowerCase();
    const attempt = await this.throttle.begin(email, ip);
    const user = await this.users.findByEmail(email);
    const ok = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyAgainstDummy(password);
    if (!user || !ok) {
      throw new DomainError('INVALID_CREDENTIALS', 'The email or password is incorrect', 401);
    }
    await this.throttle.succeed(attempt, email);
    if (!user.isActive) {
      throw new DomainError('ACCOUNT_DISABLED', 'This account has been deactivated; contact an administrator', 403);
    }
    return user;
  }

  async signIn(user: UserEntity, client: ClientInfo): Promise<TokensDto> {
    return this.tokensFor(user, await this.refreshTokens.issue(user.id, null, client));
  }

  async refresh(token: string, client: ClientInfo): Promise<TokensDto> {
    const { userId, familyId } = await this.refreshTokens.consume(token);
    const user = await this.users.get(userId).catch(() => null);
    if (!user || !user.isActive) {
      await this.refreshTokens.revokeFamily(familyId, 'account_inactive');
      throw new InvalidRefreshTokenError();
    }
    return this.tokensFor(user, await this.refreshTokens.issue(user.id, familyId, client));
  }

  async logout(actor: AuthUser, token: string): Promise<void> {
    await this.refreshTokens.revokeByToken(token, actor.id);
  }

  private async tokensFor(user: UserEntity, refreshToken: string): Promise<TokensDto> {
    const payload: AccessTokenPayload = { sub: user.id, roles: user.roles };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.auth.accessTtlSeconds,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    return {
      accessToken,
      refreshToken,
      expiresIn: this.config.auth.accessTtlSeconds,
      tokenType: 'Bearer',
      user: UserDto.from(user),
    };
  }
}
