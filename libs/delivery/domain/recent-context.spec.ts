import { RECENT_CONTEXT_LIMITS, recentContextProblem } from './recent-context.js';

describe('recentContextProblem', () => {
  it('accepts a key with string, number, boolean and string-list attributes', () => {
    expect(recentContextProblem({ key: 'u1', country: 'FR', age: 31, beta: true, groups: ['a', 'b'] })).toBeNull();
  });

  it.each([
    ['a non-object', 'u1', /object/],
    ['a list', [{ key: 'u1' }], /object/],
    ['a missing key', { country: 'FR' }, /key/],
    ['an empty key', { key: '' }, /key/],
    ['a numeric key', { key: 7 }, /key/],
    ['a nested object', { key: 'u1', address: { city: 'Lyon' } }, /address/],
    ['a list of numbers', { key: 'u1', scores: [1, 2] }, /scores/],
    ['an infinite number', { key: 'u1', n: Number.POSITIVE_INFINITY }, /n:/],
    ['an over-long value', { key: 'u1', bio: 'x'.repeat(RECENT_CONTEXT_LIMITS.text + 1) }, /bio/],
  ])('refuses %s', (_name, value, message) => {
    expect(recentContextProblem(value)).toMatch(message);
  });

  it('refuses more attributes than the limit', () => {
    const context: Record<string, unknown> = { key: 'u1' };
    for (let i = 0; i < RECENT_CONTEXT_LIMITS.attributes; i += 1) context[`a${i}`] = i;
    expect(recentContextProblem(context)).toMatch(/at most/);
  });
});
