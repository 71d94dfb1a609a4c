import { signedHashToBucket } from './hash-to-bucket.js';
import { mixBlock } from './murmur3-mix.js';
import { hashUtf16 } from './murmur3-string.js';
import { encodeUtf8 } from './utf8.js';

const COLON = 0x3a;

/**
 * Buckets values for one salt without allocating anything per call. The salt's bytes are hashed once:
 * murmur's state after the whole 4-byte blocks of `utf8(salt) + ":"` is kept, with the 0-3 bytes left over
 * (they belong to the block the value's first bytes complete). Each value then only costs its own bytes,
 * read straight from the string (see hashUtf16), so the result is exactly
 * `floor(murmur3_x86_32(utf8(salt + ":" + value), 0) * 100000 / 2^32)`.
 */
export class SaltedBucketer {
  /** Murmur's running hash after the prefix's whole blocks. */
  private readonly state: number;
  /** The prefix's leftover bytes (little-endian), and how many (0-3). */
  private readonly tail: number;
  private readonly tailBytes: number;
  /** Length of `utf8(salt) + ":"` in bytes. */
  private readonly prefixLength: number;

  constructor(salt: string) {
    const saltBytes = encodeUtf8(salt);
    const prefix = new Uint8Array(saltBytes.length + 1);
    prefix.set(saltBytes);
    prefix[saltBytes.length] = COLON;
    const blockEnd = prefix.length & ~3;
    let h = 0;
    for (let i = 0; i < blockEnd; i += 4)
      h = mixBlock(h, prefix[i] | (prefix[i + 1] << 8) | (prefix[i + 2] << 16) | (prefix[i + 3] << 24));
    let tail = 0;
    for (let i = blockEnd, shift = 0; i < prefix.length; i++, shift += 8) tail |= prefix[i] << shift;
    this.state = h;
    this.tail = tail;
    this.tailBytes = prefix.length - blockEnd;
    this.prefixLength = prefix.length;
  }

  /** The murmur3 hash of `utf8(salt + ":" + value)`, unsigned 32-bit. */
  hash(value: string): number {
    return hashUtf16(value, this.state, this.tail, this.tailBytes, this.prefixLength) >>> 0;
  }

  /** The bucket of `value`, in [0, BUCKETS). */
  bucket(value: string): number {
    return signedHashToBucket(hashUtf16(value, this.state, this.tail, this.tailBytes, this.prefixLength));
  }
}
