import { BUCKETS, SaltedBucketer } from '../bucketing/bucket.js';
import type { EvaluationContext } from '../model/context.js';
import type { FlagType, JsonValue } from '../model/flag.js';
import type { Reason } from '../model/result.js';
import { errorOutcome, fitsType, frozenCopy, successOutcome, type Outcome } from '../reasons.js';
import type { ServeFn } from './compiled-flag.js';

/** What serving a variant needs to know about its flag. */
export interface ServeScope {
  readonly key: string;
  readonly type: FlagType;
  readonly version: number;
  readonly variants: Record<string, unknown>;
  readonly bucketer: () => SaltedBucketer;
}

/** The frozen outcome of serving `variant`: a result, or an ERROR for an unknown or ill-typed variant. */
export function variantOutcome(scope: ServeScope, variant: unknown, reason: Reason, ruleId?: string): Outcome {
  if (typeof variant !== 'string' || !Object.hasOwn(scope.variants, variant)) {
    return errorOutcome('GENERAL', `flag ${scope.key} serves unknown variant ${String(variant)}`, scope.version);
  }
  const value = scope.variants[variant];
  if (!fitsType(value, scope.type)) {
    return errorOutcome(
      'TYPE_MISMATCH',
      `variant ${variant} of ${scope.type} flag ${scope.key} does not fit the type`,
      scope.version,
    );
  }
  return successOutcome(frozenCopy(value as JsonValue), variant, reason, scope.version, ruleId);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function weightsError(weights: Record<string, unknown>): string | undefined {
  let sum = 0;
  for (const [variant, weight] of Object.entries(weights)) {
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0) {
      return `weight of ${variant} must be an integer >= 0`;
    }
    sum += weight;
  }
  return sum === BUCKETS ? undefined : `rollout weights sum to ${sum}, not ${BUCKETS}`;
}

function rolloutServe(
  scope: ServeScope,
  rollout: Record<string, unknown>,
  reasonFor: Reason,
  ruleId?: string,
): ServeFn | string {
  const weights = rollout.weights;
  if (!isObject(weights)) return 'rollout.weights: must be an object of variant → weight';
  if (rollout.bucketBy !== undefined && typeof rollout.bucketBy !== 'string')
    return 'rollout.bucketBy: must be a string';
  const problem = weightsError(weights);
  if (problem !== undefined) {
    const outcome = errorOutcome('GENERAL', `flag ${scope.key}: ${problem}`, scope.version);
    return () => outcome;
  }
  const variants = Object.keys(weights);
  const thresholds: number[] = [];
  const outcomes: Outcome[] = [];
  let running = 0;
  for (const variant of variants) {
    running += weights[variant] as number;
    thresholds.push(running);
    outcomes.push(variantOutcome(scope, variant, reasonFor, ruleId));
  }
  const count = thresholds.length;
  const pick = (bucket: number): Outcome => {
    for (let i = 0; i < count; i++) if (bucket < thresholds[i]) return outcomes[i];
    return outcomes[count - 1];
  };
  const bucketer = scope.bucketer();
  const bucketBy = rollout.bucketBy ?? 'key';
  if (bucketBy === 'key') {
    const keyMissing = errorOutcome(
      'TARGETING_KEY_MISSING',
      `flag ${scope.key} buckets by key, and the context has no key`,
      scope.version,
    );
    return (context: EvaluationContext) => {
      const key = context.key;
      if (typeof key !== 'string' || key.length === 0) return keyMissing;
      return pick(bucketer.bucket(key));
    };
  }
  return (context: EvaluationContext) => {
    const value: unknown = context[bucketBy as string];
    if (typeof value === 'string') return pick(bucketer.bucket(value));
    if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
      return pick(bucketer.bucket(String(value)));
    }
    // Not bucketable (missing, or a list): bucket 0, the first variant with a weight, like LaunchDarkly.
    return pick(0);
  };
}

/**
 * Compiles a serve into a function of the context, or returns the message of a malformed serve (the flag then
 * evaluates to PARSE_ERROR). Well-formed but unservable serves (an undeclared variant, rollout weights that do
 * not sum to 100000) compile to a function returning an ERROR with code GENERAL, as the conformance corpus pins.
 */
export function compileServe(
  scope: ServeScope,
  raw: unknown,
  path: string,
  reason: Reason,
  ruleId?: string,
): ServeFn | string {
  if (!isObject(raw)) return `${path}: must be { variant } or { rollout }`;
  if (raw.variant !== undefined) {
    if (typeof raw.variant !== 'string') return `${path}.variant: must be a string`;
    const outcome = variantOutcome(scope, raw.variant, reason, ruleId);
    return () => outcome;
  }
  if (isObject(raw.rollout)) {
    const compiled = rolloutServe(scope, raw.rollout, 'SPLIT', ruleId);
    return typeof compiled === 'string' ? `${path}.${compiled}` : compiled;
  }
  return `${path}: must be { variant } or { rollout }`;
}
