import { diffConfigs } from './config-diff.js';

describe('diffConfigs', () => {
  it('reports a changed top-level field with its old and new value', () => {
    expect(diffConfigs({ on: false }, { on: true }).map((entry) => entry.text)).toEqual(['on: false → true']);
  });

  it('names the nested path of a changed list of values', () => {
    const from = { rules: [{ id: 'r1', conditions: [{ attribute: 'a' }, { attribute: 'b', values: ['a'] }] }] };
    const to = { rules: [{ id: 'r1', conditions: [{ attribute: 'a' }, { attribute: 'b', values: ['a', 'b'] }] }] };
    expect(diffConfigs(from, to).map((entry) => entry.text)).toEqual([
      'rules[0].conditions[1].values: ["a"] → ["a","b"]',
    ]);
  });

  it('shows added and removed rules as absent on one side', () => {
    const diff = diffConfigs({ rules: [] }, { rules: [{ id: 'r1' }] });
    expect(diff).toEqual([
      { path: 'rules[0]', from: undefined, to: { id: 'r1' }, text: 'rules[0]: (absent) → {"id":"r1"}' },
    ]);
    expect(diffConfigs({ rules: [{ id: 'r1' }] }, { rules: [] })[0]?.text).toBe('rules[0]: {"id":"r1"} → (absent)');
  });

  it('reports a kill record appearing as a change from null', () => {
    const diff = diffConfigs({ killed: null }, { killed: { at: 't', by: 'ops' } });
    expect(diff.map((entry) => entry.text)).toEqual(['killed: null → {"at":"t","by":"ops"}']);
  });

  it('reports a reordering of rollout weights, which changes who gets which variant', () => {
    const from = { fallthrough: { rollout: { weights: { a: 50_000, b: 50_000 } } } };
    const to = { fallthrough: { rollout: { weights: { b: 50_000, a: 50_000 } } } };
    expect(diffConfigs(from, to).map((entry) => entry.text)).toEqual([
      'fallthrough.rollout.weights: {"a":50000,"b":50000} → {"b":50000,"a":50000}',
    ]);
  });

  it('returns nothing for equal documents', () => {
    const config = { on: true, rules: [{ id: 'r', conditions: [] }], fallthrough: { variant: 'on' } };
    expect(diffConfigs(config, structuredClone(config))).toEqual([]);
  });
});
