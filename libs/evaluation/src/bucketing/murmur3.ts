import { encodeUtf8 } from './utf8.js';

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/**
 * MurmurHash3 x86_32 of `bytes[0..length)`, as an unsigned 32-bit integer. Reads the bytes directly and
 * allocates nothing: the engine's bucketing calls it with a reusable buffer.
 */
export function murmur3Bytes(bytes: Uint8Array, length: number, seed: number): number {
  let h = seed | 0;
  const blockEnd = length & ~3;
  let i = 0;
  while (i < blockEnd) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    i += 4;
  }
  const tail = length & 3;
  if (tail !== 0) {
    let k = 0;
    if (tail === 3) k ^= bytes[i + 2] << 16;
    if (tail >= 2) k ^= bytes[i + 1] << 8;
    k ^= bytes[i];
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MurmurHash3 x86_32 of a string's UTF-8 bytes (or of raw bytes), as an unsigned 32-bit integer.
 *
 * @param input the text (hashed as UTF-8; lone surrogates as U+FFFD) or the bytes to hash
 * @param seed the hash seed; bucketing uses 0
 */
export function murmur3(input: string | Uint8Array, seed = 0): number {
  const bytes = typeof input === 'string' ? encodeUtf8(input) : input;
  return murmur3Bytes(bytes, bytes.length, seed);
}
