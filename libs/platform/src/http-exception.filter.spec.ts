import { ArgumentsHost, BadRequestException, ForbiddenException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, NotFoundError, ValidationFailedError } from './domain-error';
import { HttpExceptionFilter } from './http-exception.filter';

function run(exception: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const out = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (out.headers[k] = v),
    status(s: number) {
      out.status = s;
      return this;
    },
    json: (b: Record<string, unknown>) => (out.body = b),
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'GET', path: '/api/x' }) }),
  } as unknown as ArgumentsHost;
  const filter = new HttpExceptionFilter();
  (filter as unknown as { logger: { error: () => void } }).logger = { error: () => undefined };
  filter.catch(exception, host);
  return out;
}

const pgError = (code: string) => Object.assign(new QueryFailedError('q', [], new Error('db')), { code });

describe('HttpExceptionFilter', () => {
  it('maps domain errors with their code, status and details', () => {
    expect(run(new NotFoundError('User', 'u1'))).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'User u1 was not found' },
    });
    expect(run(new ValidationFailedError([{ field: 'email', reason: 'is taken' }])).body).toMatchObject({
      statusCode: 400,
      errors: [{ field: 'email', reason: 'is taken' }],
    });
    const locked = run(new DomainError('LOGIN_LOCKED', 'later', 429, { retryAfterSeconds: 60 }));
    expect(locked.headers['Retry-After']).toBe('60');
  });

  it('keeps Nest exceptions in the same shape', () => {
    expect(run(new ForbiddenException()).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    const parse = Object.assign(new SyntaxError('Unexpected end'), { status: 400, type: 'entity.parse.failed' });
    expect(run(new BadRequestException('Unexpected end', { cause: parse })).body).toEqual({
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: 'body: malformed JSON',
      errors: [{ field: 'body', reason: 'malformed JSON' }],
    });
  });

  it('turns database errors caused by input into 4xx, never 500', () => {
    expect(run(pgError('22P02')).status).toBe(400);
    expect(run(pgError('23505')).status).toBe(409);
    expect(run(pgError('40001')).body.code).toBe('RETRY');
  });

  it('hides the details of unexpected errors', () => {
    expect(run(new Error('secret connection string'))).toMatchObject({
      status: 500,
      body: { code: 'INTERNAL', message: 'An unexpected error occurred' },
    });
  });
});
