import { hasUnsafeCharacters } from './safe-text.js';

describe('hasUnsafeCharacters', () => {
  it('accepts plain text, non-ASCII text and whole surrogate pairs', () => {
    expect(hasUnsafeCharacters('')).toBe(false);
    expect(hasUnsafeCharacters('checkout-v2')).toBe(false);
    expect(hasUnsafeCharacters('Zürich, 東京')).toBe(false);
    expect(hasUnsafeCharacters('rocket \ud83d\ude80 launch')).toBe(false);
  });

  it('refuses a NUL anywhere in the text', () => {
    expect(hasUnsafeCharacters('\u0000')).toBe(true);
    expect(hasUnsafeCharacters('user\u0000admin')).toBe(true);
    expect(hasUnsafeCharacters('trailing\u0000')).toBe(true);
  });

  it('refuses a lone high or low surrogate, at either end or inside', () => {
    expect(hasUnsafeCharacters('\ud83d')).toBe(true);
    expect(hasUnsafeCharacters('a\ud83db')).toBe(true);
    expect(hasUnsafeCharacters('\ude80')).toBe(true);
    expect(hasUnsafeCharacters('a\ude80b')).toBe(true);
    expect(hasUnsafeCharacters('\ude80\ud83d')).toBe(true);
  });
});
