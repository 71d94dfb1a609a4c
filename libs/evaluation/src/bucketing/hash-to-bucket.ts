/** Buckets run over [0, BUCKETS): weights are integers summing to this (0.001% steps). */
export const BUCKETS = 100000;

const TWO_POW_32 = 4294967296;

/** Maps an unsigned 32-bit hash onto [0, BUCKETS), exactly: floor(hash * 100000 / 2^32). */
export function hashToBucket(hash: number): number {
  return Math.floor((hash * BUCKETS) / TWO_POW_32);
}

/** {@link hashToBucket} of a hash given as a signed 32-bit integer (a small integer, never boxed). */
export function signedHashToBucket(hash: number): number {
  return Math.floor(((hash >>> 0) * BUCKETS) / TWO_POW_32);
}
