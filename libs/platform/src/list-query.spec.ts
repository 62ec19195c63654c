import { z } from 'zod';
import { ValidationFailedError } from './domain-error';
import { parseListQuery } from './list-query';

const spec = {
  sortable: ['email', 'createdAt'],
  defaultSort: ['createdAt', 'DESC'] as [string, 'ASC' | 'DESC'],
  filter: z.object({ q: z.string().max(200).optional(), isActive: z.boolean().optional() }),
};

function problems(raw: Record<string, unknown>): string[] {
  try {
    parseListQuery(raw, spec);
  } catch (e) {
    return (e as ValidationFailedError).errors.map((p) => p.field);
  }
  return [];
}

describe('parseListQuery (react-admin simple REST contract)', () => {
  it('reads sort, range and filter as ra-data-simple-rest sends them', () => {
    const q = parseListQuery({ sort: '["email","ASC"]', range: '[25,49]', filter: '{"q":"bob","isActive":true}' }, spec);
    expect(q).toEqual({ sort: { field: 'email', order: 'ASC' }, offset: 25, limit: 25, filter: { q: 'bob', isActive: true } });
  });

  it('defaults to the first page in the default order', () => {
    const q = parseListQuery({}, spec);
    expect(q.sort).toEqual({ field: 'createdAt', order: 'DESC' });
    expect([q.offset, q.limit]).toEqual([0, 25]);
  });

  it('accepts filter.id as the getMany list', () => {
    const id = '7b0c1f0e-8a57-4a4e-9d55-1d2b8a7f9a10';
    expect(parseListQuery({ filter: JSON.stringify({ id: [id] }) }, spec).filter.id).toEqual([id]);
  });

  it('names the parameter that is wrong', () => {
    expect(problems({ sort: '["password","ASC"]' })).toEqual(['sort']);
    expect(problems({ sort: 'not json' })).toEqual(['sort']);
    expect(problems({ range: '[10,2]' })).toEqual(['range']);
    expect(problems({ range: '[0,100000]' })).toEqual(['range']);
    expect(problems({ filter: '{"isActive":"yes"}' })).toEqual(['filter.isActive']);
    expect(problems({ filter: '{"nope":1}' })).toEqual(['filter']);
    expect(problems({ filter: '{"id":["x"]}' })).toEqual(['filter.id.0']);
    expect(problems({ filter: '[1]' })).toEqual(['filter']);
    expect(problems({ sort: ['a', 'b'] })).toEqual(['sort']);
  });
});
