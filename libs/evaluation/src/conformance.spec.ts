import {
  loadConformanceCases,
  lookupForCase,
  snapshotForCase,
  type ConformanceCase,
  type ConformanceExpectation,
} from '../../../test/support/conformance.js';
import { compileSnapshot, evaluate, KEY_PATTERN } from './index.js';
import type { EvaluationResult } from './model/result.js';

// Runs every engine-scope case of libs/evaluation/conformance through both entry points of the engine.
const cases = loadConformanceCases({ scope: 'engine' });
const files = [...new Set(cases.map((c) => c.file))];

/** The fields the corpus pins, without the ones it leaves free (errorMessage, flagVersion, ruleId). */
function observed(result: EvaluationResult): ConformanceExpectation {
  const seen: ConformanceExpectation = { value: result.value, reason: result.reason };
  if (result.variant !== undefined) seen.variant = result.variant;
  if (result.errorCode !== undefined) seen.errorCode = result.errorCode;
  return seen;
}

function throughEvaluate(c: ConformanceCase): EvaluationResult {
  return evaluate(c.flag ?? undefined, c.context, lookupForCase(c), {
    defaultValue: c.default,
    expectedType: c.expectedType,
  });
}

function throughSnapshot(c: ConformanceCase): EvaluationResult {
  return compileSnapshot(snapshotForCase(c)).evaluate(c.flagKey, c.context, c.default, c.expectedType);
}

describe('the conformance corpus', () => {
  it('holds at least 120 engine cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
  });

  it('keys every flag and segment with a slug, so that a real service can store every case as is', () => {
    const keys = cases.flatMap((c) => [
      ...(c.flag ? [c.flag.key] : []),
      ...Object.keys(c.flags),
      ...Object.keys(c.segments),
    ]);
    expect(keys.filter((key) => !KEY_PATTERN.test(key))).toEqual([]);
  });

  it('names every case uniquely within its file', () => {
    const names = cases.map((c) => `${c.file}: ${c.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('expects, for every served variant, the value its flag declares for it', () => {
    const inconsistent = cases
      .filter((c) => c.flag !== null && c.expected.variant !== undefined)
      .filter((c) => JSON.stringify(c.flag!.variants[c.expected.variant!]) !== JSON.stringify(c.expected.value))
      .map((c) => `${c.file}: ${c.name}`);
    expect(inconsistent).toEqual([]);
  });

  it('expects an error code exactly when the reason is ERROR, and then no variant and the caller default', () => {
    const inconsistent = cases
      .filter((c) => {
        const { reason, errorCode, variant, value } = c.expected;
        if (reason !== 'ERROR') return errorCode !== undefined;
        return errorCode === undefined || variant !== undefined || JSON.stringify(value) !== JSON.stringify(c.default);
      })
      .map((c) => `${c.file}: ${c.name}`);
    expect(inconsistent).toEqual([]);
  });
});

describe.each(files)('conformance %s', (file) => {
  const fileCases = cases.filter((c) => c.file === file).map((c) => [c.name, c] as const);

  describe('through evaluate with a lookup', () => {
    it.each(fileCases)('%s', (_name, c) => {
      expect(observed(throughEvaluate(c))).toEqual(c.expected);
    });
  });

  describe('through a compiled snapshot', () => {
    it.each(fileCases)('%s', (_name, c) => {
      expect(observed(throughSnapshot(c))).toEqual(c.expected);
    });
  });
});
