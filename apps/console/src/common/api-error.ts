import { HttpError } from 'react-admin';
import type { ApiErrorBody, FieldProblem } from '../types';

/** The API's error body of a failed call, if any. */
export const errorBody = (error: unknown): ApiErrorBody | undefined =>
  error instanceof HttpError || (typeof error === 'object' && error !== null && 'body' in error)
    ? ((error as { body?: ApiErrorBody }).body ?? undefined)
    : undefined;

export const errorStatus = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null ? (error as { status?: number }).status : undefined;

export const errorMessage = (error: unknown): string => {
  const body = errorBody(error);
  if (body?.message) return body.message;
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
};

/**
 * The field problems of an error: the API's `errors: [{field, reason}]`, also after the data
 * provider turned them into react-admin's `{ field: reason }`.
 */
export const errorProblems = (error: unknown): FieldProblem[] => {
  const errors = errorBody(error)?.errors as unknown;
  if (Array.isArray(errors)) return errors as FieldProblem[];
  if (errors && typeof errors === 'object') {
    return Object.entries(errors as Record<string, unknown>).map(([field, reason]) => ({ field, reason: String(reason) }));
  }
  return [];
};

/**
 * A message for a failed call, in the UI's language: the translation of the API's error `code` under
 * `namespace` (e.g. `cf.review_errors.MAX_LOAD`; with several namespaces, the first that has one) when
 * there is one, with the API's own message as the detail; else the API's message; else react-admin's
 * generic HTTP error.
 */
export const apiErrorText = (
  translate: (key: string, options?: object) => string,
  error: unknown,
  namespace: string | readonly string[],
): string => {
  const body = errorBody(error);
  const message = errorMessage(error);
  const namespaces: readonly string[] = typeof namespace === 'string' ? [namespace] : namespace;
  const code = body?.code;
  const known = code ? namespaces.map((ns) => translate(`${ns}.${code}`, { _: '' })).find(Boolean) || '' : '';
  if (known) return message && message !== body?.code ? `${known} (${message})` : known;
  return message || translate('ra.notification.http_error');
};
