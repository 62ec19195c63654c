export interface FieldProblem {
  field: string;
  /** For people, in English. */
  reason: string;
  /** A stable rule code, with its parameters, so a client can say it in the user's language. */
  code?: string;
  params?: Record<string, string | number>;
}

/** An error of the domain: a stable code, an HTTP status, a message for people. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super('NOT_FOUND', id ? `${entity} ${id} was not found` : `${entity} was not found`, 404);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(readonly errors: FieldProblem[]) {
    super('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), 400, { errors });
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, 409, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, code = 'FORBIDDEN') {
    super(code, message, 403);
  }
}
