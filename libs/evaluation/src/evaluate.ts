import { compileFlag } from './compile/compile-flag.js';
import type { CompiledEnv, CompiledFlag, CompiledSegment } from './compile/compiled-flag.js';
import { NotFoundResults } from './compile/error-results.js';
import { evaluateCompiled, unexpectedError } from './compile/evaluate-compiled.js';
import { compileSegment } from './conditions/compile-segment.js';
import type { EvaluationContext } from './model/context.js';
import type { Flag, FlagType, JsonValue } from './model/flag.js';
import type { EvaluationResult } from './model/result.js';
import type { Segment } from './model/segment.js';

/** Where the engine finds prerequisite flags and segments by key (a snapshot, a store, a test fake). */
export interface EvaluationLookup {
  /** The flag with this key, or undefined when there is none. */
  flag(key: string): Flag | undefined;
  /** The segment with this key, or undefined when there is none. */
  segment(key: string): Segment | undefined;
}

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** Served with reason ERROR when evaluation fails; undefined becomes null. */
  defaultValue?: JsonValue;
  /** When given and different from the flag's type, the result is ERROR TYPE_MISMATCH. */
  expectedType?: FlagType;
}

/** Adapts a plain lookup to compiled flags and segments; a throwing lookup reads as "not there". */
class LookupEnv implements CompiledEnv {
  constructor(private readonly lookup: EvaluationLookup) {}

  compiledFlag(key: string): CompiledFlag | undefined {
    let flag: Flag | undefined;
    try {
      flag = this.lookup.flag(key);
    } catch {
      return undefined;
    }
    return flag === undefined || flag === null ? undefined : compileFlag(flag);
  }

  compiledSegment(key: string): CompiledSegment | undefined {
    let segment: Segment | undefined;
    try {
      segment = this.lookup.segment(key);
    } catch {
      return undefined;
    }
    return segment === undefined || segment === null ? undefined : compileSegment(segment);
  }
}

/** The last flag compiled through `evaluate`: hot loops over one flag skip the WeakMap lookup. */
let lastFlag: unknown;
let lastCompiled: CompiledFlag | undefined;

function compiledFor(flag: Flag): CompiledFlag {
  if (flag === lastFlag && lastCompiled !== undefined) return lastCompiled;
  const compiled = compileFlag(flag);
  lastFlag = flag;
  lastCompiled = compiled;
  return compiled;
}

const notFound = new NotFoundResults();
const EMPTY_ENV: CompiledEnv = { compiledFlag: () => undefined, compiledSegment: () => undefined };
const envs = new WeakMap<object, CompiledEnv>();

function isCompiledEnv(value: object): value is CompiledEnv {
  return typeof (value as Partial<CompiledEnv>).compiledFlag === 'function';
}

function envFor(lookup: EvaluationLookup | undefined): CompiledEnv {
  if (typeof lookup !== 'object' || lookup === null) return EMPTY_ENV;
  if (isCompiledEnv(lookup)) return lookup;
  let env = envs.get(lookup);
  if (env === undefined) {
    env = new LookupEnv(lookup);
    envs.set(lookup, env);
  }
  return env;
}

/**
 * Evaluates `flag` for `context`, by DESIGN.md "Evaluation semantics". Never throws: every failure is a
 * result with reason ERROR, the caller's default value (undefined → null) and no variant.
 *
 * Order: no flag → FLAG_NOT_FOUND; malformed flag → PARSE_ERROR; `expectedType` differs → TYPE_MISMATCH;
 * context not an object → TARGETING_KEY_MISSING; killed → off variant (KILLED); off → off variant
 * (DISABLED); a prerequisite unmet → off variant (PREREQUISITE_FAILED); first matching rule
 * (TARGETING_MATCH or SPLIT, with ruleId); else the fallthrough (DEFAULT or SPLIT). A missing or empty
 * `key` is an error (TARGETING_KEY_MISSING) only when a rollout served to the context buckets by `key`.
 *
 * Each flag object is compiled once (a WeakMap cache), so treat flags as immutable.
 *
 * @param flag the flag as delivered for one environment; null or undefined means not found
 * @param context the context: `{ key, ...attributes }`
 * @param lookup where prerequisite flags and segments are found (a CompiledSnapshot works as one)
 * @param options the caller's default value and the expected flag type
 */
export function evaluate(
  flag: Flag | null | undefined,
  context: EvaluationContext,
  lookup?: EvaluationLookup,
  options?: EvaluateOptions,
): EvaluationResult {
  let defaultValue: JsonValue | undefined;
  let compiled: CompiledFlag | undefined;
  try {
    defaultValue = options?.defaultValue;
    if (flag === null || flag === undefined) return notFound.resultFor(undefined, defaultValue);
    compiled = compiledFor(flag);
    return evaluateCompiled(compiled, context, envFor(lookup), defaultValue, options?.expectedType);
  } catch (error) {
    return unexpectedError(error, defaultValue, compiled?.version ?? 0);
  }
}
