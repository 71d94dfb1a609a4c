import type { Flag } from '../model/flag.js';
import type { Segment } from '../model/segment.js';
import type { Snapshot } from '../model/snapshot.js';
import { booleanFlag, flagWithConditions } from '../testing/flag-builder.js';
import { applyPatch } from './apply-patch.js';
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

  it('leaves an old snapshot that an evaluation still holds exactly as it was, however many patches follow', () => {
    const before = JSON.stringify(compiled.snapshot);
    let next = compiled;
    for (let version = 4; version < 80; version += 1) {
      next = next.applyPatch({
        version,
        flags: {
          parent: { ...parent, version, fallthrough: { variant: version % 2 === 0 ? 'off' : 'on' } },
          [`extra-${version % 13}`]: version % 3 === 0 ? null : booleanFlag({ key: `extra-${version % 13}` }),
          gated: version >= 60 ? null : gated,
        },
        segments: version % 5 === 0 ? { beta: { key: 'beta', included: [] } } : {},
      });
    }
    expect(JSON.stringify(compiled.snapshot)).toBe(before);
    expect(compiled.flagKeys().sort()).toEqual(['child', 'gated', 'parent']);
    expect(compiled.evaluate('gated', { key: 'alice' }, false).reason).toBe('TARGETING_MATCH');
    expect(compiled.evaluate('child', { key: 'k' }, false).reason).toBe('DEFAULT');
    expect(next.evaluate('gated', { key: 'alice' }, false).errorCode).toBe('FLAG_NOT_FOUND');
  });

  it('forgets a removed flag and segment in every view: evaluate, flag, flagKeys, snapshot', () => {
    const next = compiled.applyPatch({ version: 4, flags: { parent: null }, segments: { beta: null } });
    expect(next.flag('parent')).toBeUndefined();
    expect(next.flagKeys()).not.toContain('parent');
    expect('parent' in next.snapshot.flags).toBe(false);
    expect('beta' in next.snapshot.segments).toBe(false);
    expect(next.evaluate('child', { key: 'k' }, false).reason).toBe('PREREQUISITE_FAILED');
    expect(next.evaluate('gated', { key: 'alice' }, false).reason).toBe('DEFAULT');
    expect(compiled.flag('parent')).toBe(parent);
  });

  it('gives the same snapshot as the engine applyPatch over a long run of patches, in whatever key order', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `f${i}`);
    const start: Snapshot = {
      version: 1,
      flags: Object.fromEntries(keys.map((key) => [key, booleanFlag({ key, version: 1 })])),
      segments: { beta },
    };
    let plain = start;
    let built = compileSnapshot(start);
    for (let version = 2; version < 200; version += 1) {
      const touched = [keys[(version * 7) % 60]!, keys[(version * 13) % 60]!, `new-${version % 9}`];
      const patch = {
        version,
        flags: Object.fromEntries(
          touched.map((key, i) => [key, (version + i) % 4 === 0 ? null : booleanFlag({ key, version })]),
        ),
      };
      plain = applyPatch(plain, patch);
      built = built.applyPatch(patch);
      const sameContent = (snapshot: Snapshot) =>
        JSON.stringify(Object.entries(snapshot.flags).sort(([a], [b]) => a.localeCompare(b)));
      expect(sameContent(built.snapshot)).toBe(sameContent(plain));
      expect(built.flagKeys().sort()).toEqual(Object.keys(plain.flags).sort());
      expect(built.version).toBe(version);
    }
    // A patch listing its flags in another order ends in the same state.
    const a = booleanFlag({ key: 'f1', version: 300 });
    const b = booleanFlag({ key: 'f2', version: 300, on: false });
    const ab = built.applyPatch({ version: 300, flags: { f1: a, f2: b } });
    const ba = built.applyPatch({ version: 300, flags: { f2: b, f1: a } });
    expect(ba.snapshot).toEqual(ab.snapshot);
    expect(ba.evaluate('f2', { key: 'k' }, true)).toEqual(ab.evaluate('f2', { key: 'k' }, true));
  });
});
