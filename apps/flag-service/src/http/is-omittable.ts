import { ValidateIf } from 'class-validator';

/**
 * Like `@IsOptional()`, but only absence skips validation: `null` is checked, so refused, where a field
 * has no "no value" (class-validator's IsOptional lets null through to a NOT NULL column).
 */
export const IsOmittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
