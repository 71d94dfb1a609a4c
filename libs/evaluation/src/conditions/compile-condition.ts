import type { CompiledEnv, Matcher } from '../compile/compiled-flag.js';
import type { EvaluationContext } from '../model/context.js';
import { compileValueTest, INCOMPARABLE, MATCH, type ValueTest } from './operators.js';
import { isStringIn, stringInMatcher } from './string-in-matcher.js';

/** Segments may name segments in their conditions down to this depth; deeper never matches. */
export const MAX_SEGMENT_DEPTH = 8;

const NEVER: Matcher = () => false;
const ALWAYS: Matcher = () => true;

/** A compiled condition list, or the PARSE_ERROR message naming the malformed part. */
export type CompiledConditions = { matcher: Matcher } | { error: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies a value test to an attribute: arrays match when any element does; missing or wrong kind never. */
function attributeMatcher(attribute: string, test: ValueTest, negate: boolean): Matcher {
  return (context: EvaluationContext) => {
    const value: unknown = context[attribute];
    if (value === undefined || value === null) return false;
    let outcome: number;
    if (Array.isArray(value)) {
      outcome = value.length === 0 ? 0 : INCOMPARABLE;
      for (let i = 0; i < value.length && outcome !== MATCH; i++) {
        const element = test(value[i]);
        if (element > outcome) outcome = element;
      }
    } else {
      outcome = test(value);
    }
    if (outcome === INCOMPARABLE) return false;
    return negate ? outcome !== MATCH : outcome === MATCH;
  };
}

function segmentMatcher(segmentKey: string, negate: boolean): Matcher {
  return (context, env: CompiledEnv, depth) => {
    if (depth >= MAX_SEGMENT_DEPTH) return false;
    const segment = env.compiledSegment(segmentKey);
    if (segment === undefined) return false;
    return segment.contains(context, env, depth + 1) !== negate;
  };
}

function compileOne(raw: unknown, path: string): Matcher | string {
  if (!isObject(raw)) return `${path}: a condition must be an object`;
  const negate = raw.negate === true;
  if (typeof raw.segment === 'string') {
    return segmentMatcher(raw.segment, negate);
  }
  if (typeof raw.attribute !== 'string') return `${path}: a condition needs an attribute or a segment`;
  if (!Array.isArray(raw.values)) return `${path}.values: must be an array`;
  const test = compileValueTest(raw.operator, raw.values);
  // An unknown operator (say, one added by a newer service) never matches rather than breaking the flag.
  if (test === undefined) return NEVER;
  if (typeof test === 'string') return `${path}.values: ${test}`;
  const general = attributeMatcher(raw.attribute, test, negate);
  return isStringIn(raw.operator, raw.values) ? stringInMatcher(raw.attribute, raw.values, negate, general) : general;
}

function allOf(matchers: Matcher[]): Matcher {
  if (matchers.length === 0) return ALWAYS;
  if (matchers.length === 1) return matchers[0];
  if (matchers.length === 2) {
    const [first, second] = matchers;
    return (context, env, depth) => first(context, env, depth) && second(context, env, depth);
  }
  return (context, env, depth) => {
    for (let i = 0; i < matchers.length; i++) if (!matchers[i](context, env, depth)) return false;
    return true;
  };
}

/** Compiles a condition list (absent → empty) into one matcher that holds when all conditions hold. */
export function compileConditions(raw: unknown, path: string): CompiledConditions {
  if (raw === undefined) return { matcher: ALWAYS };
  if (!Array.isArray(raw)) return { error: `${path}: must be an array` };
  const matchers: Matcher[] = [];
  for (let i = 0; i < raw.length; i++) {
    const compiled = compileOne(raw[i], `${path}[${i}]`);
    if (typeof compiled === 'string') return { error: compiled };
    matchers.push(compiled);
  }
  return { matcher: allOf(matchers) };
}
