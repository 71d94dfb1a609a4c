/** Longest error description kept in a result's `errorMessage`. */
const MAX_DESCRIPTION = 500;

/**
 * A short description of anything a host may throw or pass, that cannot itself throw: an Error's message, a
 * primitive's text, else the object's tag. Covers prototype-less objects, Proxies (revoked ones too), throwing
 * `message` getters and `toString`s, Symbols and BigInts.
 */
export function describeError(thrown: unknown): string {
  try {
    if (thrown instanceof Error && typeof thrown.message === 'string') return thrown.message.slice(0, MAX_DESCRIPTION);
  } catch {
    // a throwing `message` getter or a Proxy's getPrototypeOf trap: describe it as an object below
  }
  if (typeof thrown !== 'object' && typeof thrown !== 'function') return String(thrown).slice(0, MAX_DESCRIPTION);
  try {
    return Object.prototype.toString.call(thrown);
  } catch {
    return 'an unprintable value';
  }
}
