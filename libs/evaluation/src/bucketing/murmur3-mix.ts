/** The two halves of MurmurHash3 x86_32 that every entry point shares (Austin Appleby's public-domain algorithm). */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Mixes one whole 4-byte block `k` (little-endian) into the running hash `h`. */
export function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * Ends the hash: mixes the 0-3 leftover bytes `tail` (little-endian, `tailBytes` of them) and the total
 * `length` in bytes, then the final avalanche. Returns the hash as a SIGNED 32-bit integer (`>>> 0` gives
 * murmur's unsigned value): the hot path keeps it signed so that, when the optimiser does not inline a call,
 * the value still fits a small integer and is never boxed as a heap number.
 */
export function finishHash(h: number, tail: number, tailBytes: number, length: number): number {
  if (tailBytes !== 0) {
    let k = Math.imul(tail, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
