import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider, type Identifier } from 'react-admin';
import type { ApiErrorBody, User } from '../types';
import { API_URL, baseHeaders, getValidSession, refreshSession } from './session';

type FetchResult = Awaited<ReturnType<typeof fetchUtils.fetchJson>>;

/** Our 400 `errors: [{field, reason}]` becomes react-admin's `{ errors: { field: reason } }`. */
const toReactAdminError = (error: unknown): unknown => {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as ApiErrorBody | undefined;
  if (body && Array.isArray(body.errors)) {
    const errors: Record<string, string> = {};
    for (const { field, reason } of body.errors) {
      if (!field) continue;
      errors[field] = errors[field] ? `${errors[field]}; ${reason}` : reason;
    }
    if (Object.keys(errors).length > 0) {
      return new HttpError(error.message, error.status, { ...body, errors });
    }
  }
  return error;
};

const withHeaders = (options: fetchUtils.Options, accessToken: string): fetchUtils.Options => {
  const headers = baseHeaders();
  new Headers(options.headers).forEach((value, key) => headers.set(key, value));
  headers.set('Authorization', `Bearer ${accessToken}`);
  return { ...options, headers };
};

/**
 * fetchUtils.fetchJson with the bearer token: refreshes the access token before it
 * expires, and once on a 401, then retries. A second 401 reaches
 * authProvider.checkError, which logs out.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}): Promise<FetchResult> => {
  let session;
  try {
    session = await getValidSession();
  } catch (error) {
    throw toReactAdminError(error);
  }
  try {
    return await fetchUtils.fetchJson(url, withHeaders(options, session.accessToken));
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 401) throw toReactAdminError(error);
  }
  try {
    let refreshed = await refreshSession(session.accessToken);
    if (refreshed.accessToken === session.accessToken) {
      refreshed = await refreshSession(session.accessToken);
    }
    return await fetchUtils.fetchJson(url, withHeaders(options, refreshed.accessToken));
  } catch (error) {
    throw toReactAdminError(error);
  }
};

export type UserStatusAction = 'deactivate' | 'reactivate';

export interface AppDataProvider extends DataProvider {
  /** POST /api/users/:id/deactivate | reactivate: returns the user. */
  changeUserStatus: (id: Identifier, action: UserStatusAction) => Promise<{ data: User }>;
}

export const dataProvider: AppDataProvider = {
  ...simpleRestProvider(API_URL, httpClient),
  changeUserStatus: async (id, action) => {
    const { json } = await httpClient(`${API_URL}/users/${encodeURIComponent(String(id))}/${action}`, {
      method: 'POST',
    });
    return { data: json as User };
  },
};
