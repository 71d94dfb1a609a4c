import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '@switchyard/kernel';

/** Whitelisting, transforming validation whose failures are VALIDATION_FAILED with every failing field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation('The request is invalid', flatten(errors)),
  });
}

// class-validator's constraint names, in the one vocabulary of field codes (the engine's, UPPER_SNAKE_CASE).
const CODES: Record<string, string> = {
  whitelistValidation: 'UNKNOWN_FIELD',
  isString: 'INVALID_TYPE',
  isBoolean: 'INVALID_TYPE',
  isInt: 'INVALID_TYPE',
  isNumber: 'INVALID_TYPE',
  isObject: 'INVALID_TYPE',
  isArray: 'INVALID_TYPE',
  nestedValidation: 'INVALID_TYPE',
  isIn: 'INVALID_VALUE',
  isEnum: 'INVALID_VALUE',
  matches: 'INVALID_VALUE',
  min: 'INVALID_VALUE',
  max: 'INVALID_VALUE',
  isDateString: 'INVALID_VALUE',
  isIso8601: 'INVALID_VALUE',
  maxLength: 'TOO_LONG',
  arrayMaxSize: 'TOO_MANY',
};

/** The field code of a failed class-validator constraint: `isString` → `INVALID_TYPE`, else UPPER_SNAKE_CASE. */
export function codeOf(constraint: string, value: unknown): string {
  if (constraint === 'length') return typeof value === 'string' && value.length === 0 ? 'REQUIRED' : 'TOO_LONG';
  return CODES[constraint] ?? constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** Nested class-validator errors → `{ path: "a.b.0.c", message, code }` per failed constraint. */
export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      path,
      message,
      code: codeOf(constraint, error.value),
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
