import fc from 'fast-check';
import { bucket, BUCKETS, SaltedBucketer } from './bucket.js';
import { murmur3 } from './murmur3.js';

/**
 * The plain reference: MurmurHash3 x86_32 as published, over the bytes TextEncoder gives (which encodes a
 * lone surrogate as U+FFFD, the engine's documented behaviour). Written independently of the engine's code,
 * byte by byte with the classic tail switch, so a wrong fast path cannot agree with it by sharing a bug.
 */
function referenceMurmur3(bytes: Uint8Array, seed: number): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h1 = seed >>> 0;
  const blocks = Math.floor(bytes.length / 4);
  for (let block = 0; block < blocks; block++) {
    const at = block * 4;
    let k1 = (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
    k1 = Math.imul(k1, c1);
    k1 = ((k1 << 15) | (k1 >>> 17)) >>> 0;
    k1 = Math.imul(k1, c2);
    h1 = (h1 ^ k1) >>> 0;
    h1 = ((h1 << 13) | (h1 >>> 19)) >>> 0;
    h1 = (Math.imul(h1, 5) + 0xe6546b64) >>> 0;
  }
  const tail = blocks * 4;
  let k1 = 0;
  switch (bytes.length & 3) {
    case 3:
      k1 ^= bytes[tail + 2] << 16; // falls through
    case 2:
      k1 ^= bytes[tail + 1] << 8; // falls through
    case 1:
      k1 ^= bytes[tail];
      k1 = Math.imul(k1, c1);
      k1 = (k1 << 15) | (k1 >>> 17);
      k1 = Math.imul(k1, c2);
      h1 = (h1 ^ k1) >>> 0;
  }
  h1 ^= bytes.length;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  return h1 >>> 0;
}

const encoder = new TextEncoder();
const referenceBucket = (salt: string, value: string): number =>
  Math.floor((referenceMurmur3(encoder.encode(`${salt}:${value}`), 0) * BUCKETS) / 2 ** 32);

/** One UTF-16 code unit or pair from each class that takes its own path: 1, 2, 3 and 4 UTF-8 bytes, lone halves. */
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0x7ff }).map((code) => String.fromCharCode(code)) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0x800, max: 0xffff })
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCharCode(c)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
);
const text = (maxLength: number) => fc.string({ unit, maxLength });
const ascii = (maxLength: number) => fc.string({ unit: 'binary-ascii', maxLength });
/** Mostly short mixed strings, some pure ASCII (the fast path end to end), some long. */
const value = fc.oneof(
  { weight: 4, arbitrary: text(40) },
  { weight: 3, arbitrary: ascii(40) },
  { weight: 1, arbitrary: text(600) },
);
/** Salts of every length modulo 4, so the value meets the prefix at every offset inside a block. */
const salt = fc.oneof(ascii(13), text(13));

describe('salted bucketing against a plain reference murmur3 over UTF-8 bytes', () => {
  it('hashes and buckets salt + ":" + value exactly like the reference, for any salt and value', () => {
    fc.assert(
      fc.property(salt, value, (s, v) => {
        const expected = referenceMurmur3(encoder.encode(`${s}:${v}`), 0);
        const bucketer = new SaltedBucketer(s);
        expect(bucketer.hash(v)).toBe(expected);
        expect(bucketer.bucket(v)).toBe(referenceBucket(s, v));
        expect(bucket(s, v)).toBe(referenceBucket(s, v));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same answers when one bucketer is reused across many values', () => {
    fc.assert(
      fc.property(salt, fc.array(value, { maxLength: 20 }), (s, values) => {
        const bucketer = new SaltedBucketer(s);
        for (const v of values) expect(bucketer.bucket(v)).toBe(referenceBucket(s, v));
      }),
      { numRuns: 300 },
    );
  });

  it('murmur3(string, seed) equals the reference over the UTF-8 bytes, for any seed', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 0xffffffff }), (v, seed) => {
        expect(murmur3(v, seed)).toBe(referenceMurmur3(encoder.encode(v), seed));
      }),
      { numRuns: 2000 },
    );
  });

  it('places a multi-byte character at every offset after every prefix length', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', 'ü', 'üü', '日', '👩']) {
      const bucketer = new SaltedBucketer(s);
      for (const special of ['é', '日', '😀', '\ud800', '\udfff', '\ud83dx']) {
        for (let before = 0; before < 9; before++) {
          for (let after = 0; after < 5; after++) {
            const v = `${'k'.repeat(before)}${special}${'z'.repeat(after)}`;
            expect(bucketer.hash(v)).toBe(referenceMurmur3(encoder.encode(`${s}:${v}`), 0));
          }
        }
      }
    }
  });
});
