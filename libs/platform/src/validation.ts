import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { FieldProblem } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const reason of Object.values(e.constraints ?? {})) {
      out.push({ field, reason: reason.replace(new RegExp(`^${e.property} `), '') });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

function validationFailed(problems: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: problems.map((p) => `${p.field}: ${p.reason}`).join('; ') || 'Invalid request',
    errors: problems,
  });
}

/** How deep a body or query may nest; the deepest DTO needs 4 levels. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it has a lone surrogate)';
  return null;
}

/**
 * What must be refused before a DTO is built (found by fuzzing, issue 7): nesting deep enough to overflow
 * class-transformer's recursion, and text that PostgreSQL (NUL) or validator.js (lone surrogates) cannot take,
 * anywhere in the value, keys included. Iterative, so any depth is safe to walk.
 */
export function inputProblems(value: unknown, maxDepth = MAX_INPUT_DEPTH): FieldProblem[] {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const reason = textProblem(v);
      if (reason) return [{ field: path || 'body', reason }];
    } else if (v !== null && typeof v === 'object') {
      if (depth >= maxDepth) {
        return [{ field: path.split('.')[0] || 'body', reason: `is nested too deeply (at most ${maxDepth} levels)` }];
      }
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        const reason = textProblem(k);
        if (reason) return [{ field: at, reason: `has a name that ${reason}` }];
        stack.push({ v: child, path: at, depth: depth + 1 });
      }
    }
  }
  return [];
}

class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = inputProblems(value);
      if (problems.length) throw validationFailed(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Validates every body and query DTO; 400 with `errors: [{field, reason}]`. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/** Whether `value` is a finite number with at most `places` decimals, however JavaScript writes it (5e-324, 1e21). */
export function hasAtMostDecimals(value: unknown, places: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (Number.isInteger(value)) return true;
  const [mantissa, exponent = '0'] = value.toString().toLowerCase().split('e');
  const decimals = (mantissa.split('.')[1] ?? '').length - Number(exponent);
  return decimals <= places;
}

/**
 * A number with at most `places` decimals. Use it instead of class-validator's `IsNumber({ maxDecimalPlaces })`, which
 * throws (a 500) on a number JavaScript writes with an exponent, such as 1e-7.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimal',
      constraints: [places],
      validator: {
        validate: (value: unknown) => hasAtMostDecimals(value, places),
        defaultMessage: () => `must be a number with at most ${places} decimals`,
      },
    },
    options,
  );
}
