import { finishHash, mixBlock } from './murmur3-mix.js';
import { hashUtf16 } from './murmur3-string.js';

/** MurmurHash3 x86_32 of `bytes[0..length)`, as an unsigned 32-bit integer; allocates nothing. */
export function murmur3Bytes(bytes: Uint8Array, length: number, seed: number): number {
  let h = seed | 0;
  const blockEnd = length & ~3;
  let i = 0;
  for (; i < blockEnd; i += 4)
    h = mixBlock(h, bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
  let tail = 0;
  for (let shift = 0; i < length; i++, shift += 8) tail |= bytes[i] << shift;
  return finishHash(h, tail, length & 3, length) >>> 0;
}

/**
 * MurmurHash3 x86_32 of a string's UTF-8 bytes (or of raw bytes), as an unsigned 32-bit integer.
 *
 * @param input the text (hashed as UTF-8; lone surrogates as U+FFFD) or the bytes to hash
 * @param seed the hash seed; bucketing uses 0
 */
export function murmur3(input: string | Uint8Array, seed = 0): number {
  if (typeof input === 'string') return hashUtf16(input, seed | 0, 0, 0, 0) >>> 0;
  return murmur3Bytes(input, input.length, seed);
}
