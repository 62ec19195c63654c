import { APP_CONFIG, AppConfig } from '@cf/config';
import { AuthUser } from '@cf/platform';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AccessTokenPayload, AuthService, JWT_AUDIENCE, JWT_ISSUER } from './auth.service';

/** Email + password, checked with argon2id under the login failure limits. */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: Request, email: string, password: string): Promise<UserEntity> {
    return this.auth.verifyCredentials(email, password, req.ip ?? 'unknown');
  }
}

/** Short-lived access tokens; the account is re-read so deactivation and role changes apply at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // a KeyObject: given the string, jsonwebtoken tries it as a public key first and throws, on every request
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret!)) as unknown as string,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser> {
    const user =
      typeof payload.sub === 'string' && /^[0-9a-f-]{36}$/.test(payload.sub)
        ? await this.users.findActiveAuthUser(payload.sub)
        : null;
    if (!user) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'This account is no longer active' });
    return user;
  }
}
