import type { FlagType, JsonValue } from '../model/flag.js';
import type { EvaluationResult } from '../model/result.js';
import { errorOutcome, errorResult, type Outcome } from '../reasons.js';
import { describeError } from './describe-error.js';

const FLAG_TYPES: ReadonlySet<unknown> = new Set<FlagType>(['boolean', 'string', 'number', 'json']);

/**
 * Turns ERROR templates into the caller's results (its default value, no variant), remembering the last one:
 * a loop that keeps hitting the same error with the same default gets the same frozen result and allocates
 * nothing. One per compiled flag (and one per snapshot for FLAG_NOT_FOUND).
 */
export class ErrorResults {
  private lastTemplate: Outcome | undefined;
  private lastDefault: JsonValue | undefined;
  private lastVersion = 0;
  private lastResult: EvaluationResult | undefined;
  private mismatches: Map<unknown, Outcome> | undefined;

  /** The frozen result for `template` and `defaultValue`, stamped with `flagVersion`. */
  resultFor(template: Outcome, defaultValue: JsonValue | undefined, flagVersion: number): EvaluationResult {
    if (this.lastTemplate === template && this.lastDefault === defaultValue && this.lastVersion === flagVersion) {
      return this.lastResult!;
    }
    const result = Object.freeze(errorResult(defaultValue, template.errorCode, template.errorMessage, flagVersion));
    this.lastTemplate = template;
    this.lastDefault = defaultValue;
    this.lastVersion = flagVersion;
    this.lastResult = result;
    return result;
  }

  /** The TYPE_MISMATCH template of a `type` flag asked for as `expected` (kept for the four flag types). */
  mismatch(key: string, type: FlagType | undefined, expected: unknown): Outcome {
    let template = this.mismatches?.get(expected);
    if (template === undefined) {
      const message = `flag ${key} is of type ${String(type)}, not ${typeof expected === 'string' ? expected : typeof expected}`;
      template = errorOutcome('TYPE_MISMATCH', message, 0);
      if (FLAG_TYPES.has(expected)) (this.mismatches ??= new Map()).set(expected, template);
    }
    return template;
  }
}

/** The template for a context that is not an object. */
export const CONTEXT_NOT_OBJECT = errorOutcome(
  'TARGETING_KEY_MISSING',
  'the context must be an object with a string key',
  0,
);

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
      return this.results.resultFor(
        errorOutcome('FLAG_NOT_FOUND', `flag ${describeError(key)} not found`, 0),
        defaultValue,
        0,
      );
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
