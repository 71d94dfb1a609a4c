import { at, isObject, Issues, type ValidationIssue } from '../validation/validation-issue.js';

/** The variant of a fault flag that injects nothing; its value is `{}`. Served while the flag is off or killed. */
export const FAULT_NONE_VARIANT = 'none';

/**
 * What a fault flag's variant injects into the path it guards: a wait of `latencyMs ± jitterMs` (uniform,
 * never below 0) and/or, with probability `errorRate`, an error with `errorMessage`. Every field is optional;
 * `{}` injects nothing.
 */
export interface FaultSpec {
  /** Milliseconds to wait, 0 to 900000 (an integer). */
  latencyMs?: number;
  /** Spread of the wait, ± this many milliseconds, 0 to 900000 (an integer). */
  jitterMs?: number;
  /** Share of calls that fail, 0 to 1. */
  errorRate?: number;
  /** The injected error's message, 1 to 200 characters. */
  errorMessage?: string;
}

/** The bounds of a fault spec's fields. */
export const FAULT_LIMITS = {
  latencyMs: { min: 0, max: 900_000 },
  jitterMs: { min: 0, max: 900_000 },
  errorRate: { min: 0, max: 1 },
  errorMessage: { min: 1, max: 200 },
} as const;

const FAULT_FIELDS = ['latencyMs', 'jitterMs', 'errorRate', 'errorMessage'];

function integerField(issues: Issues, value: unknown, path: string, bounds: { min: number; max: number }): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.add(path, 'INVALID_TYPE', `${path} must be an integer (milliseconds, ${bounds.min} to ${bounds.max})`);
  } else if (value < bounds.min || value > bounds.max) {
    issues.add(path, 'INVALID_VALUE', `${path} must be from ${bounds.min} to ${bounds.max} ms: got ${value}`);
  }
}

function checkFaultSpec(issues: Issues, value: unknown, path: string): void {
  if (!isObject(value)) {
    issues.add(
      path,
      'INVALID_TYPE',
      `${path} must be a fault spec { latencyMs?, jitterMs?, errorRate?, errorMessage? }`,
    );
    return;
  }
  issues.onlyFields(value, path, FAULT_FIELDS, 'a fault spec');
  integerField(issues, value.latencyMs, at(path, 'latencyMs'), FAULT_LIMITS.latencyMs);
  integerField(issues, value.jitterMs, at(path, 'jitterMs'), FAULT_LIMITS.jitterMs);
  const rate = value.errorRate;
  const ratePath = at(path, 'errorRate');
  if (rate !== undefined && (typeof rate !== 'number' || !Number.isFinite(rate))) {
    issues.add(ratePath, 'INVALID_TYPE', `${ratePath} must be a number from 0 to 1`);
  } else if (typeof rate === 'number' && (rate < FAULT_LIMITS.errorRate.min || rate > FAULT_LIMITS.errorRate.max)) {
    issues.add(ratePath, 'INVALID_VALUE', `${ratePath} must be from 0 to 1: got ${rate}`);
  }
  const message = value.errorMessage;
  const messagePath = at(path, 'errorMessage');
  if (message !== undefined && typeof message !== 'string') {
    issues.add(messagePath, 'INVALID_TYPE', `${messagePath} must be a string`);
  } else if (typeof message === 'string' && message.length < FAULT_LIMITS.errorMessage.min) {
    issues.add(messagePath, 'REQUIRED', `${messagePath} must not be empty (omit it for the default message)`);
  } else if (typeof message === 'string' && message.length > FAULT_LIMITS.errorMessage.max) {
    issues.add(messagePath, 'TOO_LONG', `${messagePath} must be at most 200 characters: got ${message.length}`);
  }
}

/**
 * The problems of one fault spec, with paths from `path` (e.g. `variants.latency-2s` gives
 * `variants.latency-2s.latencyMs`): not an object, an unknown field (refused by name), a field of the wrong type
 * or out of {@link FAULT_LIMITS}. Empty when the spec is valid. Never throws.
 */
export function faultSpecProblems(value: unknown, path: string): ValidationIssue[] {
  const issues = new Issues(true);
  checkFaultSpec(issues, value, path);
  return issues.list;
}

/**
 * The problems of a fault flag's variants, with paths from `path`: the variant `none` missing or not `{}`, and
 * every variant that is not a valid fault spec (each field named). Empty when {@link isFaultFlag} holds.
 */
export function faultVariantsProblems(variants: unknown, path = 'variants'): ValidationIssue[] {
  const issues = new Issues(true);
  if (!isObject(variants)) {
    issues.add(path, 'INVALID_TYPE', `${path} of a fault flag must be an object of variant → fault spec`);
    return issues.list;
  }
  const none = variants[FAULT_NONE_VARIANT];
  if (!isObject(none) || Object.keys(none).length > 0) {
    const nonePath = at(path, FAULT_NONE_VARIANT);
    issues.add(
      nonePath,
      none === undefined ? 'REQUIRED' : 'INVALID_VALUE',
      `${nonePath} must be {} (it injects nothing)`,
    );
  }
  for (const [key, value] of Object.entries(variants)) {
    if (key !== FAULT_NONE_VARIANT) checkFaultSpec(issues, value, at(path, key));
  }
  return issues.list;
}

/**
 * True when a flag's variants make it a fault flag: a variant `none` whose value is `{}`, and every variant a
 * valid fault spec. The service creates such flags with `kind: "fault"`; the SDK's `fault` acts only on them.
 */
export function isFaultFlag(variants: Readonly<Record<string, unknown>> | null | undefined): boolean {
  return isObject(variants) && faultVariantsProblems(variants).length === 0;
}
