import type { Patch, Snapshot } from '../model/snapshot.js';
import { booleanFlag } from '../testing/flag-builder.js';
import { applyPatch } from './apply-patch.js';

const a = booleanFlag({ key: 'a' });
const b = booleanFlag({ key: 'b' });
const beta = { key: 'beta', included: ['alice'] };
const snapshot: Snapshot = { version: 3, flags: { a, b }, segments: { beta } };

describe('applyPatch', () => {
  it('sets and removes flags and segments at the patch version, leaving the input unchanged', () => {
    const a2 = booleanFlag({ key: 'a', version: 8 });
    const next = applyPatch(snapshot, {
      version: 4,
      flags: { a: a2, b: null, c: booleanFlag({ key: 'c' }) },
      segments: { beta: null },
    });
    expect(next.version).toBe(4);
    expect(Object.keys(next.flags)).toEqual(['a', 'c']);
    expect(next.flags.a).toBe(a2);
    expect(next.segments).toEqual({});
    expect(snapshot).toEqual({ version: 3, flags: { a, b }, segments: { beta } });
  });

  it('shares every untouched flag and segment, and a record the patch does not touch (no deep copy)', () => {
    const next = applyPatch(snapshot, { version: 4, flags: { a: booleanFlag({ key: 'a', version: 9 }) } });
    expect(next.flags.b).toBe(b);
    expect(next.segments).toBe(snapshot.segments);
    expect(next.flags).not.toBe(snapshot.flags);
  });

  it('tells its visitors each key set or removed, in the patch order', () => {
    const seen: string[] = [];
    applyPatch(
      snapshot,
      { version: 4, flags: { b: null, a }, segments: { beta } },
      (key, flag) => seen.push(`flag ${key} ${flag === null ? 'removed' : 'set'}`),
      (key, segment) => seen.push(`segment ${key} ${segment === null ? 'removed' : 'set'}`),
    );
    expect(seen).toEqual(['flag b removed', 'flag a set', 'segment beta set']);
  });

  it('changes nothing for missing or malformed records and keeps the version when the patch has none', () => {
    for (const patch of [{ version: 5 }, { version: 5, flags: 'junk', segments: [1] }] as unknown as Patch[]) {
      const next = applyPatch(snapshot, patch);
      expect(next).toEqual({ ...snapshot, version: 5 });
      expect(next.flags).toBe(snapshot.flags);
    }
    expect(applyPatch(snapshot, { flags: {} } as unknown as Patch).version).toBe(3);
  });
});
