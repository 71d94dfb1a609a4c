import fc from 'fast-check';
import type { CompiledEnv, Matcher } from '../compile/compiled-flag.js';
import type { EvaluationContext } from '../model/context.js';
import { compileConditions } from './compile-condition.js';
import { isStringIn } from './string-in-matcher.js';

const env: CompiledEnv = { compiledFlag: () => undefined, compiledSegment: () => undefined };

function matcherOf(values: unknown[], negate: boolean): Matcher {
  const compiled = compileConditions([{ attribute: 'a', operator: 'in', values, negate }], 'conditions');
  if ('error' in compiled) throw new Error(compiled.error);
  return compiled.matcher;
}

const attributeValue = fc.oneof(
  fc.constantFrom('US', 'CA', 'GB', '', 'us'),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.constantFrom('US', 'CA'), fc.string(), fc.integer()), { maxLength: 3 }),
);

describe('stringInMatcher (in over strings, specialised at compile time)', () => {
  it('serves only a non-empty list of strings', () => {
    expect(isStringIn('in', ['US', 'CA'])).toBe(true);
    expect(isStringIn('in', [])).toBe(false);
    expect(isStringIn('in', ['US', 1])).toBe(false);
    expect(isStringIn('startsWith', ['US'])).toBe(false);
  });

  it('decides every context as the generic matcher does (a null value forces the generic path)', () => {
    const operands = fc.array(fc.oneof(fc.constantFrom('US', 'CA', 'GB'), fc.string()), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(operands, attributeValue, fc.boolean(), (values, value, negate) => {
        const context: EvaluationContext = value === undefined ? {} : ({ a: value } as EvaluationContext);
        const specialised = matcherOf(values, negate)(context, env, 0);
        const generic = matcherOf([...values, null], negate)(context, env, 0);
        expect(specialised).toBe(generic);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches a listed string, and its negation the others', () => {
    expect(matcherOf(['US', 'CA', 'GB'], false)({ key: 'k', a: 'GB' }, env, 0)).toBe(true);
    expect(matcherOf(['US', 'CA', 'GB'], false)({ key: 'k', a: 'FR' }, env, 0)).toBe(false);
    expect(matcherOf(['internal'], true)({ key: 'k', a: 'pro' }, env, 0)).toBe(true);
    expect(matcherOf(['internal'], true)({ key: 'k' }, env, 0)).toBe(false);
  });
});
