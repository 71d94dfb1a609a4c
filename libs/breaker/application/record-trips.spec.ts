import { BreakerNotifier, type BreakerEvent } from '../domain/breaker-events.js';
import type { AutoRecover } from '../domain/breaker-state.js';
import type { ReportingInstance, Trip } from '../domain/trip.js';
import { InMemoryBreakerFlags, InMemoryBreakerStore } from '../testing/in-memory-breaker.js';
import { BreakerTransitions } from './breaker-transitions.js';
import { RecordTrips } from './record-trips.js';

const now = new Date('2026-12-01T22:00:00.000Z');
const instance = (n: number): ReportingInstance => ({
  id: `i-${n}`,
  appName: 'checkout',
  sdkVersion: '1',
  hostname: `h-${n}`,
});
const trip = (flag: string, probe = false): Trip => ({
  flag,
  at: now,
  windowMs: 10_000,
  calls: 40,
  failures: 30,
  timeouts: 0,
  failureRatio: 0.75,
  probe,
});
const AUTO: AutoRecover = { coolDownMs: 30_000, probePercent: 10, probeWindowMs: 5_000, maxCoolDownMs: 60_000 };

function setup(autoRecover: AutoRecover | null = null) {
  const flags = new InMemoryBreakerFlags();
  flags.add('checkout', autoRecover);
  const store = new InMemoryBreakerStore();
  const notifier = new BreakerNotifier();
  const events: BreakerEvent[] = [];
  notifier.subscribe((event) => void events.push(event));
  const transitions = new BreakerTransitions(flags, store, notifier, () => now);
  const trips: string[] = [];
  const record = new RecordTrips(
    flags,
    store,
    transitions,
    (_env, flag) => void trips.push(flag),
    () => now,
  );
  return { flags, store, events, transitions, trips, record };
}

describe('RecordTrips', () => {
  it('opens the breaker once, with the pre-trip version and the cool-down, and emits one breaker.tripped', async () => {
    const { store, events, record, trips } = setup(AUTO);
    await record.execute('env-1', instance(1), [trip('checkout')]);
    await record.execute('env-1', instance(2), [trip('checkout')]);
    expect(store.records.get('checkout')).toMatchObject({
      state: 'open',
      preTripVersion: 1,
      breakerVersion: 2,
      coolDownMs: 30_000,
      dueAt: new Date(now.getTime() + 30_000),
      lastTrip: { reason: '75% of 40 calls failed in 10 s on checkout@h-1', instance: { id: 'i-1' } },
    });
    expect(events.map((event) => [event.type, event.flagKey, event.version, event.coolDownMs])).toEqual([
      ['breaker.tripped', 'checkout', 2, 30_000],
    ]);
    expect(store.tripsSeen).toEqual([
      { instance: 'i-1', flag: 'checkout' },
      { instance: 'i-2', flag: 'checkout' },
    ]);
    expect(trips).toEqual(['checkout', 'checkout']);
  });

  it('schedules nothing for a flag without auto-recovery', async () => {
    const { store, record } = setup(null);
    await record.execute('env-1', instance(1), [trip('checkout')]);
    expect(store.records.get('checkout')).toMatchObject({ state: 'open', coolDownMs: null, dueAt: null });
  });

  it('keeps nothing of a trip of a flag the environment does not have', async () => {
    const { store, events, record, trips } = setup();
    await record.execute('env-1', instance(1), [trip('made-up')]);
    expect(store.tripsSeen).toEqual([]);
    expect(store.records.size).toBe(0);
    expect(events).toEqual([]);
    expect(trips).toEqual([]);
  });

  it('kills a probing flag again at once when an instance trips during the probe, doubling the cool-down', async () => {
    const { flags, store, events, record, transitions } = setup(AUTO);
    await record.execute('env-1', instance(1), [trip('checkout')]);
    await transitions.startProbe((await store.find('env-1', 'checkout'))!);
    expect(flags.latest('checkout').killed?.probe).toEqual({ percent: 10, since: now.toISOString() });
    await record.execute('env-1', instance(2), [trip('checkout', true)]);
    expect(flags.latest('checkout').killed).toMatchObject({
      by: 'breaker',
      reason: expect.stringMatching(/^probe failed: 75% of 40/),
    });
    expect(flags.latest('checkout').killed?.probe).toBeUndefined();
    expect(store.records.get('checkout')).toMatchObject({
      state: 'open',
      coolDownMs: 60_000,
      breakerVersion: 4,
      preTripVersion: 1,
    });
    expect(events.map((event) => event.type)).toEqual(['breaker.tripped', 'breaker.probing', 'breaker.tripped']);
  });
});
