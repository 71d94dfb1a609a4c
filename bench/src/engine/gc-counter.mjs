import { PerformanceObserver } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Counts garbage collections while the timed rounds run: the engine promises to allocate nothing per
 * evaluation, and a GC count of zero is the visible proof of it.
 * @returns {{ stop(): Promise<{ count: number, ms: number }> }}
 */
export function startGcCounter() {
  let count = 0;
  let ms = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      count++;
      ms += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // GC entries are delivered asynchronously; let the pending ones arrive before reading.
      await nextTurn();
      await nextTurn();
      observer.disconnect();
      return { count, ms };
    },
  };
}
