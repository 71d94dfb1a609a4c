// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * True when `text` holds what Postgres refuses in `text` and `jsonb` values: a NUL character, or a lone
 * UTF-16 surrogate (not valid Unicode). SDK reports are refused at the edge when any of their strings does.
 */
export function hasUnsafeCharacters(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** The message of a refused string. */
export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or lone UTF-16 surrogates';
