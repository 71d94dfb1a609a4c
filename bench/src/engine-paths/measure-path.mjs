/**
 * One path of the per-path benchmark, in its own process (run by run-paths-bench.mjs with --expose-gc):
 * prints one JSON line { path, nsPerEval, gcPer1M, rounds } to stdout.
 *
 *   node --expose-gc src/engine-paths/measure-path.mjs <path>
 */
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { compileSnapshot } from '@switchyard/evaluation';
import { median } from '../engine/statistics.mjs';
import { startGcCounter } from '../engine/gc-counter.mjs';
import { PATHS } from './paths.mjs';

const name = process.argv[2];
const path = PATHS[name];
if (path === undefined) throw new Error(`unknown path ${name}; one of ${Object.keys(PATHS).join(', ')}`);
const evaluations = Number(process.env.BENCH_EVALUATIONS ?? 1_000_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const contextCount = 100_000;

const compiled = compileSnapshot(path.snapshot);
const contexts = Array.from({ length: contextCount }, (_, i) => path.context(i));
const defaultValue = path.expectedType === 'string' ? 'default' : false;
const expectedType = path.expectedType;
let sink = 0;
/** Every result is stored here, so the optimiser cannot elide an allocation the host would pay for. */
export let lastResult;

function run(count) {
  for (let i = 0, c = 0; i < count; i++, c = c + 1 === contextCount ? 0 : c + 1) {
    const result = compiled.evaluate(path.flagKey, contexts[c], defaultValue, expectedType);
    lastResult = result;
    if (result.value === true) sink++;
  }
}

run(Math.min(evaluations, 200_000));
const sample = compiled.evaluate(path.flagKey, contexts[1], defaultValue, expectedType);
const times = [];
const gcs = [];
for (let round = 0; round < rounds; round++) {
  globalThis.gc?.();
  const counter = startGcCounter();
  const started = process.hrtime.bigint();
  run(evaluations);
  const elapsed = Number(process.hrtime.bigint() - started);
  const { count } = await counter.stop();
  times.push(elapsed / evaluations);
  gcs.push((count * 1_000_000) / evaluations);
}
const bytesPerEval = bytesAllocated(() => run(evaluations)) / evaluations;
const result = {
  path: name,
  bytesPerEval,
  nsPerEval: median(times),
  gcPer1M: median(gcs),
  rounds: times.length,
  reason: sample.reason,
  errorCode: sample.errorCode,
  sink,
};
process.stdout.write(`${JSON.stringify(result)}\n`);

/** Bytes the heap grew by while `work` ran, collections included (V8's GC profiler gives the heap around each). */
function bytesAllocated(work) {
  const profiler = new GCProfiler();
  profiler.start();
  const before = getHeapStatistics().used_heap_size;
  work();
  const after = getHeapStatistics().used_heap_size;
  let total = 0;
  let from = before;
  for (const gc of profiler.stop().statistics) {
    total += gc.beforeGC.heapStatistics.usedHeapSize - from;
    from = gc.afterGC.heapStatistics.usedHeapSize;
  }
  return total + after - from;
}
