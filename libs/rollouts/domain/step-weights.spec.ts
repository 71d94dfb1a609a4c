import { evaluate, type Flag } from '@switchyard/evaluation';
import { rampFallthrough, stepWeights } from './step-weights.js';

// The no-reshuffle guarantee of ramps, through the engine itself over 100,000 context keys: each step's
// weights are declared live, shadow, off, so raising live only adds contexts to it, and lowering it removes
// the most recently added first.
const KEYS = Array.from({ length: 100_000 }, (_, i) => `user-${i}`);

function servedLive(step: { shadowPercent: number; livePercent: number }): Set<string> {
  const flag: Flag = {
    key: 'search-v2',
    type: 'string',
    version: 1,
    variants: { off: 'off', shadow: 'shadow', live: 'live' },
    offVariant: 'off',
    on: true,
    rules: [],
    fallthrough: rampFallthrough(stepWeights(step)) as Flag['fallthrough'],
    salt: 'search-v2',
  };
  const live = new Set<string>();
  for (const key of KEYS) if (evaluate(flag, { key }).variant === 'live') live.add(key);
  return live;
}

const isSubset = (small: Set<string>, big: Set<string>) => [...small].every((key) => big.has(key));

describe('stepWeights', () => {
  it('declares the weights live, shadow, off, in 0.001% units summing to 100,000', () => {
    expect(Object.entries(stepWeights({ shadowPercent: 62.5, livePercent: 12.345 }))).toEqual([
      ['live', 12_345],
      ['shadow', 62_500],
      ['off', 25_155],
    ]);
    expect(stepWeights(null)).toEqual({ live: 0, shadow: 0, off: 100_000 });
  });

  it('never reshuffles: raising live only adds contexts, lowering it removes the most recently added first', () => {
    const ramp = [0.5, 1, 5, 10, 25, 50, 100].map((live) => ({ shadowPercent: 100 - live, livePercent: live }));
    const served = ramp.map(servedLive);
    for (let i = 1; i < served.length; i++) {
      expect(isSubset(served[i - 1]!, served[i]!)).toBe(true);
      // The share is what the step says, within sampling noise.
      expect(Math.abs(served[i]!.size / KEYS.length - ramp[i]!.livePercent / 100)).toBeLessThan(0.01);
    }
    // Rolling back from 25% to 10% removes exactly those added when going from 10% to 25%.
    const back = servedLive({ shadowPercent: 90, livePercent: 10 });
    expect([...back].sort()).toEqual([...served[3]!].sort());
    const removed = [...served[4]!].filter((key) => !back.has(key));
    const addedAt25 = [...served[4]!].filter((key) => !served[3]!.has(key));
    expect(removed.sort()).toEqual(addedAt25.sort());
    // Shadow's share changing alongside live never moves a context out of live.
    const moreShadow = servedLive({ shadowPercent: 0, livePercent: 10 });
    expect([...moreShadow].sort()).toEqual([...served[3]!].sort());
  });
});
