import type { EvaluationContext } from '../model/context.js';
import type { FlagType, JsonValue } from '../model/flag.js';
import type { EvaluationResult } from '../model/result.js';
import { errorOutcome, errorResult, type Outcome } from '../reasons.js';
import type { CompiledEnv, CompiledFlag } from './compiled-flag.js';
import { describeError } from './describe-error.js';
import { CONTEXT_NOT_OBJECT, ErrorResults } from './error-results.js';
import { ROOT, runFlag } from './run-flag.js';

/** Not-found templates kept per key, up to this many keys (then forgotten and rebuilt). */
const MAX_NOT_FOUND_KEYS = 1024;
const NO_FLAG = errorOutcome('FLAG_NOT_FOUND', 'no flag was given', 0);

/**
 * FLAG_NOT_FOUND results (the caller's default, flagVersion 0), remembered per key and default so that asking
 * again and again for a flag that is not there allocates nothing. One per snapshot, one for `evaluate`.
 */
export class NotFoundResults {
  private readonly templates = new Map<string, Outcome>();
  private readonly results = new ErrorResults();

  /** The result for `key` (undefined: no flag was given at all). */
  resultFor(key: unknown, defaultValue: JsonValue | undefined): EvaluationResult {
    if (key === undefined) return this.results.resultFor(NO_FLAG, defaultValue, 0);
    if (typeof key !== 'string') {
      return this.results.resultFor(errorOutcome('FLAG_NOT_FOUND', `flag ${describeError(key)} not found`, 0), defaultValue, 0);
    }
    let template = this.templates.get(key);
    if (template === undefined) {
      if (this.templates.size >= MAX_NOT_FOUND_KEYS) this.templates.clear();
      template = errorOutcome('FLAG_NOT_FOUND', `flag ${key} not found`, 0);
      this.templates.set(key, template);
    }
    return this.results.resultFor(template, defaultValue, 0);
  }
}

/** The result when evaluation itself failed unexpectedly (a throwing lookup or context getter). */
export function unexpectedError(error: unknown, defaultValue: JsonValue | undefined, flagVersion: number): EvaluationResult {
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
