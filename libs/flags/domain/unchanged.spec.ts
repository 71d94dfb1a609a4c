import { initialConfig } from './flag-config.js';
import { sameConfig, sameMetadata, sameSegment } from './unchanged.js';

describe('sameConfig', () => {
  const base = {
    ...initialConfig('beta', 'off', 'on'),
    fallthrough: { rollout: { bucketBy: 'key', weights: { on: 25000, off: 75000 } } },
  };

  it('calls two configs that differ only in key order the same', () => {
    const { on, offVariant, rules, fallthrough, prerequisites, killed, salt } = base;
    expect(sameConfig(base, { salt, killed, prerequisites, fallthrough, rules, offVariant, on })).toBe(true);
  });

  it('sees a change of any field, the kill record included', () => {
    expect(sameConfig(base, { ...base, on: true })).toBe(false);
    expect(sameConfig(base, { ...base, killed: { at: '2026-12-01T00:00:00.000Z', by: 'alice' } })).toBe(false);
    expect(sameConfig(base, { ...base, rules: [{ id: 'r', conditions: [], serve: { variant: 'on' } }] })).toBe(false);
  });

  it('sees a reordering of rollout weights, since the first variant fills first', () => {
    expect(
      sameConfig(base, { ...base, fallthrough: { rollout: { bucketBy: 'key', weights: { off: 75000, on: 25000 } } } }),
    ).toBe(false);
  });
});

describe('sameSegment and sameMetadata', () => {
  const segment = { name: 'Staff', description: '', included: ['u1'], excluded: [], conditions: [] };

  it('compare the editable fields only', () => {
    expect(sameSegment(segment, { ...segment })).toBe(true);
    expect(sameSegment(segment, { ...segment, included: ['u1', 'u2'] })).toBe(false);
    const flag = { name: 'Beta', description: '', tags: ['a'], temporary: true };
    expect(sameMetadata(flag, { ...flag })).toBe(true);
    expect(sameMetadata(flag, { ...flag, tags: ['b'] })).toBe(false);
  });
});
