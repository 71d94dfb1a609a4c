import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '../../../../libs/kernel/domain-error.js';

/** Whitelisting, transforming validation whose failures are VALIDATION_FAILED with every failing field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation('The request is invalid', flatten(errors)),
  });
}

/** Nested class-validator errors → `{ path: "a.b.0.c", message, code }` per failed constraint. */
export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ path, message, code }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
