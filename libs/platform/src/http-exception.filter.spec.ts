import { ArgumentsHost, BadRequestException, ForbiddenException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError, NotFoundError, ValidationFailedError } from './domain-error';
import { HttpExceptionFilter } from './http-exception.filter';

function run(
  exception: unknown,
  params: Record<string, string> = {},
): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
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
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'GET', path: '/api/x', params }) }),
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

  it('names the path parameter a parse pipe refused, like every other 400', () => {
    const uuid = new BadRequestException('Validation failed (uuid is expected)');
    expect(run(uuid, { id: 'not-a-uuid', attachmentId: '3f6c1f0e-8a57-4a4e-9d55-1d2b8a7f9a10' }).body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'id: must be a UUID',
      errors: [{ field: 'id', reason: 'must be a UUID' }],
    });
    const int = new BadRequestException('Validation failed (numeric string is expected)');
    expect(run(int, { id: '3f6c1f0e-8a57-4a4e-9d55-1d2b8a7f9a10', version: 'one' }).body.errors).toEqual([
      { field: 'version', reason: 'must be an integer' },
    ]);
  });

  it('answers a body that does not match its Content-Encoding with 400 naming the body', () => {
    const zlib = Object.assign(new Error('incorrect header check'), { errno: -3, code: 'Z_DATA_ERROR', status: 400 });
    expect(run(new BadRequestException('Bad Request', { cause: zlib })).body).toMatchObject({
      statusCode: 400,
      errors: [{ field: 'body', reason: 'cannot be decoded with its Content-Encoding' }],
    });
  });

  it('turns database errors caused by input into 4xx, never 500', () => {
    expect(run(pgError('22P02')).status).toBe(400);
    expect(run(pgError('22021')).status).toBe(400); // a NUL character in text
    expect(run(pgError('23505')).status).toBe(409);
    expect(run(pgError('40001')).body.code).toBe('RETRY');
  });

  it('answers 503 with Retry-After, not 500, while the database is unreachable or restarting (issue 7, fault suite)', () => {
    const pgTerminated = Object.assign(
      new QueryFailedError('q', [], new Error('terminating connection due to administrator command')),
      {
        code: '57P01',
      },
    );
    const down = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' }),
      pgTerminated,
      pgError('57P03'), // the database system is starting up
      pgError('08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new QueryRunnerProviderAlreadyReleasedError(), // the transaction's connection was cut between two queries
      new QueryRunnerAlreadyReleasedError(),
    ];
    for (const error of down) {
      const out = run(error);
      expect({ error: error.message, status: out.status, code: out.body.code }).toEqual({
        error: error.message,
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
      });
      expect(out.headers['Retry-After']).toBe('2');
      expect(JSON.stringify(out.body)).not.toContain('5432');
    }
  });

  it('hides the details of unexpected errors', () => {
    expect(run(new Error('secret connection string'))).toMatchObject({
      status: 500,
      body: { code: 'INTERNAL', message: 'An unexpected error occurred' },
    });
  });
});
