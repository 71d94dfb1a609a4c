import type { CanaryChange } from './canary-change.js';
import { CanaryWatch } from './canary-watch.js';

const options = { node: 'node-b', boundMs: 1_000, intervalMs: 5_000 };
const change = (version: number, askedAt: number, kind: CanaryChange['kind'] = 'kill'): CanaryChange => ({
  version,
  kind,
  askedAt,
  committedAt: askedAt + 5,
  writtenBy: 'node-a',
});

describe('CanaryWatch', () => {
  it('measures propagation from the moment the change was asked for to the moment the stream served it', () => {
    const watch = new CanaryWatch(options, 0);
    expect(watch.written(change(7, 1_000))).toEqual([]);
    expect(watch.seen(7, 1_040)).toEqual([
      { type: 'arrived', change: change(7, 1_000), propagationMs: 40, late: false },
    ]);
    expect(watch.verdict(1_050)).toEqual({
      status: 'up',
      detail: 'last kill (environment version 7) reached node-b in 40 ms (bound 1000 ms)',
    });
  });

  it('matches a change the stream served before the store told of it (the store is polled)', () => {
    const watch = new CanaryWatch(options, 0);
    expect(watch.seen(8, 1_030)).toEqual([]);
    expect(watch.written(change(7, 1_000))).toEqual([
      { type: 'arrived', change: change(7, 1_000), propagationMs: 30, late: false },
    ]);
    expect(watch.written(change(8, 1_010, 'restore'))).toEqual([
      { type: 'arrived', change: change(8, 1_010, 'restore'), propagationMs: 20, late: false },
    ]);
  });

  it('counts every pending change up to the version served (a catch-up serves several at once)', () => {
    const watch = new CanaryWatch(options, 0);
    watch.written(change(3, 100));
    watch.written(change(4, 110, 'restore'));
    const outcomes = watch.seen(4, 300);
    expect(outcomes.map((outcome) => outcome.type === 'arrived' && outcome.propagationMs)).toEqual([200, 190]);
  });

  it('says a change is overdue once past the bound, once, and is degraded until a later change arrives in time', () => {
    const watch = new CanaryWatch(options, 0);
    watch.written(change(5, 1_000));
    expect(watch.check(2_000)).toEqual([]);
    expect(watch.verdict(2_000).status).toBe('up');
    expect(watch.check(2_001)).toEqual([{ type: 'overdue', change: change(5, 1_000), waitedMs: 1_001 }]);
    expect(watch.check(2_500)).toEqual([]);
    expect(watch.verdict(2_500)).toEqual({
      status: 'degraded',
      detail: 'the kill (environment version 5) has not reached node-b within 1000 ms',
    });
    // It arrives at last, late: still degraded, now saying how late.
    expect(watch.seen(5, 4_000)).toEqual([
      { type: 'arrived', change: change(5, 1_000), propagationMs: 3_000, late: true },
    ]);
    expect(watch.verdict(4_000)).toEqual({
      status: 'degraded',
      detail: 'the kill (environment version 5) reached node-b after 3000 ms, over the bound of 1000 ms',
    });
    // Past the silence limit too, the late change is what it says: the more specific of the two.
    expect(watch.verdict(30_000).detail).toMatch(/reached node-b after 3000 ms/);
    watch.written(change(6, 5_000, 'restore'));
    watch.seen(6, 5_010);
    expect(watch.verdict(5_010).status).toBe('up');
  });

  it('is degraded when no change has been written for three intervals and the bound', () => {
    const watch = new CanaryWatch(options, 0);
    expect(watch.verdict(16_000)).toEqual({ status: 'up', detail: 'waiting for the first canary change on node-b' });
    expect(watch.verdict(16_001)).toEqual({
      status: 'degraded',
      detail: "no canary change written for 16001 ms (the scheduler's leader writes one every 5000 ms)",
    });
    watch.written(change(1, 16_500));
    watch.seen(1, 16_510);
    expect(watch.verdict(17_000).status).toBe('up');
    expect(watch.verdict(16_500 + 16_001).status).toBe('degraded');
  });

  it('ignores versions it has seen and changes it has judged', () => {
    const watch = new CanaryWatch(options, 0);
    watch.written(change(2, 100));
    expect(watch.seen(2, 120)).toHaveLength(1);
    expect(watch.seen(2, 130)).toEqual([]);
    expect(watch.written(change(2, 100))).toEqual([]);
    expect(watch.written(change(1, 50))).toEqual([]);
  });
});
