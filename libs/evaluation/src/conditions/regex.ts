import { RE2JS } from 're2js';

/** Regex patterns longer than this never compile (and are refused by the validator). */
export const MAX_PATTERN_LENGTH = 1024;

/** Why a `matches` pattern cannot be used: a validation code and a message naming the construct. */
export interface PatternProblem {
  readonly code: 'INVALID_REGEX' | 'REGEX_TOO_LONG' | 'UNSUPPORTED_REGEX';
  readonly message: string;
}

/** A pattern compiled for `matches` (RE2 syntax, linear-time search), or the problem that stops it. */
export type CompiledPattern = { readonly regex: RE2JS } | { readonly problem: PatternProblem };

/** Constructs that backtracking engines (JavaScript, PCRE) accept and RE2 refuses, by how they start. */
const UNSUPPORTED: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\\[1-9]/, 'backreferences (\\1) are not supported'],
  [/^\\k</, 'named backreferences (\\k<name>) are not supported'],
  [/^\(\?=/, 'lookahead (?=…) is not supported'],
  [/^\(\?!/, 'negative lookahead (?!…) is not supported'],
  [/^\(\?<=/, 'lookbehind (?<=…) is not supported'],
  [/^\(\?<!/, 'negative lookbehind (?<!…) is not supported'],
  [/^\(\?>/, 'atomic groups (?>…) are not supported'],
  [/^[*+?}][+]/, 'possessive quantifiers (a++) are not supported'],
  [/^\\u[0-9A-Fa-f{]/, '\\u escapes are not supported: write \\x{41} for U+0041'],
  [/^\\c[A-Za-z]/, '\\c control escapes are not supported: write \\x01'],
];

/** The first construct RE2 does not support, outside character classes; undefined when there is none. */
function unsupportedConstruct(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (!inClass) {
      const rest = pattern.slice(i, i + 4);
      for (const [shape, message] of UNSUPPORTED) if (shape.test(rest)) return `${message} (at offset ${i})`;
    }
    if (char === '\\') i++;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
  }
  return undefined;
}

/**
 * Compiles a `matches` pattern with RE2 (through re2js: linear time in the input, whatever the pattern).
 * Never throws: a pattern over {@link MAX_PATTERN_LENGTH} characters, one RE2 cannot parse, or one using a
 * construct RE2 does not support (backreferences, lookaround: named in the message) gives a problem.
 */
export function compilePattern(pattern: string): CompiledPattern {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      problem: {
        code: 'REGEX_TOO_LONG',
        message: `the regular expression is ${pattern.length} characters; the limit is ${MAX_PATTERN_LENGTH}`,
      },
    };
  }
  try {
    return { regex: RE2JS.compile(pattern) };
  } catch (error) {
    const construct = unsupportedConstruct(pattern);
    if (construct !== undefined) return { problem: { code: 'UNSUPPORTED_REGEX', message: `RE2 syntax: ${construct}` } };
    const detail = error instanceof Error ? error.message : 'unknown error';
    return { problem: { code: 'INVALID_REGEX', message: `not a valid RE2 regular expression: ${detail}` } };
  }
}

/**
 * Why `pattern` cannot be used by `matches` (too long, not RE2 syntax, or a construct RE2 does not support,
 * named), or undefined when it can. The validator's check for every `matches` value.
 */
export function patternProblem(pattern: string): PatternProblem | undefined {
  const compiled = compilePattern(pattern);
  return 'problem' in compiled ? compiled.problem : undefined;
}
