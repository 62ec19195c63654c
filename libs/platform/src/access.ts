import { createParamDecorator, CustomDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = ['applicant', 'reviewer', 'program_officer', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The acting user, as the global guard resolved it from the access token and the database. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  institutionId: string | null;
  preferredLanguage: Language;
}

export const IS_PUBLIC = 'cf:isPublic';
export const REQUIRED_ROLES = 'cf:roles';

/** Opts a route out of the global authentication guard. */
export const Public = (): CustomDecorator => SetMetadata(IS_PUBLIC, true);

/** The route needs at least one of these roles (checked by the global guard). */
export const Roles = (...roles: Role[]): CustomDecorator => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
