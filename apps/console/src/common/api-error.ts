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
