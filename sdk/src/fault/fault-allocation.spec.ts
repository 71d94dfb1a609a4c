import { GCProfiler, getHeapStatistics } from 'node:v8';
import { compileSnapshot, type EvaluationContext, type Flag } from '@switchyard/evaluation';
import { snapshotOf } from '../../test/fake-flag-service.js';
import { FakeClock } from '../../test/fake-clock.js';
import { Faults } from './faults.js';

/** Bytes the heap grew by while `run` ran, collections included (as the engine's allocation spec measures). */
function bytesAllocated(run: () => void): number {
  const profiler = new GCProfiler();
  profiler.start();
  const before = getHeapStatistics().used_heap_size;
  run();
  const after = getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop() as { statistics: Array<{ beforeGC: Heap; afterGC: Heap }> };
  let total = 0;
  let from = before;
  for (const gc of statistics) {
    total += gc.beforeGC.heapStatistics.usedHeapSize - from;
    from = gc.afterGC.heapStatistics.usedHeapSize;
  }
  return total + after - from;
}
type Heap = { heapStatistics: { usedHeapSize: number } };

const CALLS = 100_000;
/** Below one allocation (12 bytes at least) per call; what remains is the runtime's own (tiering up). */
const BOUND_BYTES_PER_CALL = 4;

const flag = (on: boolean, targeted: boolean): Flag => ({
  key: 'db-faults',
  type: 'json',
  version: 1,
  on,
  offVariant: 'none',
  variants: { none: {}, down: { errorRate: 1 } },
  rules: targeted
    ? [
        {
          id: 'one',
          conditions: [{ attribute: 'instanceId', operator: 'in', values: ['i-9'] }],
          serve: { variant: 'down' },
        },
      ]
    : [],
  fallthrough: { variant: 'none' },
});

const contexts: EvaluationContext[] = Array.from({ length: 100 }, (_, i) => ({ key: `user-${i}`, region: 'eu' }));
let last: unknown;

function faultsFor(served: Flag): Faults {
  const snapshot = compileSnapshot(snapshotOf(1, served));
  return new Faults(
    {
      flag: (key) => snapshot.flag(key),
      evaluate: (key, context) => snapshot.evaluate(key, context, null, 'json'),
      error: () => undefined,
    },
    { instanceId: 'i-1', hostname: 'host-1', app: 'checkout' },
    30_000,
    new FakeClock(),
  );
}

const perCall = (run: () => void) => Math.min(bytesAllocated(run), bytesAllocated(run)) / CALLS;

describe('fault allocates nothing when it injects nothing', () => {
  it.each([
    ['the flag is off', false, false],
    ['the flag is on with no rule for this instance (the merged context reused)', true, true],
    ['the flag is on and serves none to everyone', true, false],
  ])('when %s', (_, on, targeted) => {
    const faults = faultsFor(flag(on, targeted));
    const loop = (count: number) => {
      for (let i = 0; i < count; i++) last = faults.fault('db-faults', contexts[i % 100]);
    };
    loop(30_000);
    expect(perCall(() => loop(CALLS))).toBeLessThan(BOUND_BYTES_PER_CALL);
  });

  it('catches a path that does allocate (a fresh promise per call)', () => {
    const faults = faultsFor(flag(false, false));
    const loop = (count: number) => {
      for (let i = 0; i < count; i++) last = faults.fault('db-faults', contexts[i % 100]).then(() => undefined);
    };
    loop(30_000);
    expect(perCall(() => loop(CALLS))).toBeGreaterThan(12);
    expect(last).toBeInstanceOf(Promise);
  });
});
