import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError, FieldProblem } from './domain-error';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldProblem[];
  [key: string]: unknown;
}

/** The one place where errors become HTTP responses: `{statusCode, code, message, errors?}`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body = this.toBody(exception, req);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, path: req.path }, 'Unhandled error');
    }
    if (res.headersSent) return;
    if ((body.statusCode === 429 || body.statusCode === 503) && typeof body.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(body.retryAfterSeconds));
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req: Request): ErrorBody {
    const parserError = requestParsingError(exception instanceof HttpException ? exception.cause : exception);
    if (parserError) return parserError;
    if (exception instanceof DomainError) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, ...exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Record<string, unknown>;
        const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
        const param = status === 400 && r.errors === undefined ? pathParameterError(message, req) : null;
        if (param) return param;
        return {
          ...r,
          statusCode: status,
          code: typeof r.code === 'string' ? r.code : (CODES[status] ?? 'ERROR'),
          message:
            status === 404 && r.code === undefined && /^Cannot /.test(message)
              ? `No route for ${req.method} ${req.path}`
              : message,
          error: undefined,
        };
      }
      return { statusCode: status, code: CODES[status] ?? 'ERROR', message: String(response) };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as unknown as { code?: string }).code;
      // 22021, 22P05: text PostgreSQL cannot store (a NUL character); the validation pipe refuses it in bodies first
      if (['22P02', '22007', '22008', '22003', '22001', '22021', '22P05'].includes(code ?? '')) {
        return { statusCode: 400, code: 'BAD_REQUEST', message: 'A value is malformed or out of range' };
      }
      if (code === '23505') {
        return { statusCode: 409, code: 'CONFLICT', message: 'This record conflicts with an existing one' };
      }
      if (code === '23514') {
        // A CHECK of the database refused the change: a business rule held where the code did not check it first.
        const constraint = (exception as unknown as { constraint?: string }).constraint ?? '';
        return constraint === 'fund_ledgers_committed_within_envelope'
          ? {
              statusCode: 409,
              code: 'ENVELOPE_BELOW_COMMITTED',
              message: 'The envelope cannot be less than what is already committed',
            }
          : { statusCode: 409, code: 'CONSTRAINT', message: `A rule of the data refused this change (${constraint || 'check'})` };
      }
      if (code === '40001' || code === '40P01') {
        return { statusCode: 409, code: 'RETRY', message: 'A concurrent change interfered; please retry' };
      }
    }
    if (databaseUnavailable(exception)) {
      // PostgreSQL is down, restarting or cut the connection: retry (a commit whose answer was lost is why
      // writes that must not happen twice, such as a submit, carry an Idempotency-Key)
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database is unavailable for a moment; please retry',
        retryAfterSeconds: 2,
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'An unexpected error occurred' };
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const PG_CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout)/;

/**
 * The database cannot be reached (refused, reset, timed out), is shutting down or starting up (57P01-57P03), or
 * dropped the connection (class 08, or TypeORM's runner released by the connection's error between two queries of a
 * transaction): not a bug of the request, so 503 rather than 500 (issue 7's fault suite).
 */
function databaseUnavailable(exception: unknown): boolean {
  if (exception instanceof QueryRunnerAlreadyReleasedError || exception instanceof QueryRunnerProviderAlreadyReleasedError)
    return true;
  if (!(exception instanceof Error)) return false;
  const e = exception as Error & { code?: unknown; driverError?: { code?: unknown; message?: unknown } };
  const code = typeof e.code === 'string' ? e.code : typeof e.driverError?.code === 'string' ? e.driverError.code : '';
  if (NETWORK_CODES.has(code) || /^57P0[123]$/.test(code) || code.startsWith('08') || code === '53300') return true;
  const message = typeof e.driverError?.message === 'string' ? e.driverError.message : e.message;
  return PG_CONNECTION_MESSAGES.test(message);
}

/** Errors of the request itself, before any handler: malformed JSON, oversized body, bad URL encoding. */
function requestParsingError(error: unknown): ErrorBody | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (status < 400 || status >= 500) return null;
  if (isDecompressionError(error)) {
    // a body whose Content-Encoding (gzip, deflate, br) does not match its bytes
    return {
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: 'body: cannot be decoded with its Content-Encoding',
      errors: [{ field: 'body', reason: 'cannot be decoded with its Content-Encoding' }],
    };
  }
  if (error instanceof URIError) {
    return {
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: 'path: malformed percent-encoding',
      errors: [{ field: 'path', reason: 'malformed percent-encoding' }],
    };
  }
  if (
    typeof e.type !== 'string' ||
    (!e.type.startsWith('entity.') && !e.type.startsWith('charset.') && !e.type.startsWith('encoding.'))
  )
    return null;
  const reason =
    e.type === 'entity.parse.failed'
      ? 'malformed JSON'
      : e.type === 'entity.too.large'
        ? 'the request body is too large'
        : String(e.message ?? 'cannot be read');
  return {
    statusCode: status,
    code: CODES[status] ?? 'BAD_REQUEST',
    message: `body: ${reason}`,
    errors: [{ field: 'body', reason }],
  };
}

/** An error of zlib (Z_DATA_ERROR…) or of its Brotli decoder (ERR__ERROR_FORMAT…), raised while reading the body. */
function isDecompressionError(error: object): boolean {
  const e = error as { code?: unknown; errno?: unknown };
  return typeof e.errno === 'number' && typeof e.code === 'string' && /^(Z_|ERR__)/.test(e.code);
}

const PARAMETER_KINDS: Record<string, { test: RegExp; reason: string }> = {
  uuid: { test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, reason: 'must be a UUID' },
  'numeric string': { test: /^-?\d+$/, reason: 'must be an integer' },
};

/**
 * Nest's ParseUUIDPipe and ParseIntPipe answer "Validation failed (uuid is expected)" without saying which path
 * parameter: name the ones whose value is not of the kind, in `errors`, like every other 400.
 */
function pathParameterError(message: string, req: Request): ErrorBody | null {
  const kind = /^Validation failed \((.+) is expected\)$/.exec(message)?.[1];
  if (!kind) return null;
  const rule = PARAMETER_KINDS[kind];
  const params = (req.params ?? {}) as Record<string, string>;
  // the parameters not of this kind, leaving out those of another known kind (the id beside a version)
  const others = Object.values(PARAMETER_KINDS).filter((k) => k !== rule);
  const wrong = Object.keys(params).filter(
    (name) => !rule?.test.test(params[name]) && !others.some((k) => k.test.test(params[name])),
  );
  const reason = rule?.reason ?? `must be a ${kind}`;
  const errors = (wrong.length ? wrong : ['path']).map((field) => ({ field, reason }));
  return {
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
    errors,
  };
}
