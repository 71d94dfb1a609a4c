import type { FlagType, JsonValue } from '../model/flag.js';
import type { EvaluationResult } from '../model/result.js';
import { errorOutcome, errorResult, type Outcome } from '../reasons.js';

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
export const CONTEXT_NOT_OBJECT = errorOutcome('TARGETING_KEY_MISSING', 'the context must be an object with a string key', 0);
