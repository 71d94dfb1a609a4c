import { bucket } from '../bucketing/bucket.js';
import { evaluate } from '../evaluate.js';
import type { EvaluationContext } from '../model/context.js';
import { booleanFlag, rollout } from '../testing/flag-builder.js';

const variants = { a: 'A', b: 'B', c: 'C' };
const split = (weights: Record<string, number>, bucketBy?: string) =>
  booleanFlag({ key: 'split', type: 'string', variants, offVariant: 'a', fallthrough: rollout(weights, bucketBy) });

function served(weights: Record<string, number>, context: EvaluationContext, bucketBy?: string): string | undefined {
  return evaluate(split(weights, bucketBy), context).variant;
}

describe('rollouts', () => {
  const key = 'user-1';
  const userBucket = bucket('split', key);

  it('serves with SPLIT and the rule id when a rule serves a rollout', () => {
    const flag = booleanFlag({
      type: 'string',
      variants,
      offVariant: 'a',
      rules: [{ id: 'r9', conditions: [], serve: rollout({ b: 100000 }) }],
    });
    expect(evaluate(flag, { key })).toEqual({
      value: 'B',
      variant: 'b',
      reason: 'SPLIT',
      ruleId: 'r9',
      flagVersion: 7,
    });
    expect(evaluate(split({ c: 100000 }), { key })).toEqual({
      value: 'C',
      variant: 'c',
      reason: 'SPLIT',
      flagVersion: 7,
    });
  });

  it('picks the first variant whose running sum exceeds the bucket, at the exact edge', () => {
    expect(served({ a: userBucket, b: 100000 - userBucket }, { key })).toBe('b');
    expect(served({ a: userBucket + 1, b: 99999 - userBucket }, { key })).toBe('a');
  });

  it('never serves a variant of weight 0 and always one of weight 100000', () => {
    expect(served({ a: 0, b: 100000, c: 0 }, { key })).toBe('b');
    for (let i = 0; i < 200; i++) expect(served({ a: 0, b: 0, c: 100000 }, { key: `k${i}` })).toBe('c');
  });

  it('only adds users to the first variant when its weight rises', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `user-${i}`);
    const before = keys.filter((k) => served({ a: 20000, b: 80000 }, { key: k }) === 'a');
    const after = keys.filter((k) => served({ a: 30000, b: 70000 }, { key: k }) === 'a');
    expect(after.length).toBeGreaterThan(before.length);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('splits roughly by weight', () => {
    let a = 0;
    for (let i = 0; i < 2000; i++) if (served({ a: 25000, b: 75000 }, { key: `u${i}` }) === 'a') a++;
    expect(a).toBeGreaterThan(400);
    expect(a).toBeLessThan(600);
  });

  it('returns TARGETING_KEY_MISSING when it buckets by a missing or empty key', () => {
    for (const context of [{}, { key: '' }, { key: 42 }]) {
      const result = evaluate(split({ a: 50000, b: 50000 }), context as never, undefined, { defaultValue: 'z' });
      expect(result).toMatchObject({ value: 'z', reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' });
    }
  });

  it('buckets by another attribute, using String() of numbers', () => {
    const org = 'org-7';
    const orgBucket = bucket('split', org);
    const weights = { a: orgBucket + 1, b: 99999 - orgBucket };
    expect(served(weights, { key: 'anyone', org }, 'org')).toBe('a');
    expect(served(weights, { key: 'someone-else', org }, 'org')).toBe('a');
    const numberBucket = bucket('split', '1234');
    expect(served({ a: numberBucket, b: 100000 - numberBucket }, { key: 'k', org: 1234 }, 'org')).toBe('b');
  });

  it('uses bucket 0 (the first variant with weight) when the bucketBy attribute is missing or a list', () => {
    expect(served({ a: 0, b: 1, c: 99999 }, { key: 'k' }, 'org')).toBe('b');
    expect(served({ a: 0, b: 1, c: 99999 }, { key: 'k', org: ['x'] }, 'org')).toBe('b');
  });

  it('uses the salt instead of the flag key when given', () => {
    const salted = booleanFlag({ key: 'split', salt: 'other', type: 'string', variants, offVariant: 'a' });
    const saltBucket = bucket('other', key);
    salted.fallthrough = rollout({ a: saltBucket, b: 100000 - saltBucket });
    expect(evaluate(salted, { key }).variant).toBe('b');
  });

  it('returns GENERAL when weights do not sum to 100000 or are not integers', () => {
    for (const weights of [{ a: 50000, b: 40000 }, { a: 50000.5, b: 49999.5 }, { a: -1, b: 100001 }, {}]) {
      const result = evaluate(split(weights), { key }, undefined, { defaultValue: 'z' });
      expect(result).toMatchObject({ value: 'z', reason: 'ERROR', errorCode: 'GENERAL' });
    }
  });

  it('returns GENERAL when the chosen variant is unknown, and serves the known ones', () => {
    expect(evaluate(split({ ghost: 100000 }), { key }).errorCode).toBe('GENERAL');
    expect(served({ ghost: 0, a: 100000 }, { key })).toBe('a');
  });
});
