import { applyPatch, type Patch, type Snapshot } from '@switchyard/evaluation';
import { booleanFlag, snapshotOf } from '../../test/fake-flag-service.js';
import { FlagStore } from './flag-store.js';

const user = { key: 'user-1' };
const value = (store: FlagStore, key: string) => store.compiled?.evaluate(key, user, 'default').value;

function storeWith(snapshot: Snapshot): FlagStore {
  const store = new FlagStore();
  expect(store.replace(snapshot).kind).toBe('applied');
  return store;
}

describe('FlagStore patches', () => {
  const start = () => ({
    ...snapshotOf(1, booleanFlag('a', true), booleanFlag('b', false), booleanFlag('c', true)),
    segments: { beta: { key: 'beta', included: ['user-1'] } },
  });

  it('refuses a malformed patch as a whole and keeps serving the last good snapshot', () => {
    const store = storeWith(start());
    const held = store.compiled;
    const update = store.patch({
      version: 2,
      flags: { a: booleanFlag('a', false, 2), b: { key: 'b', type: 'boolean' } },
    });
    expect(update.kind).toBe('rejected');
    expect(store.compiled).toBe(held);
    expect(store.version).toBe(1);
    expect([value(store, 'a'), value(store, 'b')]).toEqual([true, false]);
    expect(store.snapshot).toEqual(start());
  });

  it('names only the patched flags, and every flag before and after when the patch carries segments', () => {
    const store = storeWith(start());
    expect(store.patch({ version: 2, flags: { b: booleanFlag('b', true, 2) } })).toEqual({
      kind: 'applied',
      version: 2,
      keys: ['b'],
    });
    const update = store.patch({
      version: 3,
      flags: { c: null, d: booleanFlag('d', true, 3) },
      segments: { beta: { key: 'beta', included: [] } },
    });
    expect(update.kind === 'applied' && [...update.keys].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives the file cache the raw snapshot the patches produce, and never changes an older one', () => {
    const store = storeWith(start());
    const first = store.snapshot!;
    const firstJson = JSON.stringify(first);
    const patches: Patch[] = [
      { version: 2, flags: { a: booleanFlag('a', false, 2) } },
      { version: 3, flags: { b: null, e: booleanFlag('e', true, 3) } },
      { version: 4, flags: { a: booleanFlag('a', true, 4) }, segments: { beta: null } },
    ];
    let expected: Snapshot = start();
    for (const patch of patches) {
      expect(store.patch(patch).kind).toBe('applied');
      expected = applyPatch(expected, patch);
      expect(store.snapshot).toEqual(expected);
    }
    expect('b' in store.snapshot!.flags).toBe(false);
    expect(value(store, 'b')).toBe('default');
    expect(JSON.stringify(first)).toBe(firstJson);
  });

  it('finds no change in a full snapshot that holds the same flags and segments in another order', () => {
    const store = storeWith({
      version: 1,
      flags: { a: booleanFlag('a', true), b: booleanFlag('b', false) },
      segments: { s1: { key: 's1', included: ['x'] }, s2: { key: 's2', included: ['y'] } },
    });
    const update = store.replace({
      version: 2,
      flags: { b: booleanFlag('b', false), a: booleanFlag('a', true) },
      segments: { s2: { key: 's2', included: ['y'] }, s1: { key: 's1', included: ['x'] } },
    });
    expect(update).toEqual({ kind: 'applied', version: 2, keys: [] });
    const changed = store.replace({
      version: 3,
      flags: { b: booleanFlag('b', false), a: booleanFlag('a', true) },
      segments: { s2: { key: 's2', included: ['y'] }, s1: { key: 's1', included: ['z'] } },
    });
    expect(changed.kind === 'applied' && [...changed.keys].sort()).toEqual(['a', 'b']);
  });
});
