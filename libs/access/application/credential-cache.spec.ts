import { CredentialCache } from './credential-cache.js';

describe('CredentialCache', () => {
  let now = 0;
  const hash = (text: string) => Buffer.from(text);

  it('serves a lookup until its TTL, then only as a stale fallback', () => {
    const cache = new CredentialCache(1000, 10, () => now);
    cache.set(hash('a'), 'id-a', { name: 'a' });
    expect(cache.get(hash('a'))).toEqual({ name: 'a' });
    now += 1000;
    expect(cache.get(hash('a'))).toBeUndefined();
    expect(cache.getStale(hash('a'))).toEqual({ name: 'a' });
  });

  it('forgets every entry of a revoked credential', () => {
    const cache = new CredentialCache(1000, 10, () => now);
    cache.set(hash('a'), 'id-a', 1);
    cache.set(hash('b'), 'id-b', 2);
    cache.invalidate('id-a');
    expect(cache.getStale(hash('a'))).toBeUndefined();
    expect(cache.get(hash('b'))).toBe(2);
  });

  it('evicts the oldest entry when full', () => {
    const cache = new CredentialCache(1000, 2, () => now);
    cache.set(hash('a'), 'a', 1);
    cache.set(hash('b'), 'b', 2);
    cache.set(hash('c'), 'c', 3);
    expect(cache.getStale(hash('a'))).toBeUndefined();
    expect(cache.get(hash('c'))).toBe(3);
  });
});
