import { AuthUser, createValidationPipe, ForbiddenError, IS_PUBLIC, REQUIRED_ROLES, Role } from '@cf/platform';
import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { LoginDto } from '../dto/auth.dto';

/**
 * The global guard: every route needs a valid access token unless marked @Public(), and the
 * roles a route declares with @Roles(). Record-level checks live in each context's policy.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const required = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets);
    if (required?.length) {
      const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
      if (!required.some((r) => user.roles.includes(r))) {
        throw new ForbiddenError(`This action requires the role ${required.join(' or ')}`);
      }
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err) throw err;
    if (!user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw new UnauthorizedException({
        code: expired ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED',
        message: expired ? 'The access token has expired' : 'Sign in first: this route needs a valid access token',
      });
    }
    return user;
  }
}

/** Validates the login body (400 naming the field) before passport's local strategy runs. */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  private readonly pipe = createValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ body: unknown }>();
    await this.pipe.transform(req.body ?? {}, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }
}
