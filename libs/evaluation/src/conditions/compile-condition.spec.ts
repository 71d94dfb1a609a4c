import { evaluate } from '../evaluate.js';
import type { EvaluationContext } from '../model/context.js';
import type { Condition } from '../model/flag.js';
import { flagWithConditions } from '../testing/flag-builder.js';

function matches(conditions: Condition[], context: Record<string, unknown>): boolean {
  const result = evaluate(flagWithConditions(conditions), context as EvaluationContext);
  if (result.reason === 'ERROR') throw new Error(`unexpected error: ${result.errorMessage}`);
  return result.reason === 'TARGETING_MATCH';
}

const country = (values: string[], negate?: boolean): Condition => ({
  attribute: 'country',
  operator: 'in',
  values,
  negate,
});

describe('conditions', () => {
  it('holds when any of its values matches', () => {
    expect(matches([country(['FR', 'DE'])], { key: 'k', country: 'DE' })).toBe(true);
    expect(matches([country(['FR', 'DE'])], { key: 'k', country: 'US' })).toBe(false);
  });

  it('makes a rule hold only when all of them hold', () => {
    const plan: Condition = { attribute: 'plan', operator: 'in', values: ['pro'] };
    expect(matches([country(['FR']), plan], { key: 'k', country: 'FR', plan: 'pro' })).toBe(true);
    expect(matches([country(['FR']), plan], { key: 'k', country: 'FR', plan: 'free' })).toBe(false);
    const age: Condition = { attribute: 'age', operator: 'gte', values: [18] };
    expect(matches([country(['FR']), plan, age], { key: 'k', country: 'FR', plan: 'pro', age: 18 })).toBe(true);
    expect(matches([country(['FR']), plan, age], { key: 'k', country: 'FR', plan: 'pro', age: 17 })).toBe(false);
  });

  it('lets a rule with no conditions match everyone', () => {
    expect(matches([], { key: 'k' })).toBe(true);
  });

  it('flips a real comparison when negated', () => {
    expect(matches([country(['FR'], true)], { key: 'k', country: 'US' })).toBe(true);
    expect(matches([country(['FR'], true)], { key: 'k', country: 'FR' })).toBe(false);
  });

  it('never matches a missing attribute, negated or not', () => {
    expect(matches([country(['FR'])], { key: 'k' })).toBe(false);
    expect(matches([country(['FR'], true)], { key: 'k' })).toBe(false);
    expect(matches([country(['FR'], true)], { key: 'k', country: null })).toBe(false);
  });

  it('never matches an attribute of the wrong kind, negated or not', () => {
    const young: Condition = { attribute: 'age', operator: 'lt', values: [18] };
    expect(matches([young], { key: 'k', age: '12' })).toBe(false);
    expect(matches([{ ...young, negate: true }], { key: 'k', age: '12' })).toBe(false);
    expect(matches([{ ...young, negate: true }], { key: 'k', age: 30 })).toBe(true);
  });

  it('matches a string list attribute when any element matches any value', () => {
    const beta: Condition = { attribute: 'groups', operator: 'in', values: ['beta', 'staff'] };
    expect(matches([beta], { key: 'k', groups: ['users', 'staff'] })).toBe(true);
    expect(matches([beta], { key: 'k', groups: ['users'] })).toBe(false);
    expect(matches([{ ...beta, negate: true }], { key: 'k', groups: ['users'] })).toBe(true);
    expect(matches([{ ...beta, negate: true }], { key: 'k', groups: ['users', 'beta'] })).toBe(false);
    expect(
      matches([{ attribute: 'groups', operator: 'startsWith', values: ['sta'] }], { key: 'k', groups: ['x', 'staff'] }),
    ).toBe(true);
  });

  it('treats an empty list as present with no element matching', () => {
    const beta: Condition = { attribute: 'groups', operator: 'in', values: ['beta'] };
    expect(matches([beta], { key: 'k', groups: [] })).toBe(false);
    expect(matches([{ ...beta, negate: true }], { key: 'k', groups: [] })).toBe(true);
  });

  it('can target the key itself', () => {
    expect(matches([{ attribute: 'key', operator: 'endsWith', values: ['@corp.com'] }], { key: 'a@corp.com' })).toBe(
      true,
    );
  });

  it('never matches with an unknown operator, negated or not', () => {
    const odd = { attribute: 'country', operator: 'fuzzy', values: ['FR'] } as unknown as Condition;
    expect(matches([odd], { key: 'k', country: 'FR' })).toBe(false);
    expect(matches([{ ...odd, negate: true }], { key: 'k', country: 'FR' })).toBe(false);
  });

  it('does not read inherited properties such as toString as attributes', () => {
    expect(matches([{ attribute: 'toString', operator: 'contains', values: ['function'] }], { key: 'k' })).toBe(false);
    expect(
      matches([{ attribute: 'constructor', operator: 'in', values: ['Object'], negate: true }], { key: 'k' }),
    ).toBe(false);
  });
});
