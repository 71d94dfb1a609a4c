import type { FlagType, JsonValue } from './model/flag.js';
import type { ErrorCode, EvaluationResult, Reason } from './model/result.js';

/**
 * What the compiled engine hands back before the caller's default is known: a frozen success result, or an
 * ERROR template (`value` null) that {@link errorResult} turns into the caller's result.
 */
export type Outcome = Readonly<EvaluationResult>;

const FATAL = new WeakSet<Outcome>();

/** Builds a frozen success result; `ruleId` is only present when given. */
export function successOutcome(
  value: JsonValue,
  variant: string,
  reason: Reason,
  flagVersion: number,
  ruleId?: string,
): Outcome {
  const result: EvaluationResult = { value, variant, reason, flagVersion };
  if (ruleId !== undefined) result.ruleId = ruleId;
  return Object.freeze(result);
}

/** Builds a frozen ERROR template; the caller's default replaces its value when it is returned. */
export function errorOutcome(errorCode: ErrorCode, errorMessage: string, flagVersion: number): Outcome {
  return Object.freeze({ value: null, reason: 'ERROR', errorCode, errorMessage, flagVersion });
}

/** An ERROR that prerequisite evaluation passes up unchanged (a cycle or a chain past the depth cap). */
export function fatalOutcome(errorMessage: string, flagVersion: number): Outcome {
  const outcome = errorOutcome('GENERAL', errorMessage, flagVersion);
  FATAL.add(outcome);
  return outcome;
}

/** Whether `outcome` came from {@link fatalOutcome}. */
export function isFatal(outcome: Outcome): boolean {
  return FATAL.has(outcome);
}

/** The result the caller sees for an error: its default value (undefined → null), no variant. */
export function errorResult(
  defaultValue: JsonValue | undefined,
  errorCode: ErrorCode | undefined,
  errorMessage: string | undefined,
  flagVersion: number,
): EvaluationResult {
  const result: EvaluationResult = {
    value: defaultValue === undefined ? null : defaultValue,
    reason: 'ERROR',
    errorCode: errorCode ?? 'GENERAL',
    flagVersion,
  };
  if (errorMessage !== undefined) result.errorMessage = errorMessage;
  return result;
}

/** Whether `value` can be served by a flag of `type` (numbers must be finite; json takes any JSON value). */
export function fitsType(value: unknown, type: FlagType): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'json':
      return isJsonValue(value, 0);
  }
}

function isJsonValue(value: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value !== 'object') return false;
  return Object.values(value as object).every((item) => isJsonValue(item, depth + 1));
}

/** A deep, frozen copy of a JSON value, so a served value can never be changed by the host. */
export function frozenCopy(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as JsonValue;
  const copy: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) copy[key] = frozenCopy(value[key]);
  return Object.freeze(copy);
}
