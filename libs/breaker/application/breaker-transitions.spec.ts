import { BreakerNotifier, type BreakerEvent } from '../domain/breaker-events.js';
import type { AutoRecover } from '../domain/breaker-state.js';
import { InMemoryBreakerFlags, InMemoryBreakerStore } from '../testing/in-memory-breaker.js';
import { AdvanceBreakers } from './advance-breakers.js';
import { BreakerTransitions } from './breaker-transitions.js';
import { PinBreaker } from './pin-breaker.js';
import { RecordGuardOutcomes } from './record-guard-outcomes.js';
import { RecordTrips } from './record-trips.js';

const AUTO: AutoRecover = { coolDownMs: 1_000, probePercent: 20, probeWindowMs: 500, maxCoolDownMs: 3_000 };
const PERSON = { type: 'token' as const, id: 't-1', name: 'alice' };

function setup(autoRecover: AutoRecover | null = AUTO) {
  let clock = new Date('2026-12-01T22:00:00.000Z').getTime();
  const now = () => new Date(clock);
  const flags = new InMemoryBreakerFlags();
  flags.add('checkout', autoRecover, 'targeting before the trip');
  const store = new InMemoryBreakerStore();
  const notifier = new BreakerNotifier();
  const events: BreakerEvent[] = [];
  notifier.subscribe((event) => void events.push(event));
  const transitions = new BreakerTransitions(flags, store, notifier, now);
  const trips = new RecordTrips(flags, store, transitions, () => undefined, now);
  const advance = new AdvanceBreakers(store, transitions);
  const outcomes = new RecordGuardOutcomes(flags, store, { guarded: () => undefined });
  const tripped = () =>
    trips.execute('env-1', { id: 'i-1', appName: 'checkout', sdkVersion: '1', hostname: 'h' }, [
      {
        flag: 'checkout',
        at: now(),
        windowMs: 10_000,
        calls: 40,
        failures: 30,
        timeouts: 0,
        failureRatio: 0.75,
        probe: false,
      },
    ]);
  const probes = async (calls: number, failures: number) => {
    await outcomes.execute('env-1', [
      { flag: 'checkout', windowStart: now(), windowMs: 1000, calls, failures, timeouts: 0, probe: true },
    ]);
    await outcomes.flush();
  };
  const tick = (ms: number) => {
    clock += ms;
    return advance.execute(now());
  };
  const record = () => store.records.get('checkout');
  return { flags, store, events, tripped, probes, tick, record, transitions, pin: new PinBreaker(flags, store, now) };
}

describe('breaker recovery', () => {
  it('probes after the cool-down, and a healthy probe restores the exact pre-trip config', async () => {
    const { flags, events, tripped, probes, tick, record } = setup();
    await tripped();
    await tick(999);
    expect(record()?.state).toBe('open');
    await tick(1);
    expect(record()).toMatchObject({ state: 'probing', breakerVersion: 3 });
    expect(flags.latest('checkout').killed?.probe?.percent).toBe(20);
    await probes(50, 1);
    await tick(500);
    expect(flags.latest('checkout')).toEqual({ killed: null, label: 'targeting before the trip' });
    expect(flags.version('checkout')).toBe(4);
    expect(record()).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['breaker.tripped', 'breaker.probing', 'breaker.recovered']);
  });

  it('kills again after a failing probe and doubles the cool-down, up to the maximum', async () => {
    const { flags, tripped, probes, tick, record } = setup();
    await tripped();
    const coolDowns: number[] = [];
    for (let round = 0; round < 3; round++) {
      await tick(record()!.coolDownMs!);
      expect(record()?.state).toBe('probing');
      await probes(10, 6);
      await tick(500);
      expect(record()?.state).toBe('open');
      expect(flags.latest('checkout').killed?.probe).toBeUndefined();
      coolDowns.push(record()!.coolDownMs!);
    }
    expect(coolDowns).toEqual([2_000, 3_000, 3_000]);
    expect(record()?.preTripVersion).toBe(1);
  });

  it('watches another probe window when no probe call was reported', async () => {
    const { tripped, probes, tick, record, flags } = setup();
    await tripped();
    await tick(1_000);
    await tick(500);
    expect(record()?.state).toBe('probing');
    await probes(30, 0);
    await tick(500);
    expect(flags.latest('checkout').killed).toBeNull();
  });

  it('keeps the probe calls another node records while this one watches one more window', async () => {
    const { tripped, probes, tick, record, transitions } = setup();
    await tripped();
    await tick(1_000);
    const readBeforeTheProbes = { ...record()! };
    expect(readBeforeTheProbes).toMatchObject({ state: 'probing', probeCalls: 0 });
    await probes(30, 0);
    await transitions.judgeProbe(readBeforeTheProbes);
    expect(record()).toMatchObject({ state: 'probing', probeCalls: 30 });
  });

  it("lets go of a flag a person wrote since the breaker's last version", async () => {
    const { flags, tripped, tick, record } = setup();
    await tripped();
    flags.personWrites('checkout', null, 'restored by a person');
    await tick(1_000);
    expect(record()).toBeUndefined();
    expect(flags.latest('checkout')).toEqual({ killed: null, label: 'restored by a person' });
  });

  it('never probes a pinned flag, and a pin during a probe kills it for everyone', async () => {
    const { flags, tripped, tick, record, pin } = setup();
    await tripped();
    await tick(1_000);
    expect(record()?.state).toBe('probing');
    await pin.execute({ projectKey: 'shop', environmentKey: 'prod', flagKey: 'checkout' }, PERSON, 'vendor outage');
    expect(flags.latest('checkout').killed).toEqual({
      at: 'now',
      by: 'alice',
      reason: 'pinned killed, no auto-recovery: vendor outage',
    });
    for (let i = 0; i < 5; i++) await tick(10_000);
    expect(record()?.state).toBe('pinned');
    expect(flags.latest('checkout').killed?.by).toBe('alice');
  });

  it('forgets a pin once a person restored the flag: pinning the live flag later keeps no pre-trip version', async () => {
    const { flags, tripped, tick, record, pin } = setup();
    const keys = { projectKey: 'shop', environmentKey: 'prod', flagKey: 'checkout' };
    await tripped();
    const openedAt = record()!.openedAt;
    await pin.execute(keys, PERSON, 'vendor outage');
    expect(record()).toMatchObject({ state: 'pinned', preTripVersion: 1, openedAt });
    flags.personWrites('checkout', null, 'restored');
    await tick(60_000);
    await pin.execute(keys, PERSON, 'again');
    expect(flags.latest('checkout').killed?.reason).toBe('pinned killed, no auto-recovery: again');
    expect(record()).toMatchObject({
      state: 'pinned',
      preTripVersion: null,
      breakerVersion: flags.version('checkout'),
    });
    expect(record()!.openedAt.getTime()).toBe(openedAt.getTime() + 60_000);
    expect(record()!.lastTrip?.reason).toBe('75% of 40 calls failed in 10 s on checkout@h');
  });

  it('leaves a breaker-killed flag without autoRecover killed', async () => {
    const { flags, tripped, tick, record } = setup(null);
    await tripped();
    await tick(3_600_000);
    expect(record()).toMatchObject({ state: 'open', dueAt: null });
    expect(flags.version('checkout')).toBe(2);
  });
});
