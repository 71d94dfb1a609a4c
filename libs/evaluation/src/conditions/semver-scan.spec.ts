import fc from 'fast-check';
import { compareSemver, parseSemver } from './semver.js';
import { compareScanned, scanSemver } from './semver-scan.js';

/** Strings near the semver grammar: digits (leading zeros too), letters, dots, dashes, pluses, a stray space. */
const versionish = fc
  .array(
    fc.constantFrom(
      '0',
      '1',
      '2',
      '9',
      '00',
      '01',
      '10',
      '99999999999999999999',
      'a',
      'rc',
      'Z',
      '-',
      '.',
      '+',
      ' ',
      'é',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));
const release = fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12)).map(([a, b, c]) => `${a}.${b}.${c}`);
const identifier = fc.constantFrom('0', '1', '2', '11', 'alpha', 'beta', 'rc', 'x-1', '1a', '-');
const wellFormed = fc
  .tuple(release, fc.array(identifier, { maxLength: 3 }), fc.option(fc.constantFrom('build', '001', 'a.b')))
  .map(
    ([core, pre, build]) => `${core}${pre.length > 0 ? `-${pre.join('.')}` : ''}${build === null ? '' : `+${build}`}`,
  );
const anyVersion = fc.oneof(versionish, wellFormed);

describe('scanSemver and compareScanned (the allocation-free context side)', () => {
  it('accept exactly the strings parseSemver accepts', () => {
    fc.assert(
      fc.property(anyVersion, (text) => scanSemver(text) === (parseSemver(text) !== undefined)),
      { numRuns: 20000 },
    );
  });

  it('order versions exactly as compareSemver does', () => {
    fc.assert(
      fc.property(wellFormed, wellFormed, (left, right) => {
        const operand = parseSemver(right)!;
        const expected = Math.sign(compareSemver(parseSemver(left)!, operand));
        return scanSemver(left) && Math.sign(compareScanned(operand)) === expected;
      }),
      { numRuns: 20000 },
    );
  });

  it('compares the string it scanned last, even after scanning an invalid one in between', () => {
    expect(scanSemver('1.10.0')).toBe(true);
    expect(compareScanned(parseSemver('1.9.0')!)).toBeGreaterThan(0);
    expect(scanSemver('1.2')).toBe(false);
    expect(scanSemver('2.0.0-rc.1')).toBe(true);
    expect(compareScanned(parseSemver('2.0.0')!)).toBeLessThan(0);
    expect(compareScanned(parseSemver('2.0.0-rc.1+build')!)).toBe(0);
  });

  it('refuses what strict semver refuses', () => {
    for (const text of [
      'v1.2.3',
      '01.2.3',
      '1.2.3-01',
      '1.2.3-',
      '1.2.3+',
      '1.2.3-a..b',
      '1.2.3 ',
      `1.2.3-${'a'.repeat(300)}`,
    ]) {
      expect([text, scanSemver(text)]).toEqual([text, false]);
    }
  });
});
