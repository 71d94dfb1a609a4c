import { booleanFlag } from '../testing/flag-builder.js';
import { BREAKER_LIMITS } from './breaker-limits.js';
import { validateBreaker } from './validate-breaker.js';
import { validateFlag } from './validate-flag.js';

const codes = (flag: unknown, strict = true) =>
  validateFlag(flag, undefined, { strict }).map((issue) => `${issue.path}:${issue.code}`);
const withBreaker = (breaker: unknown) => ({ ...booleanFlag(), breaker });
const killedWith = (probe: unknown) => ({ ...booleanFlag(), killed: { at: '2026-12-01T22:00:00Z', by: 'x', probe } });
const autoRecover = { coolDownMs: 30_000, probePercent: 5, probeWindowMs: 60_000, maxCoolDownMs: 600_000 };

describe('breaker settings in strict validation', () => {
  it('accepts full settings, partial ones, none and null', () => {
    const full = { windowMs: 30_000, bucketMs: 500, minimumCalls: 50, failureRatio: 0.25, timeoutMs: 800, autoRecover };
    expect(codes(withBreaker(full))).toEqual([]);
    expect(codes(withBreaker({ failureRatio: 1 }))).toEqual([]);
    expect(codes(withBreaker({ autoRecover: null }))).toEqual([]);
    expect(codes(withBreaker(null))).toEqual([]);
    expect(codes(booleanFlag())).toEqual([]);
  });

  it('refuses settings that are not an object, unknown fields and wrong types, naming each path', () => {
    expect(codes(withBreaker('on'))).toEqual(['breaker:INVALID_TYPE']);
    expect(
      codes(withBreaker({ window: 5, windowMs: '10s', minimumCalls: 2.5, failureRatio: '50%', timeoutMs: null })),
    ).toEqual([
      'breaker.window:UNKNOWN_FIELD',
      'breaker.windowMs:INVALID_TYPE',
      'breaker.minimumCalls:INVALID_TYPE',
      'breaker.failureRatio:INVALID_TYPE',
      'breaker.timeoutMs:INVALID_TYPE',
    ]);
  });

  it('refuses values out of bounds', () => {
    expect(
      codes(withBreaker({ windowMs: 999, bucketMs: 60_001, minimumCalls: 0, failureRatio: 0, timeoutMs: 600_001 })),
    ).toEqual([
      'breaker.windowMs:INVALID_VALUE',
      'breaker.bucketMs:INVALID_VALUE',
      'breaker.minimumCalls:INVALID_VALUE',
      'breaker.failureRatio:INVALID_VALUE',
      'breaker.timeoutMs:INVALID_VALUE',
    ]);
    expect(codes(withBreaker({ failureRatio: 1.01 }))).toEqual(['breaker.failureRatio:INVALID_VALUE']);
  });

  it('needs a window of whole buckets, at most maxBuckets of them (so the SDK keeps a fixed ring)', () => {
    expect(codes(withBreaker({ windowMs: 10_500 }))).toEqual(['breaker.windowMs:INVALID_VALUE']);
    expect(codes(withBreaker({ windowMs: 3_000, bucketMs: 700 }))).toEqual(['breaker.windowMs:INVALID_VALUE']);
    expect(codes(withBreaker({ windowMs: BREAKER_LIMITS.maxBuckets * 100, bucketMs: 100 }))).toEqual([]);
    expect(codes(withBreaker({ windowMs: (BREAKER_LIMITS.maxBuckets + 1) * 100, bucketMs: 100 }))).toEqual([
      'breaker.windowMs:INVALID_VALUE',
    ]);
    const [issue] = validateBreaker({ windowMs: 10_500 });
    expect(issue.message).toBe('breaker.windowMs (10500) must be a whole number of buckets of 1000 ms, at most 600');
  });

  it('needs autoRecover null or complete, with a probe share above 0 and maxCoolDownMs at least coolDownMs', () => {
    expect(codes(withBreaker({ autoRecover: {} }))).toEqual([
      'breaker.autoRecover.coolDownMs:REQUIRED',
      'breaker.autoRecover.probePercent:REQUIRED',
      'breaker.autoRecover.probeWindowMs:REQUIRED',
      'breaker.autoRecover.maxCoolDownMs:REQUIRED',
    ]);
    expect(
      codes(withBreaker({ autoRecover: { ...autoRecover, probePercent: 0, maxCoolDownMs: 10_000, jitter: 1 } })),
    ).toEqual([
      'breaker.autoRecover.jitter:UNKNOWN_FIELD',
      'breaker.autoRecover.probePercent:INVALID_VALUE',
      'breaker.autoRecover.maxCoolDownMs:INVALID_VALUE',
    ]);
    expect(codes(withBreaker({ autoRecover: { ...autoRecover, probePercent: 100.5 } }))).toEqual([
      'breaker.autoRecover.probePercent:INVALID_VALUE',
    ]);
    expect(codes(withBreaker({ autoRecover: true }))).toEqual(['breaker.autoRecover:INVALID_TYPE']);
  });

  it('ignores breaker settings outside strict mode (the SDK falls back to its defaults field by field)', () => {
    expect(codes(withBreaker('on'), false)).toEqual([]);
    expect(codes(withBreaker({ windowMs: -1, colour: 'red' }), false)).toEqual([]);
  });

  it('validateBreaker alone reports the same issues and survives a hostile object', () => {
    expect(validateBreaker({ minimumCalls: -1 }).map((issue) => issue.path)).toEqual(['breaker.minimumCalls']);
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(validateBreaker(hostile)).toEqual([
      { path: 'breaker', code: 'INVALID_TYPE', message: 'breaker settings could not be read' },
    ]);
  });
});

describe("a kill's probe in strict validation", () => {
  it('accepts a probe of 0 to 100% in steps of 0.001 with a start time', () => {
    for (const percent of [0, 0.001, 12.5, 100]) {
      expect(codes(killedWith({ percent, since: '2026-12-01T22:05:00Z' }))).toEqual([]);
    }
  });

  it('refuses a probe that is not { percent, since }, a percentage out of range or finer than 0.001', () => {
    expect(codes(killedWith(5))).toEqual(['killed.probe:INVALID_TYPE']);
    expect(codes(killedWith({ percent: 101, since: 'x', by: 'me' }))).toEqual([
      'killed.probe.by:UNKNOWN_FIELD',
      'killed.probe.percent:INVALID_VALUE',
    ]);
    expect(codes(killedWith({ percent: 1.0001, since: 'x' }))).toEqual(['killed.probe.percent:INVALID_VALUE']);
    expect(codes(killedWith({ percent: '5', since: 3 }))).toEqual([
      'killed.probe.percent:INVALID_TYPE',
      'killed.probe.since:INVALID_TYPE',
    ]);
    expect(codes(killedWith({}))).toEqual(['killed.probe.percent:REQUIRED', 'killed.probe.since:INVALID_TYPE']);
  });

  it('lets a probe through outside strict mode (an unreadable one admits nobody when evaluated)', () => {
    expect(codes(killedWith('half'), false)).toEqual([]);
  });
});
