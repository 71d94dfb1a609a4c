import { differences, preview, structurallyEqual } from './json-diff.js';

const paths = (a: unknown, b: unknown) => differences(a, b).map((difference) => difference.path);

describe('differences', () => {
  it('names the JSON paths that differ, with both values there', () => {
    const control = { total: 30, items: [{ price: 10 }, { price: 10 }, { price: 10 }], currency: 'EUR' };
    const candidate = { total: 31, items: [{ price: 10 }, { price: 10 }, { price: 11 }], currency: 'EUR' };
    expect(differences(control, candidate)).toEqual([
      { path: '$.total', control: 30, candidate: 31 },
      { path: '$.items[2].price', control: 10, candidate: 11 },
    ]);
  });

  it('finds nothing between structurally equal values', () => {
    const value = () => ({ a: [1, 'x', null, { b: true }], c: new Date(5), d: Number.NaN, e: -0 });
    expect(differences(value(), { ...value(), e: 0 })).toEqual([]);
    expect(structurallyEqual(value(), value())).toBe(true);
    expect(structurallyEqual(new Map([['a', 1]]), new Map([['a', 1]]))).toBe(true);
  });

  it('takes a key holding undefined for a missing key, and reports keys only one side has', () => {
    expect(paths({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(paths({ a: 1 }, { a: 1, extra: 2 })).toEqual(['$.extra']);
    expect(paths({ gone: 1 }, {})).toEqual(['$.gone']);
  });

  it('quotes keys that are not identifiers and reports array length changes per item', () => {
    expect(paths({ 'a b': 1, 'x.y': 2 }, { 'a b': 2, 'x.y': 3 })).toEqual(['$["a b"]', '$["x.y"]']);
    expect(paths([1, 2], [1, 2, 3])).toEqual(['$[2]']);
    expect(paths({ a: [1] }, { a: { 0: 1 } })).toEqual(['$.a']);
    expect(paths(new Date(1), new Date(2))).toEqual(['$']);
    expect(paths(new Set([1, 2]), new Set([1, 3]))).toEqual(['$[1][0]', '$[1][1]']);
  });

  it('stops at the limit, and bounds work on cyclic or very deep values', () => {
    const control = Array.from({ length: 100 }, (_, i) => i);
    expect(
      differences(
        control,
        control.map((i) => i + 1),
        3,
      ).map((d) => d.path),
    ).toEqual(['$[0]', '$[1]', '$[2]']);
    const a: Record<string, unknown> = {};
    a['self'] = a;
    const b: Record<string, unknown> = {};
    b['self'] = b;
    expect(differences(a, b)).toHaveLength(1); // compared by identity past the depth bound
  });

  it('never throws on a value it cannot read: that place differs', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    expect(differences({ a: hostile }, { a: {} })).toEqual([{ path: '$.a', control: hostile, candidate: {} }]);
  });
});

describe('preview', () => {
  it('is JSON truncated to 200 characters, and a readable text for what JSON cannot hold', () => {
    expect(preview({ a: 1 })).toBe('{"a":1}');
    expect(preview('x'.repeat(500))).toHaveLength(200);
    expect(preview(undefined)).toBe('undefined');
    expect(preview(10n)).toBe('"10n"');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(preview(cyclic)).toBe('[object Object]');
  });
});
