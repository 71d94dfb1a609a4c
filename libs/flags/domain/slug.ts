import { KEY_MESSAGE, KEY_PATTERN, keyProblem } from '@switchyard/evaluation';

/**
 * Keys of projects, environments, flags and segments: the engine's one key grammar (`KEY_PATTERN`),
 * lower-case slugs of 1–64 characters. Path parameters and bodies are checked against the same pattern.
 */
export const SLUG_PATTERN = KEY_PATTERN;

/** The message shown when a key is not a slug. */
export const SLUG_MESSAGE = KEY_MESSAGE;

/** Returns an explanation when `value` is not a valid key, or null when it is. */
export function slugProblem(value: unknown): string | null {
  return keyProblem(value) ?? null;
}
