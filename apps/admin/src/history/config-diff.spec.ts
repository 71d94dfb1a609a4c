import { diffConfigs } from './config-diff.js';

describe('config diff', () => {
  it('reports a changed leaf with its path', () => {
    expect(diffConfigs({ on: false }, { on: true })).toEqual([
      { path: 'on', kind: 'changed', before: false, after: true },
    ]);
  });

  it('reports added and removed rules by index', () => {
    const rule = { id: 'r1', serve: { variant: 'on' } };
    expect(diffConfigs({ rules: [] }, { rules: [rule] })).toEqual([{ path: 'rules[0]', kind: 'added', after: rule }]);
    expect(diffConfigs({ rules: [rule] }, { rules: [] })).toEqual([
      { path: 'rules[0]', kind: 'removed', before: rule },
    ]);
  });

  it('reports rollout weights that moved', () => {
    const before = { fallthrough: { rollout: { weights: { on: 10000, off: 90000 } } } };
    const after = { fallthrough: { rollout: { weights: { on: 20000, off: 80000 } } } };
    expect(diffConfigs(before, after).map((line) => line.path)).toEqual([
      'fallthrough.rollout.weights.on',
      'fallthrough.rollout.weights.off',
    ]);
  });

  it('ignores the version number and bookkeeping fields', () => {
    expect(diffConfigs({ version: 1, updatedAt: 'a', on: true }, { version: 2, updatedAt: 'b', on: true })).toEqual([]);
  });

  it('treats a missing kill and a null kill as the same', () => {
    expect(diffConfigs({ killed: null }, {})).toEqual([]);
  });
});
