/**
 * Writes the UTF-8 encoding of `text` into `target` at `offset` and returns the offset after the last byte.
 * Lone surrogates are encoded as U+FFFD, exactly as `TextEncoder` does. The caller guarantees room for
 * `3 * text.length` bytes (the worst case). No allocation.
 */
export function writeUtf8(text: string, target: Uint8Array, offset: number): number {
  let at = offset;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      target[at++] = code;
      continue;
    }
    if (code < 0x800) {
      target[at++] = 0xc0 | (code >> 6);
      target[at++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
        target[at++] = 0xf0 | (code >> 18);
        target[at++] = 0x80 | ((code >> 12) & 0x3f);
        target[at++] = 0x80 | ((code >> 6) & 0x3f);
        target[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd;
    }
    target[at++] = 0xe0 | (code >> 12);
    target[at++] = 0x80 | ((code >> 6) & 0x3f);
    target[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

/** Encodes `text` as UTF-8 into a new array (for the non-hot public helpers). */
export function encodeUtf8(text: string): Uint8Array {
  const buffer = new Uint8Array(text.length * 3);
  const length = writeUtf8(text, buffer, 0);
  return buffer.subarray(0, length);
}
