import fc from 'fast-check';
import { bucket } from '../bucketing/bucket.js';
import { evaluate } from '../evaluate.js';
import type { Flag, Kill } from '../model/flag.js';
import { compileSnapshot } from '../snapshot/compile-snapshot.js';
import { booleanFlag, rollout } from '../testing/flag-builder.js';
import { PROBE_SALT_SUFFIX, probeThreshold } from './compile-probe.js';

const kill = (percent: unknown): Kill =>
  ({ at: '2026-12-01T22:00:00Z', by: 'breaker', probe: { percent, since: '2026-12-01T22:05:00Z' } }) as Kill;
const live = booleanFlag({
  key: 'checkout',
  rules: [
    { id: 'pro', conditions: [{ attribute: 'plan', operator: 'in', values: ['pro'] }], serve: { variant: 'on' } },
  ],
  fallthrough: rollout({ on: 30_000, off: 70_000 }),
});
const probing = (percent: unknown, extra: Partial<Flag> = {}): Flag => ({ ...live, killed: kill(percent), ...extra });
const keys = Array.from({ length: 2000 }, (_, i) => `user-${i}`);
const probed = (key: string, percent: number, salt = 'checkout') =>
  bucket(salt + PROBE_SALT_SUFFIX, key) < Math.round(percent * 1000);

describe('a killed flag with a probe (half-open)', () => {
  it("serves the probed contexts the flag's normal evaluation, marked probe, and the rest KILLED", () => {
    const flag = probing(25);
    let probes = 0;
    for (const key of keys) {
      const context = { key, plan: key.endsWith('7') ? 'pro' : 'free' };
      const result = evaluate(flag, context);
      if (probed(key, 25)) {
        probes++;
        expect(result).toEqual({ ...evaluate(live, context), probe: true });
      } else {
        expect(result).toEqual({ value: false, variant: 'off', reason: 'KILLED', flagVersion: 7 });
      }
    }
    expect(probes).toBeGreaterThan(400);
    expect(probes).toBeLessThan(600);
  });

  it('buckets probes with the salt plus ":probe", not the rollout bucket', () => {
    const salted = probing(50, { salt: 'pepper' });
    const disagree = keys.filter((key) => probed(key, 50, 'pepper') !== bucket('pepper', key) < 50_000);
    expect(disagree.length).toBeGreaterThan(500);
    for (const key of disagree.slice(0, 50)) {
      expect(evaluate(salted, { key }).probe === true).toBe(probed(key, 50, 'pepper'));
    }
  });

  it('probes nobody at 0% and everybody with a key at 100%', () => {
    for (const key of keys.slice(0, 200)) {
      expect(evaluate(probing(0), { key }).reason).toBe('KILLED');
      expect(evaluate(probing(100), { key }).probe).toBe(true);
    }
  });

  it('probes no context without a string key: it keeps the kill and reports no error', () => {
    for (const context of [{}, { key: '' }, { key: 42 }, { key: ['user-1'] }]) {
      expect(evaluate(probing(100), context as never)).toEqual({
        value: false,
        variant: 'off',
        reason: 'KILLED',
        flagVersion: 7,
      });
    }
  });

  it('probes nobody when the percentage cannot be read', () => {
    for (const percent of ['50', Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}]) {
      expect(evaluate(probing(percent), { key: 'user-1' }).reason).toBe('KILLED');
    }
    expect(evaluate({ ...live, killed: { at: 'x', by: 'y', probe: 'half' } as never }, { key: 'user-1' }).reason).toBe(
      'KILLED',
    );
  });

  it("passes a probed context's ERROR through unmarked, with the caller's default", () => {
    const ghost = probing(100, { fallthrough: { variant: 'ghost' } });
    expect(evaluate(ghost, { key: 'user-1' }, undefined, { defaultValue: true })).toMatchObject({
      value: true,
      reason: 'ERROR',
      errorCode: 'GENERAL',
    });
    expect(evaluate(ghost, { key: 'user-1' }).probe).toBeUndefined();
  });

  it('marks DISABLED and PREREQUISITE_FAILED probes too: a probe evaluates the flag as if it were not killed', () => {
    expect(evaluate(probing(100, { on: false }), { key: 'u' })).toMatchObject({ reason: 'DISABLED', probe: true });
    const needy = probing(100, { prerequisites: [{ flag: 'parent', variants: ['on'] }] });
    expect(evaluate(needy, { key: 'u' })).toMatchObject({ reason: 'PREREQUISITE_FAILED', probe: true });
  });

  it('hands back the same frozen result for the same outcome, through a compiled snapshot', () => {
    const snapshot = compileSnapshot({ version: 3, flags: { checkout: probing(100) }, segments: {} });
    const first = snapshot.evaluate('checkout', { key: 'a', plan: 'pro' }, false);
    expect(first).toEqual({
      value: true,
      variant: 'on',
      reason: 'TARGETING_MATCH',
      ruleId: 'pro',
      flagVersion: 7,
      probe: true,
    });
    expect(Object.isFrozen(first)).toBe(true);
    expect(snapshot.evaluate('checkout', { key: 'b', plan: 'pro' }, false)).toBe(first);
  });

  it('only adds probed contexts as the percentage rises, and matches the bucket rule exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.string({ minLength: 1 }),
        (a, b, key) => {
          const [low, high] = a <= b ? [a / 1000, b / 1000] : [b / 1000, a / 1000];
          const lowProbe = evaluate(probing(low), { key }).probe === true;
          const highProbe = evaluate(probing(high), { key }).probe === true;
          expect(lowProbe).toBe(probed(key, low));
          if (lowProbe) expect(highProbe).toBe(true);
        },
      ),
      { numRuns: 500, seed: 20261201 },
    );
  });

  it('rounds the percentage to whole buckets of 0.001% and clamps it to 0-100', () => {
    expect(probeThreshold(12.3456)).toBe(12_346);
    expect(probeThreshold(-5)).toBe(0);
    expect(probeThreshold(250)).toBe(100_000);
  });
});
