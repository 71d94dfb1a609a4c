/** Keys of projects, environments, flags and segments: lower-case slugs, 1–64 characters. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The message shown when a key is not a slug. */
export const SLUG_MESSAGE =
  'must be 1–64 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit';

/** Returns an explanation when `value` is not a valid key, or null when it is. */
export function slugProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length === 0) return 'must not be empty';
  if (value.length > 64) return 'must be at most 64 characters';
  if (!SLUG_PATTERN.test(value)) return SLUG_MESSAGE;
  return null;
}
