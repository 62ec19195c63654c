import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { canDo } from '../access';
import type { ApiErrorBody, AuthUser, TokenResponse } from '../types';
import { getCurrentLocale } from './current-locale';
import { API_URL, baseHeaders, clearSession, getValidSession, readJson, readSession, storeTokens } from './session';
import { LOCALE_KEY, store } from './store';

interface LoginParams {
  email?: string;
  username?: string;
  password?: string;
}

const postJson = (path: string, body: unknown, accessToken?: string) => {
  const headers = baseHeaders();
  headers.set('Content-Type', 'application/json');
  if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
  return fetch(`${API_URL}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
};

const rolesOf = (user: AuthUser | undefined): string[] => (Array.isArray(user?.roles) ? user.roles : []);

/** After sign-in, switch the console to the user's preferred language. */
const applyPreferredLanguage = (user: AuthUser) => {
  const preferred = user.preferredLanguage;
  if ((preferred === 'en' || preferred === 'fr') && preferred !== getCurrentLocale()) {
    // after useLogin has navigated: changing the locale re-renders the whole admin
    setTimeout(() => store.setItem(LOCALE_KEY, preferred), 0);
  }
};

export const authProvider: AuthProvider = {
  login: async ({ email, username, password }: LoginParams) => {
    let response: Response;
    try {
      response = await postJson('/auth/login', { email: (email ?? username ?? '').trim(), password });
    } catch {
      throw new Error('cf.auth.network_error');
    }
    if (!response.ok) {
      const body = await readJson<ApiErrorBody>(response);
      // the server's message (invalid credentials, locked, disabled) is shown as is
      throw new Error(body?.message || 'cf.auth.sign_in_error');
    }
    const tokens = await readJson<TokenResponse>(response);
    if (!tokens?.accessToken || !tokens.refreshToken || !tokens.user) {
      throw new Error('cf.auth.sign_in_error');
    }
    storeTokens(tokens);
    applyPreferredLanguage(tokens.user);
  },

  logout: async () => {
    const session = readSession();
    if (!session) return;
    try {
      // the bearer must be valid: refresh it first if it is about to expire
      const valid = await getValidSession();
      await postJson('/auth/logout', { refreshToken: valid.refreshToken }, valid.accessToken);
    } catch {
      // best effort: the session is forgotten locally anyway
    } finally {
      clearSession();
    }
  },

  checkAuth: async () => {
    if (!readSession()) {
      throw new Error('ra.auth.auth_check_error');
    }
  },

  checkError: async (error: unknown) => {
    const status = error instanceof HttpError ? error.status : (error as { status?: number })?.status;
    // the http client already refreshed and retried once: a 401 now means the session is over
    if (status === 401) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
    // 403 (forbidden) and everything else: stay signed in, the page shows the error
  },

  getIdentity: async (): Promise<UserIdentity> => {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    const { user } = session;
    return { ...user, fullName: user.displayName || user.email };
  },

  getPermissions: async () => rolesOf(readSession()?.user),

  canAccess: async ({ resource, action }) => canDo(resource, action, rolesOf(readSession()?.user)),
};
