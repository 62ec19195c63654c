export const ROLES = ['applicant', 'reviewer', 'program_officer', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const INSTITUTION_TYPES = [
  'public_college',
  'public_university',
  'indigenous_institute',
  'private_career_college',
  'private_degree_granting',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const ONTARIO_REGIONS = ['central', 'eastern', 'northern', 'southwestern', 'toronto'] as const;
export type OntarioRegion = (typeof ONTARIO_REGIONS)[number];

/** The user as returned by /api/auth/login, /api/auth/refresh and /api/auth/me. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  institutionId: string | null;
  preferredLanguage: Language;
}

/** A record of /api/users. */
export interface User extends AuthUser {
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A record of /api/institutions. */
export interface Institution {
  id: string;
  name: string;
  type: InstitutionType;
  region: OntarioRegion;
  address: string;
  createdAt?: string;
  updatedAt?: string;
}

/** The body of /api/auth/login and /api/auth/refresh. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: AuthUser;
}

/** The body of our API's errors. */
export interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  errors?: { field: string; reason: string }[];
  retryAfterSeconds?: number;
}
