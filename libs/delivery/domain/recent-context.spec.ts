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

describe('recentContextProblem and characters Postgres refuses', () => {
  it.each([
    ['a NUL in the key', { key: 'u\u00001' }, /key: must not contain NUL/],
    ['a lone high surrogate in a value', { key: 'u1', name: 'a\ud800' }, /name: must not contain/],
    ['a lone low surrogate in a list item', { key: 'u1', groups: ['ok', '\udc00b'] }, /groups: must not contain/],
    ['a NUL in an attribute name', { key: 'u1', 'a\u0000': 1 }, /attribute names must not contain/],
  ])('refuses %s', (_name, value, message) => {
    expect(recentContextProblem(value)).toMatch(message);
  });

  it('accepts a well-formed surrogate pair (an emoji)', () => {
    expect(recentContextProblem({ key: 'u\ud83d\ude00', name: '\ud83d\ude00' })).toBeNull();
  });
});
