import type { EvaluationContext } from '../model/context.js';
import type { FlagType, JsonValue } from '../model/flag.js';
import type { EvaluationResult } from '../model/result.js';
import { errorResult } from '../reasons.js';
import type { CompiledEnv, CompiledFlag } from './compiled-flag.js';
import { describeError } from './describe-error.js';
import { runFlag } from './run-flag.js';

/** The FLAG_NOT_FOUND result: the caller's default, flagVersion 0. */
export function flagNotFound(key: string | undefined, defaultValue: JsonValue | undefined): EvaluationResult {
  const message = key === undefined ? 'no flag was given' : `flag ${typeof key === 'string' ? key : describeError(key)} not found`;
  return errorResult(defaultValue, 'FLAG_NOT_FOUND', message, 0);
}

/** The result when evaluation itself failed unexpectedly (a throwing lookup or context getter). */
export function unexpectedError(error: unknown, defaultValue: JsonValue | undefined, flagVersion: number): EvaluationResult {
  return errorResult(defaultValue, 'GENERAL', `evaluation failed: ${describeError(error)}`, flagVersion);
}

/**
 * The checks every entry point shares, in DESIGN order: malformed flag (PARSE_ERROR), expected type
 * (TYPE_MISMATCH), context not an object (TARGETING_KEY_MISSING), then the flag's own logic. ERROR templates
 * become the caller's default here.
 */
export function evaluateCompiled(
  flag: CompiledFlag,
  context: unknown,
  env: CompiledEnv,
  defaultValue: JsonValue | undefined,
  expectedType: FlagType | undefined,
): EvaluationResult {
  if (flag.broken !== undefined) return errorResult(defaultValue, 'PARSE_ERROR', flag.broken, flag.version);
  if (expectedType !== undefined && expectedType !== flag.type) {
    const message = `flag ${flag.key} is of type ${String(flag.type)}, not ${String(expectedType)}`;
    return errorResult(defaultValue, 'TYPE_MISMATCH', message, flag.version);
  }
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    return errorResult(defaultValue, 'TARGETING_KEY_MISSING', 'the context must be an object with a string key', flag.version);
  }
  const outcome = runFlag(flag, context as EvaluationContext, env, null);
  if (outcome.reason !== 'ERROR') return outcome;
  return errorResult(defaultValue, outcome.errorCode, outcome.errorMessage, flag.version);
}
