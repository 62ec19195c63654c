import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
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
    if (body.statusCode === 429 && typeof body.retryAfterSeconds === 'number') {
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
      if (code === '22P02' || code === '22007' || code === '22008' || code === '22003' || code === '22001') {
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
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'An unexpected error occurred' };
  }
}

/** Errors of the request itself, before any handler: malformed JSON, oversized body, bad URL encoding. */
function requestParsingError(error: unknown): ErrorBody | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (status < 400 || status >= 500) return null;
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
