import type { EvaluationContext } from '../model/context.js';
import type { FlagType, JsonValue } from '../model/flag.js';
import type { EvaluationResult } from '../model/result.js';
import { errorResult } from '../reasons.js';
import type { CompiledEnv, CompiledFlag } from './compiled-flag.js';
import { describeError } from './describe-error.js';
import { CONTEXT_NOT_OBJECT } from './error-results.js';
import { ROOT, runFlag } from './run-flag.js';

/** The result when evaluation itself failed unexpectedly (a throwing lookup or context getter). */
export function unexpectedError(
  error: unknown,
  defaultValue: JsonValue | undefined,
  flagVersion: number,
): EvaluationResult {
  return errorResult(defaultValue, 'GENERAL', `evaluation failed: ${describeError(error)}`, flagVersion);
}

/**
 * The checks every entry point shares, in DESIGN order: malformed flag (PARSE_ERROR), expected type
 * (TYPE_MISMATCH), context not an object (TARGETING_KEY_MISSING), then the flag's own logic. ERROR templates
 * become the caller's (frozen, remembered) result here.
 */
export function evaluateCompiled(
  flag: CompiledFlag,
  context: unknown,
  env: CompiledEnv,
  defaultValue: JsonValue | undefined,
  expectedType: FlagType | undefined,
): EvaluationResult {
  const errors = flag.errors;
  if (flag.broken !== undefined) return errors.resultFor(flag.killedOutcome, defaultValue, flag.version);
  if (expectedType !== undefined && expectedType !== flag.type) {
    return errors.resultFor(errors.mismatch(flag.key, flag.type, expectedType), defaultValue, flag.version);
  }
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    return errors.resultFor(CONTEXT_NOT_OBJECT, defaultValue, flag.version);
  }
  const outcome = runFlag(flag, context as EvaluationContext, env, ROOT);
  if (outcome.reason !== 'ERROR') return outcome;
  return errors.resultFor(outcome, defaultValue, flag.version);
}
