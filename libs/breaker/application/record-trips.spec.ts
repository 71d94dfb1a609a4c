import type { Kill } from '@switchyard/evaluation';
import { BreakerNotifier, type BreakerEvent } from '../domain/breaker-events.js';
import type { AutoRecover, BreakerRecord } from '../domain/breaker-state.js';
import type { ReportingInstance, Trip } from '../domain/trip.js';
import { BreakerFlags, BreakerStore, type BreakerWrite } from './breaker-ports.js';
import { RecordTrips } from './record-trips.js';

class FakeFlags extends BreakerFlags {
  readonly configs = new Map<string, { version: number; killed: Kill | null; autoRecover: AutoRecover | null }>();
  async kill(environmentId: string, flagKey: string, reason: string): Promise<BreakerWrite | null> {
    const config = this.configs.get(flagKey);
    if (!config) return null;
    const changed = config.killed === null;
    if (changed) Object.assign(config, { version: config.version + 1, killed: { at: 'now', by: 'breaker', reason } });
    const ref = { environmentId, projectKey: 'shop', environmentKey: 'prod', flagKey };
    return { ref, version: config.version, changed, killed: config.killed, autoRecover: config.autoRecover };
  }
}

class FakeStore extends BreakerStore {
  readonly trips: Array<{ instance: string; flag: string }> = [];
  readonly records = new Map<string, BreakerRecord>();
  async recordTrip(_environmentId: string, instance: ReportingInstance, trip: Trip): Promise<void> {
    this.trips.push({ instance: instance.id, flag: trip.flag });
  }
  async open(record: BreakerRecord): Promise<void> {
    this.records.set(record.flagKey, record);
  }
  async find(_environmentId: string, flagKey: string): Promise<BreakerRecord | null> {
    return this.records.get(flagKey) ?? null;
  }
}

const now = new Date('2026-12-01T22:00:00.000Z');
const instance = (n: number): ReportingInstance => ({
  id: `i-${n}`,
  appName: 'checkout',
  sdkVersion: '1',
  hostname: `h-${n}`,
});
const trip = (flag: string): Trip => ({
  flag,
  at: now,
  windowMs: 10_000,
  calls: 40,
  failures: 30,
  timeouts: 0,
  failureRatio: 0.75,
  probe: false,
});

function setup(autoRecover: AutoRecover | null = null) {
  const flags = new FakeFlags();
  flags.configs.set('checkout', { version: 4, killed: null, autoRecover });
  const store = new FakeStore();
  const notifier = new BreakerNotifier();
  const events: BreakerEvent[] = [];
  notifier.subscribe((event) => void events.push(event));
  return { flags, store, events, record: new RecordTrips(flags, store, notifier, () => now) };
}

describe('RecordTrips', () => {
  it('opens the breaker once, with the pre-trip version and the cool-down, and emits one breaker.tripped', async () => {
    const { store, events, record } = setup({
      coolDownMs: 30_000,
      probePercent: 10,
      probeWindowMs: 5_000,
      maxCoolDownMs: 60_000,
    });
    await record.execute('env-1', instance(1), [trip('checkout')]);
    await record.execute('env-1', instance(2), [trip('checkout')]);
    expect(store.records.get('checkout')).toMatchObject({
      state: 'open',
      preTripVersion: 4,
      breakerVersion: 5,
      coolDownMs: 30_000,
      dueAt: new Date(now.getTime() + 30_000),
      lastTrip: { reason: '75% of 40 calls failed in 10 s on checkout@h-1', instance: { id: 'i-1' } },
    });
    expect(events.map((event) => [event.type, event.flagKey, event.version])).toEqual([
      ['breaker.tripped', 'checkout', 5],
    ]);
    expect(store.trips).toEqual([
      { instance: 'i-1', flag: 'checkout' },
      { instance: 'i-2', flag: 'checkout' },
    ]);
  });

  it('schedules nothing for a flag without auto-recovery', async () => {
    const { store, record } = setup(null);
    await record.execute('env-1', instance(1), [trip('checkout')]);
    expect(store.records.get('checkout')).toMatchObject({ state: 'open', coolDownMs: null, dueAt: null });
  });

  it('keeps nothing of a trip of a flag the environment does not have', async () => {
    const { store, events, record } = setup();
    await record.execute('env-1', instance(1), [trip('made-up')]);
    expect(store.trips).toEqual([]);
    expect(store.records.size).toBe(0);
    expect(events).toEqual([]);
  });
});
