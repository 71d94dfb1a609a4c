import { DomainError } from '@switchyard/kernel';
import { baseVersionOf, etagOf } from './base-version.js';

describe('baseVersionOf', () => {
  it('reads a quoted, weak or bare If-Match version', () => {
    expect(baseVersionOf('"3"', undefined)).toBe(3);
    expect(baseVersionOf('W/"4"', undefined)).toBe(4);
    expect(baseVersionOf('5', undefined)).toBe(5);
  });

  it('falls back to the body and accepts both when they agree', () => {
    expect(baseVersionOf(undefined, 7)).toBe(7);
    expect(baseVersionOf('"7"', 7)).toBe(7);
    expect(baseVersionOf(undefined, undefined)).toBeUndefined();
  });

  it('refuses an unreadable header and a header that contradicts the body', () => {
    expect(() => baseVersionOf('*', undefined)).toThrow(DomainError);
    expect(() => baseVersionOf('"2"', 3)).toThrow('If-Match and baseVersion disagree');
  });

  it('writes the ETag a later If-Match sends back', () => {
    expect(baseVersionOf(etagOf(12), undefined)).toBe(12);
  });
});
