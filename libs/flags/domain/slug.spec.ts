import { slugProblem } from './slug.js';

describe('slugProblem', () => {
  it('accepts lower-case keys with digits, dots, dashes and underscores', () => {
    expect(slugProblem('new-checkout_v2.1')).toBeNull();
    expect(slugProblem('a')).toBeNull();
  });

  it('explains why a key with capitals, spaces or a leading dash is refused', () => {
    expect(slugProblem('Checkout')).toMatch(/lower-case/);
    expect(slugProblem('new checkout')).toMatch(/lower-case/);
    expect(slugProblem('-checkout')).toMatch(/starting with/);
  });

  it('refuses empty, over-long and non-string keys', () => {
    expect(slugProblem('')).toBe('must not be empty');
    expect(slugProblem('a'.repeat(65))).toBe('must be at most 64 characters');
    expect(slugProblem(42)).toBe('must be a string');
  });
});
