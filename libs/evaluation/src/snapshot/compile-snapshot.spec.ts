import type { Flag } from '../model/flag.js';
import type { Segment } from '../model/segment.js';
import type { Snapshot } from '../model/snapshot.js';
import { booleanFlag, flagWithConditions } from '../testing/flag-builder.js';
import { compileSnapshot } from './compile-snapshot.js';

const beta: Segment = { key: 'beta', included: ['alice'] };
const gated: Flag = flagWithConditions([{ segment: 'beta' }], { key: 'gated' });
const parent: Flag = booleanFlag({ key: 'parent', fallthrough: { variant: 'on' } });
const child: Flag = booleanFlag({
  key: 'child',
  fallthrough: { variant: 'on' },
  prerequisites: [{ flag: 'parent', variants: ['on'] }],
});
const snapshot: Snapshot = { version: 3, flags: { gated, parent, child }, segments: { beta } };

describe('compileSnapshot', () => {
  const compiled = compileSnapshot(snapshot);

  it('evaluates flags by key with segments and prerequisites from the snapshot', () => {
    expect(compiled.evaluate('gated', { key: 'alice' }, false)).toMatchObject({
      value: true,
      reason: 'TARGETING_MATCH',
      ruleId: 'r1',
    });
    expect(compiled.evaluate('gated', { key: 'bob' }, false).reason).toBe('DEFAULT');
    expect(compiled.evaluate('child', { key: 'bob' }, false).reason).toBe('DEFAULT');
  });

  it('returns FLAG_NOT_FOUND with the default for an unknown key', () => {
    expect(compiled.evaluate('nope', { key: 'k' }, 'dflt')).toMatchObject({
      value: 'dflt',
      reason: 'ERROR',
      errorCode: 'FLAG_NOT_FOUND',
      flagVersion: 0,
    });
  });

  it('checks the expected type', () => {
    expect(compiled.evaluate('gated', { key: 'alice' }, 'x', 'string')).toMatchObject({
      value: 'x',
      errorCode: 'TYPE_MISMATCH',
    });
  });

  it('exposes its version, data, flags, segments and keys', () => {
    expect(compiled.version).toBe(3);
    expect(compiled.flag('gated')).toBe(gated);
    expect(compiled.flag('nope')).toBeUndefined();
    expect(compiled.segment('beta')).toBe(beta);
    expect(compiled.flagKeys().sort()).toEqual(['child', 'gated', 'parent']);
    expect(compiled.snapshot).toEqual(snapshot);
  });

  it('evaluates a malformed flag to PARSE_ERROR while the others keep working', () => {
    const bad = compileSnapshot({ version: 1, flags: { bad: { key: 'bad' } as Flag, parent }, segments: {} });
    expect(bad.evaluate('bad', { key: 'k' }, 1)).toMatchObject({ value: 1, errorCode: 'PARSE_ERROR' });
    expect(bad.evaluate('parent', { key: 'k' }, false).value).toBe(true);
  });

  it('evaluates a flag whose pattern RE2 does not support (an older service, a hand-made file) to PARSE_ERROR, naming it', () => {
    const lookahead = flagWithConditions([{ attribute: 'email', operator: 'matches', values: ['^a(?=b)'] }], {
      key: 'lookahead',
    });
    const inSegment: Segment = {
      key: 'refs',
      included: ['alice'],
      conditions: [{ attribute: 'email', operator: 'matches', values: ['(a)\\1'] }],
    };
    const bySegment = flagWithConditions([{ segment: 'refs' }], { key: 'by-segment' });
    const old = compileSnapshot({
      version: 1,
      flags: { lookahead, parent, 'by-segment': bySegment },
      segments: { refs: inSegment },
    });
    const result = old.evaluate('lookahead', { key: 'k', email: 'ab' }, 'dflt');
    expect(result).toMatchObject({ value: 'dflt', reason: 'ERROR', errorCode: 'PARSE_ERROR', flagVersion: 7 });
    expect(result.errorMessage).toMatch(/rules\[0\]\.conditions\[0\]\.values: "\^a\(\?=b\)": RE2 syntax: lookahead/);
    expect(old.evaluate('parent', { key: 'k' }, false).value).toBe(true);
    // In a segment, the condition holds for nobody; the include list still works.
    expect(old.evaluate('by-segment', { key: 'bob', email: 'aa' }, false).reason).toBe('DEFAULT');
    expect(old.evaluate('by-segment', { key: 'alice', email: 'aa' }, false).reason).toBe('TARGETING_MATCH');
  });
});

describe('applyPatch', () => {
  const compiled = compileSnapshot(snapshot);

  it('returns a new snapshot at the patch version and leaves the old one unchanged', () => {
    const next = compiled.applyPatch({ version: 4, flags: { parent: { ...parent, fallthrough: { variant: 'off' } } } });
    expect(next.version).toBe(4);
    expect(next.evaluate('child', { key: 'k' }, false).reason).toBe('PREREQUISITE_FAILED');
    expect(compiled.version).toBe(3);
    expect(compiled.evaluate('child', { key: 'k' }, false).reason).toBe('DEFAULT');
  });

  it('removes flags and segments set to null', () => {
    const next = compiled.applyPatch({ version: 4, flags: { gated: null }, segments: { beta: null } });
    expect(next.flagKeys()).not.toContain('gated');
    expect(next.evaluate('gated', { key: 'alice' }, false).errorCode).toBe('FLAG_NOT_FOUND');
    expect(next.segment('beta')).toBeUndefined();
    expect(next.snapshot.flags.gated).toBeUndefined();
  });

  it('lets a changed segment reach the flags that use it', () => {
    const next = compiled.applyPatch({ version: 4, flags: {}, segments: { beta: { key: 'beta', included: ['bob'] } } });
    expect(next.evaluate('gated', { key: 'bob' }, false).reason).toBe('TARGETING_MATCH');
    expect(next.evaluate('gated', { key: 'alice' }, false).reason).toBe('DEFAULT');
  });

  it('reuses the compiled form of unchanged flags (same result objects)', () => {
    const next = compiled.applyPatch({ version: 4, flags: { child: { ...child, version: 8 } } });
    expect(next.evaluate('gated', { key: 'alice' }, false)).toBe(compiled.evaluate('gated', { key: 'alice' }, false));
    expect(next.evaluate('child', { key: 'k' }, false).flagVersion).toBe(8);
  });

  it('adds new flags', () => {
    const next = compiled.applyPatch({ version: 4, flags: { fresh: booleanFlag({ key: 'fresh' }) } });
    expect(next.evaluate('fresh', { key: 'k' }, true)).toMatchObject({ value: false, reason: 'DEFAULT' });
  });
});
