import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bucket, BUCKETS, hashToBucket, SaltedBucketer } from './bucket.js';
import { murmur3 } from './murmur3.js';

interface VectorCase {
  salt: string;
  value: string;
  hash: number;
  bucket: number;
}

const vectorsPath = fileURLToPath(new URL('../../../../../shared/vectors/bucketing.json', import.meta.url));

function loadVectors(): VectorCase[] {
  if (!existsSync(vectorsPath)) {
    throw new Error(
      `bucketing vectors not found at ${vectorsPath}: the shared/ folder must sit beside the repo (../shared/vectors/bucketing.json)`,
    );
  }
  return (JSON.parse(readFileSync(vectorsPath, 'utf8')) as { cases: VectorCase[] }).cases;
}

describe('bucketing golden vectors', () => {
  const cases = loadVectors();

  it('has vectors to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c, i) => [i, c] as const))('vector %i hashes and buckets exactly', (_index, vector) => {
    expect(murmur3(`${vector.salt}:${vector.value}`)).toBe(vector.hash);
    expect(bucket(vector.salt, vector.value)).toBe(vector.bucket);
    expect(new SaltedBucketer(vector.salt).bucket(vector.value)).toBe(vector.bucket);
  });
});

describe('murmur3', () => {
  it('matches the reference x86_32 results for known inputs and seeds', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('', 1)).toBe(0x514e28b7);
    expect(murmur3(new Uint8Array([0x21, 0x43, 0x65, 0x87]))).toBe(0xf55b516b);
    expect(murmur3('Hello, world!', 1234)).toBe(0xfaf6cdb3);
  });

  it('hashes lone surrogates as U+FFFD, like TextEncoder', () => {
    expect(murmur3('a\ud800b')).toBe(murmur3(new TextEncoder().encode('a\ud800b')));
    expect(murmur3('\udc00')).toBe(murmur3('\ufffd'));
  });
});

describe('SaltedBucketer', () => {
  it('agrees with hashing the encoded bytes for ASCII, multi-byte and very long values, one bucketer for all', () => {
    const bucketer = new SaltedBucketer('salt-ü');
    const values = ['a', 'José', '日本', '👩‍💻', 'x'.repeat(5000), 'y'.repeat(700), 'z', '\ud83d'];
    for (const value of values) {
      const bytes = new TextEncoder().encode(`salt-ü:${value}`);
      expect(bucketer.bucket(value)).toBe(hashToBucket(murmur3(bytes)));
      expect(bucket('salt-ü', value)).toBe(hashToBucket(murmur3(bytes)));
    }
  });

  it('keeps every bucket inside [0, 100000)', () => {
    const bucketer = new SaltedBucketer('range');
    for (let i = 0; i < 1000; i++) {
      const value = bucketer.bucket(`user-${i}`);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(BUCKETS);
    }
  });
});
