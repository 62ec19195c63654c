import { HttpError } from 'react-admin';
import type { ApiErrorBody, AuthUser, TokenResponse } from '../types';
import { getCurrentLocale } from './current-locale';

/**
 * The authenticated session: tokens and user, kept in localStorage.
 *
 * Refresh tokens rotate (each refresh invalidates the previous one, and reusing
 * one revokes the whole session), so a refresh token must never be sent twice:
 * - in this tab, concurrent callers share one in-flight refresh promise;
 * - across tabs, the refresh runs under a Web Lock and re-reads the stored
 *   session first, so a tab that waited uses the tokens another tab obtained.
 */

export const API_URL = '/api';

const STORAGE_KEY = 'cf.session';
const LOCK_NAME = 'cf.session.refresh';
/** Refresh this long before the access token expires (capped at a quarter of its lifetime). */
const EXPIRY_SKEW_MS = 30_000;

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** epoch milliseconds */
  expiresAt: number;
  /** milliseconds */
  lifetime: number;
  user: AuthUser;
}

export const readSession = (): Session | null => {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return session && session.accessToken && session.refreshToken ? session : null;
  } catch {
    return null;
  }
};

const writeSession = (session: Session): void => {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
};

export const clearSession = (): void => {
  window.localStorage.removeItem(STORAGE_KEY);
};

export const sessionFromTokens = (tokens: TokenResponse): Session => {
  const lifetime = Math.max(0, Number(tokens.expiresIn) || 0) * 1000;
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + lifetime,
    lifetime,
    user: tokens.user,
  };
};

export const storeTokens = (tokens: TokenResponse): Session => {
  const session = sessionFromTokens(tokens);
  writeSession(session);
  return session;
};

const isExpiring = (session: Session): boolean => {
  const skew = Math.min(EXPIRY_SKEW_MS, session.lifetime / 4);
  return Date.now() >= session.expiresAt - skew;
};

/** Headers every API call carries. */
export const baseHeaders = (): Headers =>
  new Headers({
    Accept: 'application/json',
    'Accept-Language': getCurrentLocale(),
  });

const unauthorized = (message = 'ra.notification.logged_out', body?: ApiErrorBody) =>
  new HttpError(message, 401, body ?? { statusCode: 401, code: 'UNAUTHENTICATED', message });

/** Parses a fetch Response's JSON body, or undefined. */
export const readJson = async <T>(response: Response): Promise<T | undefined> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
};

const callRefresh = async (refreshToken: string): Promise<Session> => {
  const headers = baseHeaders();
  headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(`${API_URL}/auth/refresh`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ refreshToken }),
    });
  } catch (error) {
    // network failure: keep the session, the caller's request fails
    throw new HttpError('ra.notification.http_error', 0, { message: String(error) });
  }
  if (!response.ok) {
    const body = await readJson<ApiErrorBody>(response);
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      // invalid, reused, revoked or expired: the user must log in again
      clearSession();
      throw unauthorized(body?.message || 'ra.notification.logged_out', body);
    }
    throw new HttpError(body?.message || response.statusText, response.status, body);
  }
  const tokens = await readJson<TokenResponse>(response);
  if (!tokens?.accessToken || !tokens.refreshToken) {
    throw new HttpError('ra.notification.http_error', response.status);
  }
  return storeTokens(tokens);
};

/**
 * Refreshes the tokens unless someone (this tab or another) already did.
 * @param staleAccessToken the access token the caller found expired or rejected
 */
const refreshExclusively = async (staleAccessToken: string | undefined): Promise<Session> => {
  const run = async (): Promise<Session> => {
    const current = readSession();
    if (!current) throw unauthorized();
    const alreadyRefreshed = staleAccessToken !== undefined && current.accessToken !== staleAccessToken;
    if (alreadyRefreshed && !isExpiring(current)) return current;
    if (staleAccessToken === undefined && !isExpiring(current)) return current;
    return callRefresh(current.refreshToken);
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK_NAME, { mode: 'exclusive' }, run) : run();
};

let inFlight: Promise<Session> | null = null;

/** One refresh at a time: concurrent callers share the in-flight promise. */
export const refreshSession = (staleAccessToken?: string): Promise<Session> => {
  if (!inFlight) {
    inFlight = refreshExclusively(staleAccessToken).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
};

/** A session whose access token is valid for a while, refreshing it first if needed. */
export const getValidSession = async (): Promise<Session> => {
  const session = readSession();
  if (!session) throw unauthorized();
  if (!isExpiring(session)) return session;
  return refreshSession(session.accessToken);
};

/** Updates the stored user (e.g. after /api/auth/me). */
export const updateSessionUser = (user: AuthUser): void => {
  const session = readSession();
  if (session) writeSession({ ...session, user });
};
