import fc from 'fast-check';
import { LayeredMap } from './layered-map.js';

const entries = <V>(map: LayeredMap<V>): Array<[string, V]> => {
  const out: Array<[string, V]> = [];
  map.forEach((value, key) => out.push([key, value]));
  return out;
};
const sorted = <V>(list: Array<[string, V]>) => [...list].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('LayeredMap', () => {
  const base = () => LayeredMap.of(new Map(Array.from({ length: 100 }, (_, i) => [`k${i}`, i] as [string, number])));

  it('leaves the map it was built from unchanged (values, removals, size, keys)', () => {
    const old = base();
    const next = old.with([
      ['k1', 1001],
      ['k2', null],
      ['fresh', 7],
    ]);
    expect([next.get('k1'), next.get('k2'), next.get('fresh'), next.size]).toEqual([1001, undefined, 7, 100]);
    expect([old.get('k1'), old.get('k2'), old.get('fresh'), old.size]).toEqual([1, 2, undefined, 100]);
    expect(old.keys()).toHaveLength(100);
    expect(old.has('k2')).toBe(true);
    expect(next.has('k2')).toBe(false);
  });

  it('forgets a removed key everywhere: get, has, keys, forEach, size', () => {
    const next = base().with([['k5', null]]);
    expect(next.get('k5')).toBeUndefined();
    expect(next.has('k5')).toBe(false);
    expect(next.keys()).not.toContain('k5');
    expect(entries(next).map(([key]) => key)).not.toContain('k5');
    expect(next.size).toBe(99);
    // Removed again, or a key that never existed: nothing changes.
    expect(next.with([['k5', null]]).size).toBe(99);
    expect(next.with([['never', null]]).size).toBe(99);
    // Set again after its removal: back, counted once.
    const back = next.with([['k5', 55]]);
    expect([back.get('k5'), back.size]).toEqual([55, 100]);
  });

  it('keeps the same content across the fold of its top into a new base, and the older maps too', () => {
    const maps = [base()];
    for (let i = 0; i < 300; i += 1) maps.push(maps[i]!.with([[`k${i % 120}`, i % 7 === 0 ? null : -i]]));
    const model = new Map(Array.from({ length: 100 }, (_, i) => [`k${i}`, i] as [string, number]));
    const models = [new Map(model)];
    for (let i = 0; i < 300; i += 1) {
      if (i % 7 === 0) model.delete(`k${i % 120}`);
      else model.set(`k${i % 120}`, -i);
      models.push(new Map(model));
    }
    maps.forEach((map, i) => {
      expect(sorted(entries(map))).toEqual(sorted([...models[i]!]));
      expect(map.size).toBe(models[i]!.size);
    });
  });

  it('returns itself for no changes', () => {
    const map = base();
    expect(map.with([])).toBe(map);
  });

  it('agrees with a plain Map for any sequence of changes, whatever the order (property)', () => {
    const key = fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `k${i}`));
    const change = fc.tuple(key, fc.option(fc.integer(), { nil: null }));
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 6 }), { maxLength: 60 }), (patches) => {
        let map = LayeredMap.of(new Map([['k0', 0]]));
        const model = new Map([['k0', 0]]);
        const history: Array<[LayeredMap<number>, Array<[string, number]>]> = [];
        for (const patch of patches) {
          map = map.with(patch);
          for (const [k, v] of patch) {
            if (v === null) model.delete(k);
            else model.set(k, v);
          }
          history.push([map, [...model]]);
          for (const k of ['k0', 'k1', 'k39']) expect(map.get(k)).toBe(model.get(k));
        }
        // Every map built on the way still holds what it held.
        for (const [old, content] of history) {
          expect(sorted(entries(old))).toEqual(sorted(content));
          expect(old.size).toBe(content.length);
        }
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });
});
