import { CONFIG_LIMITS } from './limits.js';

/**
 * The one grammar of project, environment, flag and segment keys (a slug): lower-case letters, digits, `.`,
 * `_` and `-`, starting with a letter or digit, 1–64 characters. Keys are used in URLs and file names as is.
 */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The grammar of variant keys (not URL parts): letters of either case, digits, `.`, `_`, `-`; 1–128 characters. */
export const VARIANT_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The sentence shown when a key does not follow {@link KEY_PATTERN}. */
export const KEY_MESSAGE =
  'must be 1–64 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit';

/**
 * Why `value` is not a valid key (project, environment, flag or segment), or undefined when it is.
 *
 * @param value any value
 */
export function keyProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length === 0) return 'must not be empty';
  if (value.length > CONFIG_LIMITS.key) return `must be at most ${CONFIG_LIMITS.key} characters`;
  if (!KEY_PATTERN.test(value)) return KEY_MESSAGE;
  return undefined;
}
