import type { RE2JS } from 're2js';
import { compileValueTest, MATCH, MAX_MATCH_INPUT_LENGTH, NO_MATCH } from './operators.js';
import { compilePattern, MAX_PATTERN_LENGTH, patternProblem } from './regex.js';

/** The patterns of issue 9: each blocked a backtracking engine for seconds on under 30 characters. */
const REPORTED = ['((a+))+$', '(a|a)+$', '(a+?)+$', '(a|aa)+$', '^(\\w+\\s?)+$'];

/** Nested quantifiers, generated: every atom under every pair of quantifiers, one to three levels deep. */
function nestedFamily(): string[] {
  const atoms = ['a', 'a|a', 'a|aa', 'a?', '\\w', '[a-z]', '.'];
  const quantifiers = ['+', '*', '{1,}', '+?', '{2,8}'];
  const patterns: string[] = [];
  for (const atom of atoms) {
    for (const inner of quantifiers) {
      for (const outer of quantifiers) {
        patterns.push(`((${atom})${inner})${outer}$`);
        patterns.push(`^((${atom})${inner}(${atom})${inner})${outer}$`);
        patterns.push(`^(((${atom})${inner})${outer})${inner}b$`);
      }
    }
  }
  return patterns;
}

/** 8,191 × "a" then "!": a near miss, the input that makes backtracking engines try every split. */
const NEAR_MISS = 'a'.repeat(MAX_MATCH_INPUT_LENGTH - 1) + '!';

function testOf(pattern: string): (value: unknown) => number {
  const test = compileValueTest('matches', [pattern]);
  if (typeof test !== 'function') throw new Error(`${pattern} did not compile: ${String(test)}`);
  return test;
}

/** The UTF-8 bytes of `text` as an array that counts how often the regex engine reads one of them. */
function countingBytes(text: string): { bytes: number[]; reads: () => number } {
  let reads = 0;
  const bytes = new Proxy([...new TextEncoder().encode(text)], {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { bytes, reads: () => reads };
}

function regexOf(pattern: string): RE2JS {
  const compiled = compilePattern(pattern);
  if (!('regex' in compiled)) throw new Error(`${pattern}: ${compiled.problem.message}`);
  return compiled.regex;
}

describe('matches in linear time (RE2 through re2js)', () => {
  // Steps, counted: the engine's reads of the input. A backtracking engine re-reads the input once per split
  // it tries (2^n of them); RE2 reads each byte a bounded number of times, whatever the pattern.
  it.each([
    ['every reported pathological pattern', REPORTED, NEAR_MISS],
    ['the generated family of nested quantifiers', nestedFamily(), NEAR_MISS.slice(-1024)],
  ])('reads each byte of a near miss a bounded number of times: %s', (_, patterns, text) => {
    for (const pattern of patterns) {
      const input = countingBytes(text);
      regexOf(pattern).test(input.bytes);
      expect([pattern, input.reads() >= text.length - 1 && input.reads() <= 4 * text.length]).toEqual([pattern, true]);
    }
  });

  // Through the operator, on the string itself: a backtracking engine needs 2^n steps here (n = 8,191), so
  // finishing inside the jest timeout at all is the proof (with JavaScript's RegExp the first reported
  // pattern alone would outlast the universe). Speed itself is measured in bench/, never asserted here.
  it('evaluates every reported pathological pattern over an 8 KB near miss', () => {
    for (const pattern of REPORTED) {
      expect([pattern, testOf(pattern)(NEAR_MISS)]).toEqual([pattern, NO_MATCH]);
    }
  });

  it('still matches what those patterns describe', () => {
    const full = 'a'.repeat(MAX_MATCH_INPUT_LENGTH);
    for (const pattern of REPORTED) expect([pattern, testOf(pattern)(full)]).toEqual([pattern, MATCH]);
  });

  it('evaluates a generated family of nested quantifiers over an 8 KB near miss', () => {
    const family = nestedFamily();
    expect(family.length).toBeGreaterThan(200);
    let evaluated = 0;
    for (const pattern of family) {
      const outcome = testOf(pattern)(NEAR_MISS);
      expect([MATCH, NO_MATCH]).toContain(outcome);
      evaluated++;
    }
    expect(evaluated).toBe(family.length);
  });
});

describe('patternProblem: the write-time check of a matches pattern', () => {
  it('accepts RE2 syntax, nested quantifiers included', () => {
    for (const pattern of [
      ...REPORTED,
      '^[a-z]+@(corp|ops)\\.com$',
      '(?i)beta',
      '(?P<user>\\w+)@',
      '\\p{Greek}+',
      '\\x{1F600}',
    ]) {
      expect([pattern, patternProblem(pattern)]).toEqual([pattern, undefined]);
    }
  });

  it.each([
    ['(a)\\1', /backreferences \(\\1\) are not supported \(at offset 3\)/],
    ['(?<name>a)\\k<name>', /named backreferences/],
    ['foo(?=bar)', /lookahead \(\?=…\) is not supported \(at offset 3\)/],
    ['foo(?!bar)', /negative lookahead/],
    ['(?<=\\$)\\d+', /lookbehind \(\?<=…\)/],
    ['(?<!\\$)\\d+', /negative lookbehind/],
    ['(?>a+)b', /atomic groups/],
    ['a++', /possessive quantifiers/],
    ['\\u00e9', /\\u escapes are not supported: write \\x\{41\}/],
  ])('refuses %s as UNSUPPORTED_REGEX, naming the construct', (pattern, message) => {
    const problem = patternProblem(pattern);
    expect(problem?.code).toBe('UNSUPPORTED_REGEX');
    expect(problem?.message).toMatch(/^RE2 syntax: /);
    expect(problem?.message).toMatch(message);
  });

  it('does not mistake a character class or an escaped parenthesis for a construct', () => {
    expect(patternProblem('[(?=]\\(?!')).toBeUndefined();
    expect(patternProblem('[\\1]')?.code).not.toBe('UNSUPPORTED_REGEX');
  });

  it("refuses invalid and over-long patterns with RE2's reason", () => {
    expect(patternProblem('(unclosed')).toEqual({
      code: 'INVALID_REGEX',
      message: expect.stringContaining('missing closing )'),
    });
    expect(patternProblem('a{2,1}')).toEqual({
      code: 'INVALID_REGEX',
      message: expect.stringContaining('invalid repeat count'),
    });
    expect(patternProblem('b'.repeat(MAX_PATTERN_LENGTH + 1))?.code).toBe('REGEX_TOO_LONG');
    expect(patternProblem('b'.repeat(MAX_PATTERN_LENGTH))).toBeUndefined();
  });

  it('never throws, whatever the pattern', () => {
    for (const pattern of ['\\', '(', ')', '[', '\\p{Nope}', '(?P<>a)', '\uD800', 'x{99999}', '(?z)']) {
      expect(() => compilePattern(pattern)).not.toThrow();
    }
  });
});
