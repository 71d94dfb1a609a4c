import { murmur3Bytes } from './murmur3.js';
import { writeUtf8 } from './utf8.js';

/** Buckets run over [0, BUCKETS): weights are integers summing to this (0.001% steps). */
export const BUCKETS = 100000;

const TWO_POW_32 = 4294967296;
const COLON = 0x3a;

/** Maps an unsigned 32-bit hash onto [0, BUCKETS), exactly: floor(hash * 100000 / 2^32). */
export function hashToBucket(hash: number): number {
  return Math.floor((hash * BUCKETS) / TWO_POW_32);
}

/**
 * The bucket of `value` for `salt`, by the exact rule every Switchyard implementation shares:
 * `floor(murmur3_x86_32(utf8(salt + ":" + value), seed 0) * 100000 / 2^32)`, in [0, 100000).
 * Golden vectors: `shared/vectors/bucketing.json`.
 */
export function bucket(salt: string, value: string): number {
  const bytes = new Uint8Array((salt.length + value.length) * 3 + 1);
  let length = writeUtf8(salt, bytes, 0);
  bytes[length++] = COLON;
  length = writeUtf8(value, bytes, length);
  return hashToBucket(murmur3Bytes(bytes, length, 0));
}

/** Values longer than this are hashed in a one-off buffer instead of growing the reusable one. */
const MAX_RETAINED_VALUE_LENGTH = 1024;

/**
 * Buckets values for one salt without allocating: the salt's UTF-8 bytes and ':' are written once into a
 * reusable buffer, and each value's bytes are written after them.
 */
export class SaltedBucketer {
  private buffer: Uint8Array;
  private readonly prefixLength: number;

  constructor(salt: string) {
    const prefix = new Uint8Array(salt.length * 3 + 1);
    let length = writeUtf8(salt, prefix, 0);
    prefix[length++] = COLON;
    this.prefixLength = length;
    this.buffer = new Uint8Array(length + 3 * 128);
    this.buffer.set(prefix.subarray(0, length));
  }

  /** The bucket of `value`, in [0, BUCKETS). */
  bucket(value: string): number {
    const needed = this.prefixLength + value.length * 3;
    let target = this.buffer;
    if (needed > target.length) {
      target = new Uint8Array(needed);
      target.set(this.buffer.subarray(0, this.prefixLength));
      if (value.length <= MAX_RETAINED_VALUE_LENGTH) this.buffer = target;
    }
    const length = writeUtf8(value, target, this.prefixLength);
    return hashToBucket(murmur3Bytes(target, length, 0));
  }
}
