import type { Matcher } from '../compile/compiled-flag.js';
import type { EvaluationContext } from '../model/context.js';

/** Lists up to this length are scanned one by one (faster than hashing a few short strings). */
const SCAN_LIMIT = 6;

function stringMembership(operands: readonly string[]): (value: string) => boolean {
  if (operands.length === 1) {
    const only = operands[0];
    return (value) => value === only;
  }
  if (operands.length <= SCAN_LIMIT) {
    // A plain loop, which the optimiser inlines (Array.prototype.includes stays a builtin call).
    return (value) => {
      for (let i = 0; i < operands.length; i++) if (operands[i] === value) return true;
      return false;
    };
  }
  const set = new Set(operands);
  return (value) => set.has(value);
}

/**
 * The common condition shape specialised at compile time: `in` over string values only (at least one), on one
 * attribute. A string attribute is answered by the membership test directly; any other value (missing, a
 * number, a list) goes to `general`, the condition's generic matcher, so the result is the same for every
 * context.
 */
export function stringInMatcher(
  attribute: string,
  operands: readonly string[],
  negate: boolean,
  general: Matcher,
): Matcher {
  const has = stringMembership([...operands]);
  return (context: EvaluationContext, env, depth) => {
    const value: unknown = context[attribute];
    if (typeof value === 'string') return has(value) !== negate;
    return general(context, env, depth);
  };
}

/** Whether a condition is `in` over a non-empty list of strings only (the shape {@link stringInMatcher} serves). */
export function isStringIn(operator: unknown, values: readonly unknown[]): values is readonly string[] {
  return operator === 'in' && values.length > 0 && values.every((value) => typeof value === 'string');
}
