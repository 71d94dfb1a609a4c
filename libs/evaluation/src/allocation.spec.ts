import { GCProfiler, getHeapStatistics } from 'node:v8';
import type { EvaluationContext } from './model/context.js';
import type { Condition, Flag, FlagType } from './model/flag.js';
import type { EvaluationResult } from './model/result.js';
import { evaluate } from './evaluate.js';
import { compileSnapshot } from './snapshot/compile-snapshot.js';
import { booleanFlag, flagWithConditions } from './testing/flag-builder.js';

/**
 * Bytes the heap grew by while `run` ran, garbage collections included: V8's GC profiler records the used
 * heap before and after each collection, so allocation is the sum of the growth between them. Exact and
 * independent of the machine's speed or load.
 */
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

const EVALUATIONS = 100_000;
/**
 * Allowed per evaluation. One allocation is at least 12 bytes (a boxed number); what a loop shows without any
 * comes from the runtime (code being optimised, feedback), up to a few hundred kilobytes on a loaded machine.
 */
const BOUND_BYTES_PER_EVALUATION = 4;

/**
 * The smallest of up to six measures: an allocating path allocates in every one, runtime noise in some. On a
 * loaded machine the optimising compiler's thread can lag for a while, and code still running unoptimised
 * boxes numbers (tens of bytes per call); a few more rounds give it time to finish, so the bound stays tight.
 */
function bytesPerEvaluation(run: () => void): number {
  let least = Infinity;
  for (let round = 0; round < 6 && least >= BOUND_BYTES_PER_EVALUATION; round++) {
    if (round > 0) run(); // unmeasured: time for the compiler to finish (or redo) its work
    least = Math.min(least, bytesAllocated(run) / EVALUATIONS);
  }
  return least;
}

const rule = (conditions: Condition[]) => [{ id: 'r1', conditions, serve: { variant: 'on' } }];
const flags: Record<string, Flag> = {
  plain: flagWithConditions([{ attribute: 'country', operator: 'in', values: ['US', 'CA', 'GB'] }], { key: 'plain' }),
  segment: flagWithConditions([{ segment: 'beta' }], { key: 'segment' }),
  in1000: booleanFlag({
    key: 'in1000',
    rules: rule([{ attribute: 'account', operator: 'in', values: Array.from({ length: 1000 }, (_, i) => `a-${i}`) }]),
  }),
  semver: booleanFlag({
    key: 'semver',
    rules: rule([{ attribute: 'version', operator: 'semverGt', values: ['1.2.3', '2.0.0-rc.1'] }]),
  }),
  date: booleanFlag({
    key: 'date',
    rules: rule([{ attribute: 'signup', operator: 'before', values: ['2026-01-01T00:00:00Z'] }]),
  }),
  a: booleanFlag({ key: 'a', prerequisites: [{ flag: 'b', variants: ['on'] }], fallthrough: { variant: 'on' } }),
  b: booleanFlag({ key: 'b', prerequisites: [{ flag: 'c', variants: ['on'] }], fallthrough: { variant: 'on' } }),
  c: booleanFlag({ key: 'c', fallthrough: { variant: 'on' } }),
  broken: { key: 'broken', type: 'boolean' } as Flag,
  killed: booleanFlag({ key: 'killed', killed: { at: '2026-01-01T00:00:00Z', by: 'ops', reason: 'test' } }),
  probing: booleanFlag({
    key: 'probing',
    fallthrough: { variant: 'on' },
    killed: { at: '2026-01-01T00:00:00Z', by: 'breaker', probe: { percent: 50, since: '2026-01-01T00:05:00Z' } },
  }),
};
const segments = {
  beta: {
    key: 'beta',
    included: ['vip'],
    conditions: [{ attribute: 'plan', operator: 'in' as const, values: ['pro'] }],
  },
};
const snapshot = compileSnapshot({ version: 1, flags, segments });

const contexts: EvaluationContext[] = Array.from({ length: 1000 }, (_, i) => ({
  key: `user-${i}`,
  country: 'US',
  plan: 'pro',
  account: `a-${(i * 7) % 1200}`,
  version: `1.${i % 20}.0${i % 3 === 0 ? `-rc.${i % 7}` : ''}`,
  signup: `2025-${String((i % 12) + 1).padStart(2, '0')}-15T10:30:00.250+02:00`,
}));

/** Where each result goes, so the optimiser cannot drop an allocation the host would pay for. */
let last: EvaluationResult | undefined;

function loop(flagKey: string, count: number, expectedType?: FlagType, context?: unknown): void {
  for (let i = 0; i < count; i++)
    last = snapshot.evaluate(flagKey, (context ?? contexts[i % 1000]) as EvaluationContext, false, expectedType);
}

describe('evaluation allocates nothing per call', () => {
  it.each([
    ['a plain rule', 'plain', undefined, 'TARGETING_MATCH'],
    ['a segment', 'segment', undefined, 'TARGETING_MATCH'],
    ['in with 1,000 values', 'in1000', undefined, 'TARGETING_MATCH'],
    ['semver (the context value scanned in place)', 'semver', undefined, undefined],
    ['a date (parsed without Date.UTC)', 'date', undefined, 'TARGETING_MATCH'],
    ['a prerequisite chain of 3', 'a', undefined, 'DEFAULT'],
    ['a killed flag', 'killed', undefined, 'KILLED'],
    ['a killed flag probing half of its contexts', 'probing', undefined, undefined],
    ['a missing flag', 'nope', undefined, 'ERROR'],
    ['a type mismatch', 'plain', 'string', 'ERROR'],
    ['a malformed flag (PARSE_ERROR)', 'broken', undefined, 'ERROR'],
  ] as const)('on %s', (_, flagKey, expectedType, reason) => {
    loop(flagKey, 30_000, expectedType);
    if (reason !== undefined) expect(last?.reason).toBe(reason);
    expect(bytesPerEvaluation(() => loop(flagKey, EVALUATIONS, expectedType))).toBeLessThan(BOUND_BYTES_PER_EVALUATION);
  });

  it('on a context that is not an object (TARGETING_KEY_MISSING)', () => {
    loop('plain', 50_000, undefined, 'not a context');
    expect(last?.errorCode).toBe('TARGETING_KEY_MISSING');
    expect(bytesPerEvaluation(() => loop('plain', EVALUATIONS, undefined, 'not a context'))).toBeLessThan(
      BOUND_BYTES_PER_EVALUATION,
    );
  });

  it('through evaluate(flag, context, lookup) as well: a prerequisite chain and a semver rule', () => {
    const lookup = { flag: (key: string) => flags[key], segment: () => undefined };
    const plainLoop = (count: number) => {
      for (let i = 0; i < count; i++) {
        last = evaluate(flags.a, contexts[i % 1000], lookup, { defaultValue: false });
        last = evaluate(flags.semver, contexts[i % 1000], lookup, { defaultValue: false });
      }
    };
    plainLoop(25_000);
    expect(bytesPerEvaluation(() => plainLoop(EVALUATIONS / 2))).toBeLessThan(BOUND_BYTES_PER_EVALUATION);
  });

  it('catches a path that does allocate (the measure itself works)', () => {
    const allocating = () => {
      for (let i = 0; i < EVALUATIONS; i++) last = { ...snapshot.evaluate('plain', contexts[i % 1000], false) };
    };
    allocating();
    expect(bytesPerEvaluation(allocating)).toBeGreaterThan(12);
  });

  it('hands back one frozen result per error and default, and a new one for another default', () => {
    const first = snapshot.evaluate('nope', contexts[0], 'x');
    expect(snapshot.evaluate('nope', contexts[1], 'x')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(snapshot.evaluate('nope', contexts[1], 'y')).toMatchObject({
      value: 'y',
      reason: 'ERROR',
      errorCode: 'FLAG_NOT_FOUND',
      errorMessage: 'flag nope not found',
    });
    expect(snapshot.evaluate('plain', contexts[0], 'd', 'string')).toMatchObject({
      value: 'd',
      errorCode: 'TYPE_MISMATCH',
      flagVersion: 7,
    });
  });
});
