import { SaltedBucketer } from './salted-bucketer.js';

export { BUCKETS, hashToBucket } from './hash-to-bucket.js';
export { SaltedBucketer } from './salted-bucketer.js';

/** The bucketer of the last salt `bucket()` was called with: loops over one salt hash it once. */
let lastSalt: string | undefined;
let lastBucketer: SaltedBucketer | undefined;

/**
 * The bucket of `value` for `salt`, by the exact rule every Switchyard implementation shares:
 * `floor(murmur3_x86_32(utf8(salt + ":" + value), seed 0) * 100000 / 2^32)`, in [0, 100000).
 * Golden vectors: `shared/vectors/bucketing.json`. (The engine's compiled flags keep their own
 * {@link SaltedBucketer}.)
 */
export function bucket(salt: string, value: string): number {
  if (salt !== lastSalt || lastBucketer === undefined) {
    lastBucketer = new SaltedBucketer(salt);
    lastSalt = salt;
  }
  return lastBucketer.bucket(value);
}
