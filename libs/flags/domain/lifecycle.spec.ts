import type { FlagConfig } from './flag-config.js';
import { flagLifecycle, servableVariants } from './lifecycle.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const ON: FlagConfig = {
  on: true,
  offVariant: 'off',
  rules: [],
  fallthrough: { variant: 'on' },
  prerequisites: [],
  killed: null,
  salt: 'f',
};
const RAMP: FlagConfig = { ...ON, fallthrough: { rollout: { bucketBy: 'key', weights: { on: 25_000, off: 75_000 } } } };

describe('flag lifecycle', () => {
  it('marks a temporary flag past its 40-day expected lifetime, and never a permanent one', () => {
    expect(flagLifecycle({ createdAt: daysAgo(41), temporary: true }, RAMP, daysAgo(1), NOW)).toEqual({
      ageDays: 41,
      expectedLifetimeDays: 40,
      servesOnly: null,
      lastEvaluatedAt: null,
      staleReasons: ['past-expected-lifetime'],
    });
    expect(flagLifecycle({ createdAt: daysAgo(40), temporary: true }, RAMP, daysAgo(1), NOW).staleReasons).toEqual([]);
    expect(flagLifecycle({ createdAt: daysAgo(400), temporary: false }, RAMP, daysAgo(1), NOW)).toMatchObject({
      expectedLifetimeDays: null,
      staleReasons: [],
    });
  });

  it('marks a config serving one variant to everyone, unchanged for 14 days', () => {
    const permanent = { createdAt: daysAgo(100), temporary: false };
    expect(flagLifecycle(permanent, ON, daysAgo(14), NOW)).toMatchObject({
      servesOnly: 'on',
      staleReasons: ['one-variant-for-14-days'],
    });
    expect(flagLifecycle(permanent, ON, daysAgo(13), NOW).staleReasons).toEqual([]);
    expect(flagLifecycle(permanent, RAMP, daysAgo(30), NOW).staleReasons).toEqual([]);
  });

  it('marks a flag no SDK evaluated for 7 days, or never evaluated and 7 days old, by the clock it is given', () => {
    const flag = { createdAt: daysAgo(30), temporary: false };
    const evaluated = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
    expect(flagLifecycle(flag, RAMP, daysAgo(1), NOW, evaluated(7))).toMatchObject({
      lastEvaluatedAt: evaluated(7).toISOString(),
      staleReasons: ['not-evaluated-for-7-days'],
    });
    expect(flagLifecycle(flag, RAMP, daysAgo(1), NOW, evaluated(6.9)).staleReasons).toEqual([]);
    // The same flag, a week later by an injected clock: now stale.
    const weekLater = new Date(NOW.getTime() + 7 * 86_400_000);
    expect(flagLifecycle(flag, RAMP, daysAgo(1), weekLater, evaluated(0)).staleReasons).toEqual([
      'not-evaluated-for-7-days',
    ]);
    // Never evaluated: judged from the flag's creation.
    expect(flagLifecycle(flag, RAMP, daysAgo(1), NOW, null)).toMatchObject({
      lastEvaluatedAt: null,
      staleReasons: ['not-evaluated-for-7-days'],
    });
    const young = { createdAt: daysAgo(6), temporary: false };
    expect(flagLifecycle(young, RAMP, daysAgo(1), NOW, null).staleReasons).toEqual([]);
    // Unknown (the caller has no evaluation data): not judged.
    expect(flagLifecycle(flag, RAMP, daysAgo(1), NOW).staleReasons).toEqual([]);
  });

  it('counts what a config can serve: the off variant when off or killed, every rule and rollout part when on', () => {
    expect([...servableVariants({ ...RAMP, on: false })]).toEqual(['off']);
    expect([...servableVariants({ ...ON, killed: { at: daysAgo(1), by: 'ana', reason: null } as never })]).toEqual([
      'off',
    ]);
    const rules = [{ id: 'r', conditions: [], serve: { variant: 'on' } }];
    expect([...servableVariants({ ...ON, rules })]).toEqual(['on']);
    expect([...servableVariants({ ...ON, rules, fallthrough: { variant: 'off' } })].sort()).toEqual(['off', 'on']);
    const weights = { on: 100_000, off: 0 };
    expect([...servableVariants({ ...ON, fallthrough: { rollout: { bucketBy: 'key', weights } } })]).toEqual(['on']);
    expect([...servableVariants({ ...ON, prerequisites: [{ flag: 'other', variants: ['on'] }] })].sort()).toEqual([
      'off',
      'on',
    ]);
  });
});
