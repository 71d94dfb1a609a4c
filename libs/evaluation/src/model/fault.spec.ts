import { FAULT_NONE_VARIANT, faultSpecProblems, faultVariantsProblems, isFaultFlag } from './fault.js';

const codes = (value: unknown, path = 'variants.slow') =>
  faultSpecProblems(value, path).map((issue) => `${issue.path}:${issue.code}`);

describe('faultSpecProblems', () => {
  it('accepts the empty spec, each field alone, all fields together and every bound', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ latencyMs: 2000 })).toEqual([]);
    expect(codes({ jitterMs: 200 })).toEqual([]);
    expect(codes({ errorRate: 0.5 })).toEqual([]);
    expect(codes({ errorMessage: 'boom' })).toEqual([]);
    expect(codes({ latencyMs: 0, jitterMs: 0, errorRate: 0, errorMessage: 'x' })).toEqual([]);
    expect(codes({ latencyMs: 900_000, jitterMs: 900_000, errorRate: 1, errorMessage: 'x'.repeat(200) })).toEqual([]);
  });

  it('refuses a value that is not an object', () => {
    for (const value of [null, 'slow', 5, [], true]) expect(codes(value)).toEqual(['variants.slow:INVALID_TYPE']);
  });

  it('refuses unknown fields by name', () => {
    const issues = faultSpecProblems({ latency: 5, latencyMs: 5, status: 503 }, 'variants.slow');
    expect(issues.map((issue) => issue.path)).toEqual(['variants.slow.latency', 'variants.slow.status']);
    expect(issues[0].code).toBe('UNKNOWN_FIELD');
    expect(issues[0].message).toContain('latencyMs, jitterMs, errorRate, errorMessage');
  });

  it('refuses latencyMs and jitterMs that are not integers or are out of 0..900000', () => {
    expect(codes({ latencyMs: 1.5, jitterMs: '10' })).toEqual([
      'variants.slow.latencyMs:INVALID_TYPE',
      'variants.slow.jitterMs:INVALID_TYPE',
    ]);
    expect(codes({ latencyMs: -1, jitterMs: 900_001 })).toEqual([
      'variants.slow.latencyMs:INVALID_VALUE',
      'variants.slow.jitterMs:INVALID_VALUE',
    ]);
    expect(codes({ latencyMs: 900_001 })).toEqual(['variants.slow.latencyMs:INVALID_VALUE']);
    expect(codes({ jitterMs: -1 })).toEqual(['variants.slow.jitterMs:INVALID_VALUE']);
    expect(codes({ latencyMs: null })).toEqual(['variants.slow.latencyMs:INVALID_TYPE']);
  });

  it('refuses an errorRate that is not a number from 0 to 1', () => {
    expect(codes({ errorRate: '50%' })).toEqual(['variants.slow.errorRate:INVALID_TYPE']);
    expect(codes({ errorRate: Number.NaN })).toEqual(['variants.slow.errorRate:INVALID_TYPE']);
    expect(codes({ errorRate: -0.01 })).toEqual(['variants.slow.errorRate:INVALID_VALUE']);
    expect(codes({ errorRate: 1.01 })).toEqual(['variants.slow.errorRate:INVALID_VALUE']);
  });

  it('refuses an errorMessage that is not a string of 1 to 200 characters', () => {
    expect(codes({ errorMessage: 5 })).toEqual(['variants.slow.errorMessage:INVALID_TYPE']);
    expect(codes({ errorMessage: '' })).toEqual(['variants.slow.errorMessage:REQUIRED']);
    expect(codes({ errorMessage: 'x'.repeat(201) })).toEqual(['variants.slow.errorMessage:TOO_LONG']);
  });

  it('names the variant and the field in its messages', () => {
    const [issue] = faultSpecProblems({ latencyMs: -5 }, 'variants.latency-2s');
    expect(issue).toEqual({
      path: 'variants.latency-2s.latencyMs',
      code: 'INVALID_VALUE',
      message: 'variants.latency-2s.latencyMs must be from 0 to 900000 ms: got -5',
    });
  });
});

describe('faultVariantsProblems and isFaultFlag', () => {
  const defaults = {
    none: {},
    'latency-2s': { latencyMs: 2000, jitterMs: 200 },
    'errors-50': { errorRate: 0.5, errorMessage: 'injected by switchyard' },
  };

  it('holds for a none variant of {} and valid fault specs', () => {
    expect(FAULT_NONE_VARIANT).toBe('none');
    expect(faultVariantsProblems(defaults)).toEqual([]);
    expect(isFaultFlag(defaults)).toBe(true);
    expect(isFaultFlag({ none: {} })).toBe(true);
  });

  it('needs the none variant, and it must be {}', () => {
    const without = { slow: { latencyMs: 5 } };
    expect(faultVariantsProblems(without).map((i) => `${i.path}:${i.code}`)).toEqual(['variants.none:REQUIRED']);
    expect(isFaultFlag(without)).toBe(false);
    const notEmpty = { none: { latencyMs: 0 } };
    expect(faultVariantsProblems(notEmpty).map((i) => `${i.path}:${i.code}`)).toEqual(['variants.none:INVALID_VALUE']);
    expect(isFaultFlag(notEmpty)).toBe(false);
  });

  it('names every bad variant and field at once', () => {
    const bad = { none: {}, slow: { latencyMs: -1 }, broken: { errorRate: 2, extra: true } };
    expect(faultVariantsProblems(bad).map((i) => `${i.path}:${i.code}`)).toEqual([
      'variants.slow.latencyMs:INVALID_VALUE',
      'variants.broken.extra:UNKNOWN_FIELD',
      'variants.broken.errorRate:INVALID_VALUE',
    ]);
    expect(isFaultFlag(bad)).toBe(false);
  });

  it('does not hold for boolean, string or dark-launch variants, or none at all', () => {
    expect(isFaultFlag({ on: true, off: false })).toBe(false);
    expect(isFaultFlag({ off: 'off', shadow: 'shadow', live: 'live' })).toBe(false);
    expect(isFaultFlag({ none: 'none' })).toBe(false);
    expect(isFaultFlag(null)).toBe(false);
    expect(isFaultFlag(undefined)).toBe(false);
    expect(faultVariantsProblems([]).map((i) => i.path)).toEqual(['variants']);
  });
});
