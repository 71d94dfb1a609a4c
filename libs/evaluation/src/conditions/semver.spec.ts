import { compareSemver, parseSemver, type SemanticVersion } from './semver.js';

function v(text: string): SemanticVersion {
  const parsed = parseSemver(text);
  if (parsed === undefined) throw new Error(`${text} should parse`);
  return parsed;
}

describe('parseSemver', () => {
  it('parses core versions, pre-releases and build metadata', () => {
    expect(v('1.2.3')).toEqual({ major: '1', minor: '2', patch: '3', prerelease: [] });
    expect(v('1.0.0-alpha.1+exp.sha.5114f85')).toEqual({
      major: '1',
      minor: '0',
      patch: '0',
      prerelease: ['alpha', '1'],
    });
  });

  it('refuses leading zeros, missing parts, a v prefix, empty identifiers and non-strings', () => {
    for (const bad of [
      '01.2.3',
      '1.02.3',
      '1.2',
      '1.2.3.4',
      'v1.2.3',
      '1.2.3-',
      '1.2.3-01',
      '1.2.3-a..b',
      '1.2.3+',
      ' 1.2.3',
      '',
    ]) {
      expect(parseSemver(bad)).toBeUndefined();
    }
    expect(parseSemver(123)).toBeUndefined();
    expect(parseSemver('1.2.3-' + 'a'.repeat(300))).toBeUndefined();
  });

  it('accepts numbers larger than any integer JavaScript represents exactly', () => {
    expect(v('99999999999999999999.0.0').major).toBe('99999999999999999999');
  });
});

describe('compareSemver', () => {
  it('orders the semver.org example chain', () => {
    const chain = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    for (let i = 0; i + 1 < chain.length; i++) {
      expect(compareSemver(v(chain[i]), v(chain[i + 1]))).toBeLessThan(0);
      expect(compareSemver(v(chain[i + 1]), v(chain[i]))).toBeGreaterThan(0);
    }
  });

  it('compares numeric parts numerically, even past 2^53', () => {
    expect(compareSemver(v('1.10.0'), v('1.9.0'))).toBeGreaterThan(0);
    expect(compareSemver(v('9007199254740993.0.0'), v('9007199254740992.0.0'))).toBeGreaterThan(0);
  });

  it('ignores build metadata', () => {
    expect(compareSemver(v('1.0.0+a'), v('1.0.0+b'))).toBe(0);
  });

  it('puts numeric identifiers before alphanumeric ones', () => {
    expect(compareSemver(v('1.0.0-1'), v('1.0.0-a'))).toBeLessThan(0);
    expect(compareSemver(v('1.0.0-2'), v('1.0.0-10'))).toBeLessThan(0);
  });
});
