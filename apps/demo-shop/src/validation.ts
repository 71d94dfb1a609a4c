import { BadRequestException } from '@nestjs/common';

/** One failing field, as the flag service names them. */
export interface FieldProblem {
  path: string;
  message: string;
  code: string;
}

/** 400 VALIDATION_FAILED naming each failing field, the flag service's error shape. */
export function validationFailed(fields: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    error: { code: 'VALIDATION_FAILED', message: fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields },
  });
}

/** The problem with `value` as a number in [min, max], or undefined when it is one. */
export function numberProblem(path: string, value: unknown, min: number, max: number): FieldProblem | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return undefined;
  return {
    path,
    message: `expected a number from ${min} to ${max} (got ${JSON.stringify(value)})`,
    code: 'INVALID_VALUE',
  };
}
