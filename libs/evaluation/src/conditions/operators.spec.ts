import { compileValueTest, INCOMPARABLE, MATCH, MAX_MATCH_INPUT_LENGTH, NO_MATCH } from './operators.js';

function run(operator: string, values: unknown[], value: unknown): number {
  const test = compileValueTest(operator, values);
  if (typeof test !== 'function') throw new Error(`no test for ${operator}: ${String(test)}`);
  return test(value);
}

describe('in', () => {
  it('matches a string, number or boolean equal to one of the values', () => {
    expect(run('in', ['FR', 'DE'], 'DE')).toBe(MATCH);
    expect(run('in', [1, 2], 2)).toBe(MATCH);
    expect(run('in', [true], true)).toBe(MATCH);
    expect(run('in', ['FR'], 'US')).toBe(NO_MATCH);
  });

  it('never coerces: a number is not equal to its string, nor a boolean to "true"', () => {
    expect(run('in', ['5'], 5)).toBe(INCOMPARABLE);
    expect(run('in', [5], '5')).toBe(INCOMPARABLE);
    expect(run('in', ['true'], true)).toBe(INCOMPARABLE);
    expect(run('in', ['5', 6], 5)).toBe(NO_MATCH);
  });

  it('is case-sensitive', () => {
    expect(run('in', ['fr'], 'FR')).toBe(NO_MATCH);
  });
});

describe('string operators', () => {
  it('startsWith, endsWith and contains test prefixes, suffixes and substrings', () => {
    expect(run('startsWith', ['user-'], 'user-1')).toBe(MATCH);
    expect(run('startsWith', ['admin-'], 'user-1')).toBe(NO_MATCH);
    expect(run('endsWith', ['@example.com'], 'a@example.com')).toBe(MATCH);
    expect(run('endsWith', ['@example.com'], 'a@example.org')).toBe(NO_MATCH);
    expect(run('contains', ['beta'], 'x-beta-y')).toBe(MATCH);
    expect(run('contains', ['gamma'], 'x-beta-y')).toBe(NO_MATCH);
  });

  it('treats the empty operand as a match, like String.prototype methods', () => {
    expect(run('startsWith', [''], 'anything')).toBe(MATCH);
    expect(run('contains', [''], '')).toBe(MATCH);
  });

  it('cannot compare non-strings', () => {
    expect(run('startsWith', ['1'], 12)).toBe(INCOMPARABLE);
    expect(run('contains', ['t'], true)).toBe(INCOMPARABLE);
  });
});

describe('matches', () => {
  it('tests a regular expression compiled once', () => {
    expect(run('matches', ['^user-\\d+$'], 'user-42')).toBe(MATCH);
    expect(run('matches', ['^user-\\d+$'], 'user-x')).toBe(NO_MATCH);
  });

  it('refuses the whole condition when one pattern cannot compile, naming the pattern and the problem', () => {
    expect(compileValueTest('matches', ['^ok$', '(unclosed'])).toMatch(
      /^"\(unclosed": not a valid RE2 regular expression: .*missing closing \)/,
    );
    expect(compileValueTest('matches', ['a'.repeat(1025)])).toMatch(/1025 characters; the limit is 1024/);
    expect(compileValueTest('matches', ['(a)\\1'])).toMatch(/backreferences/);
  });

  it('uses RE2 syntax: nested quantifiers are fine, (?i) flags and \\x{…} escapes work', () => {
    expect(run('matches', ['^(a+)+$'], 'a'.repeat(40) + '!')).toBe(NO_MATCH);
    expect(run('matches', ['^(a+)+$'], 'aaa')).toBe(MATCH);
    expect(run('matches', ['(?i)^ADMIN@'], 'admin@example.com')).toBe(MATCH);
    expect(run('matches', ['^\\x{e9}t\\x{e9}$'], 'été')).toBe(MATCH);
  });

  it('ignores values that are not strings, like the other string operators', () => {
    expect(run('matches', [42, '^ok$'], 'ok')).toBe(MATCH);
  });

  it('does not test strings past the input cap', () => {
    expect(run('matches', ['a'], 'a'.repeat(MAX_MATCH_INPUT_LENGTH))).toBe(MATCH);
    expect(run('matches', ['a'], 'a'.repeat(MAX_MATCH_INPUT_LENGTH + 1))).toBe(INCOMPARABLE);
  });
});

describe('number operators', () => {
  it('compares numbers', () => {
    expect(run('lt', [10], 9)).toBe(MATCH);
    expect(run('lt', [10], 10)).toBe(NO_MATCH);
    expect(run('lte', [10], 10)).toBe(MATCH);
    expect(run('gt', [10], 10)).toBe(NO_MATCH);
    expect(run('gt', [10], 10.5)).toBe(MATCH);
    expect(run('gte', [10], 10)).toBe(MATCH);
    expect(run('gte', [-1], -2)).toBe(NO_MATCH);
  });

  it('matches when any value compares', () => {
    expect(run('lt', [1, 100], 50)).toBe(MATCH);
  });

  it('cannot compare numeric strings, booleans or NaN', () => {
    expect(run('lt', [10], '9')).toBe(INCOMPARABLE);
    expect(run('gt', [0], true)).toBe(INCOMPARABLE);
    expect(run('gt', [0], NaN)).toBe(INCOMPARABLE);
  });

  it('ignores values that are not numbers', () => {
    expect(run('lt', ['100'], 5)).toBe(NO_MATCH);
  });
});

describe('date operators', () => {
  it('compares ISO-8601 strings and epoch milliseconds on either side', () => {
    expect(run('before', ['2026-01-01T00:00:00Z'], '2025-12-31T23:59:59Z')).toBe(MATCH);
    expect(run('before', ['2026-01-01T00:00:00Z'], Date.UTC(2026, 0, 1))).toBe(NO_MATCH);
    expect(run('after', [Date.UTC(2026, 0, 1)], '2026-01-01T00:00:00.001Z')).toBe(MATCH);
    expect(run('after', ['2026-01-01'], '2026-01-01T00:00:00+01:00')).toBe(NO_MATCH);
  });

  it('cannot compare an invalid date', () => {
    expect(run('before', ['2026-01-01'], 'yesterday')).toBe(INCOMPARABLE);
    expect(run('after', ['2026-01-01'], true)).toBe(INCOMPARABLE);
  });
});

describe('semver operators', () => {
  it('compares by semver 2.0 precedence', () => {
    expect(run('semverEq', ['1.2.3'], '1.2.3+build.5')).toBe(MATCH);
    expect(run('semverLt', ['2.0.0'], '2.0.0-rc.1')).toBe(MATCH);
    expect(run('semverGt', ['1.9.9'], '1.10.0')).toBe(MATCH);
    expect(run('semverGt', ['1.10.0'], '1.9.9')).toBe(NO_MATCH);
  });

  it('cannot compare an invalid version', () => {
    expect(run('semverEq', ['1.2.3'], 'v1.2.3')).toBe(INCOMPARABLE);
    expect(run('semverLt', ['1.2.3'], 123)).toBe(INCOMPARABLE);
  });
});

describe('unknown operators', () => {
  it('have no test', () => {
    expect(compileValueTest('regexMatchesFuzzy', ['x'])).toBeUndefined();
  });
});
