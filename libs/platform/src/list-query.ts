import type { Response } from 'express';
import { z } from 'zod';
import { FieldProblem, ValidationFailedError } from './domain-error';

/** The react-admin simple REST contract: `sort=["field","ASC"]&range=[0,24]&filter={...}`. */
export interface ListQuery<F> {
  sort: { field: string; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
  filter: F;
}

export interface ListSpec<S extends z.ZodType> {
  sortable: readonly string[];
  defaultSort: [string, 'ASC' | 'DESC'];
  /** Filter fields; `id` (an array of UUIDs, for getMany) is always accepted. */
  filter: S;
  maxPageSize?: number;
}

export interface RawListQuery {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

/** A boolean list filter: JSON true/false, or the strings "true"/"false". */
export const booleanFilter = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const uuidList = z.array(z.uuid({ message: 'must be a UUID' })).max(1000, { message: 'at most 1000 ids' });

function parseJson(name: string, value: unknown, problems: FieldProblem[]): unknown {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    problems.push({ field: name, reason: 'must be given once, as JSON' });
    return undefined;
  }
  try {
    return JSON.parse(value);
  } catch {
    problems.push({ field: name, reason: 'must be valid JSON' });
    return undefined;
  }
}

export function parseListQuery<S extends z.ZodObject>(
  raw: RawListQuery,
  spec: ListSpec<S>,
): ListQuery<z.infer<S> & { id?: string[] }> {
  const problems: FieldProblem[] = [];
  const maxPage = spec.maxPageSize ?? 1000;

  let sort = { field: spec.defaultSort[0], order: spec.defaultSort[1] };
  const sortValue = parseJson('sort', raw.sort, problems);
  if (sortValue !== undefined) {
    if (
      !Array.isArray(sortValue) ||
      sortValue.length !== 2 ||
      typeof sortValue[0] !== 'string' ||
      !['ASC', 'DESC'].includes(String(sortValue[1]).toUpperCase())
    ) {
      problems.push({ field: 'sort', reason: 'must be ["field","ASC"|"DESC"]' });
    } else if (!spec.sortable.includes(sortValue[0])) {
      problems.push({ field: 'sort', reason: `cannot sort by ${sortValue[0]}; one of: ${spec.sortable.join(', ')}` });
    } else {
      sort = { field: sortValue[0], order: String(sortValue[1]).toUpperCase() as 'ASC' | 'DESC' };
    }
  }

  let offset = 0;
  let limit = 25;
  const rangeValue = parseJson('range', raw.range, problems);
  if (rangeValue !== undefined) {
    if (
      !Array.isArray(rangeValue) ||
      rangeValue.length !== 2 ||
      !rangeValue.every((n) => Number.isSafeInteger(n) && n >= 0) ||
      rangeValue[1] < rangeValue[0]
    ) {
      problems.push({ field: 'range', reason: 'must be [start, end] with 0 <= start <= end' });
    } else if (rangeValue[1] - rangeValue[0] + 1 > maxPage) {
      problems.push({ field: 'range', reason: `at most ${maxPage} records per page` });
    } else {
      offset = rangeValue[0];
      limit = rangeValue[1] - rangeValue[0] + 1;
    }
  }

  let filter = {} as z.infer<S> & { id?: string[] };
  const filterValue = parseJson('filter', raw.filter, problems);
  if (filterValue !== undefined) {
    if (typeof filterValue !== 'object' || filterValue === null || Array.isArray(filterValue)) {
      problems.push({ field: 'filter', reason: 'must be a JSON object' });
    } else {
      const schema = spec.filter
        .extend({ id: z.union([uuidList, z.uuid({ message: 'must be a UUID' }).transform((v) => [v])]).optional() })
        .strict();
      const result = schema.safeParse(filterValue);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const path = issue.path.length ? `filter.${issue.path.join('.')}` : 'filter';
          const reason = issue.code === 'unrecognized_keys' ? `unknown filter field(s): ${issue.keys.join(', ')}` : issue.message;
          problems.push({ field: path, reason });
        }
      } else {
        filter = result.data as typeof filter;
      }
    }
  }

  if (problems.length) throw new ValidationFailedError(problems);
  return { sort, offset, limit, filter };
}

/** Sets `Content-Range: <resource> <first>-<last>/<total>` as ra-data-simple-rest expects. */
export function setContentRange(res: Response, resource: string, offset: number, count: number, total: number): void {
  const range = count === 0 ? `*` : `${offset}-${offset + count - 1}`;
  res.setHeader('Content-Range', `${resource} ${range}/${total}`);
}

/** A page of records and the total without the range. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Escapes LIKE wildcards in user text. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
