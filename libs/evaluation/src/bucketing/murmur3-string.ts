import { finishHash, mixBlock } from './murmur3-mix.js';

/**
 * MurmurHash3 x86_32 over the UTF-8 bytes of `text`, continuing from a state: the running hash `h` after
 * `length` bytes, of which the last `tailBytes` (0-3) are still pending in `tail` (little-endian), not yet
 * mixed because murmur mixes whole 4-byte blocks only. Reads the string's UTF-16 code units directly and
 * never writes its bytes anywhere: nothing is allocated and no buffer grows.
 *
 * Returns the hash as a signed 32-bit integer (see finishHash); `>>> 0` gives murmur's unsigned value.
 *
 * The fast path takes ASCII code units four at a time (one code unit is one byte). At the first code unit
 * ≥ 0x80 it hands the state over to {@link continueUtf8}, which encodes from there on.
 */
export function hashUtf16(text: string, h: number, tail: number, tailBytes: number, length: number): number {
  const n = text.length;
  let i = 0;
  let shift = tailBytes << 3;
  // Complete the pending block first, so the loop below mixes whole blocks of four code units.
  while (shift !== 0) {
    if (i === n) return finishHash(h, tail, shift >>> 3, length + n);
    const c = text.charCodeAt(i);
    if (c >= 0x80) return continueUtf8(text, i, h, tail, shift, length + i);
    tail |= c << shift;
    i++;
    shift += 8;
    if (shift === 32) {
      h = mixBlock(h, tail);
      tail = 0;
      shift = 0;
    }
  }
  const blockEnd = i + ((n - i) & ~3);
  for (; i < blockEnd; i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) >= 0x80) return continueUtf8(text, i, h, 0, 0, length + i);
    h = mixBlock(h, c0 | (c1 << 8) | (c2 << 16) | (c3 << 24));
  }
  for (; i < n; i++, shift += 8) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return continueUtf8(text, i, h, tail, shift, length + i);
    tail |= c << shift;
  }
  return finishHash(h, tail, shift >>> 3, length + n);
}

/**
 * The general path of {@link hashUtf16} from code unit `from` on (`shift` = 8 × pending bytes): encodes each
 * code point as UTF-8, exactly as `TextEncoder` does (a lone surrogate becomes U+FFFD, EF BF BD), and feeds
 * its bytes one by one.
 */
export function continueUtf8(
  text: string,
  from: number,
  h: number,
  tail: number,
  shift: number,
  length: number,
): number {
  const n = text.length;
  for (let i = from; i < n; i++) {
    let code = text.charCodeAt(i);
    let bytes: number;
    let count: number;
    if (code < 0x80) {
      bytes = code;
      count = 1;
    } else if (code < 0x800) {
      bytes = 0xc0 | (code >> 6) | ((0x80 | (code & 0x3f)) << 8);
      count = 2;
    } else {
      if (code >= 0xd800 && code <= 0xdfff) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else {
          code = 0xfffd;
        }
      }
      if (code >= 0x10000) {
        bytes =
          0xf0 |
          (code >> 18) |
          ((0x80 | ((code >> 12) & 0x3f)) << 8) |
          ((0x80 | ((code >> 6) & 0x3f)) << 16) |
          ((0x80 | (code & 0x3f)) << 24);
        count = 4;
      } else {
        bytes = 0xe0 | (code >> 12) | ((0x80 | ((code >> 6) & 0x3f)) << 8) | ((0x80 | (code & 0x3f)) << 16);
        count = 3;
      }
    }
    length += count;
    for (; count > 0; count--, bytes >>>= 8) {
      tail |= (bytes & 0xff) << shift;
      shift += 8;
      if (shift === 32) {
        h = mixBlock(h, tail);
        tail = 0;
        shift = 0;
      }
    }
  }
  return finishHash(h, tail, shift >>> 3, length);
}
