import { compileSnapshot, type CompiledSnapshot, type Flag } from '@switchyard/evaluation';
import { booleanFlag, snapshotOf } from '../../test/fake-flag-service.js';
import { FakeClock } from '../../test/fake-clock.js';
import type { TripFigures } from './flag-breaker.js';
import type { GuardCause } from './guard-types.js';
import { Guards } from './guards.js';

const user = { key: 'user-1' };
const boom = new Error('dependency down');

function setup(...flags: Flag[]) {
  const clock = new FakeClock();
  const trips: TripFigures[] = [];
  const errors: Error[] = [];
  let snapshot: CompiledSnapshot = compileSnapshot(snapshotOf(1, booleanFlag('checkout', true), ...flags));
  const guards = new Guards(
    {
      evaluate: (key, context, type) => snapshot.evaluate(key, context, false, type),
      settingsOf: (key) => snapshot.flag(key)?.breaker,
      trip: (trip) => trips.push(trip),
      error: (error) => errors.push(error),
    },
    clock,
    3,
  );
  const deliver = (...changed: Flag[]) =>
    (snapshot = snapshot.applyPatch({
      version: snapshot.version + 1,
      flags: Object.fromEntries(changed.map((f) => [f.key, f])),
    }));
  const run = (
    fn: () => unknown,
    fallback: (cause: GuardCause) => unknown = () => 'fallback',
    options?: unknown,
    key = 'checkout',
  ) => guards.run(key, user, fn, fallback, options);
  return { clock, trips, errors, guards, deliver, run };
}

const fail = () => {
  throw boom;
};

describe('guard, sync', () => {
  it("runs fn while the flag serves true and returns fn's value, else the fallback's, with the cause", () => {
    const { run, deliver } = setup();
    expect(run(() => 'fn')).toBe('fn');
    deliver(booleanFlag('checkout', false, 2));
    const causes: GuardCause[] = [];
    expect(
      run(
        () => 'fn',
        (cause) => (causes.push(cause), 'fallback'),
      ),
    ).toBe('fallback');
    expect(run(() => 'fn', undefined, undefined, 'no-such-flag')).toBe('fallback');
    expect(causes).toEqual([{ kind: 'off' }]);
  });

  it('takes options.variant as the on-variant of a non-boolean flag', () => {
    const plan: Flag = { ...booleanFlag('plan', true), type: 'string', variants: { on: 'new', off: 'old' } };
    const { run } = setup(plan);
    expect(run(() => 'fn', undefined, { variant: 'on' }, 'plan')).toBe('fn');
    expect(run(() => 'fn', undefined, { variant: 'off' }, 'plan')).toBe('fallback');
    expect(run(() => 'fn', undefined, undefined, 'plan')).toBe('fallback');
  });

  it('serves the fallback when fn throws, handing it what was thrown', () => {
    const { run } = setup();
    expect(run(fail, (cause) => cause)).toEqual({ kind: 'thrown', error: boom });
  });

  it('serves the fallback when isFailure refuses the value (or throws), and counts both as failures', () => {
    const { run, guards, clock } = setup();
    const isFailure = (value: { status: number }) => value.status >= 500;
    expect(
      run(
        () => ({ status: 503 }),
        (cause) => cause,
        { isFailure },
      ),
    ).toEqual({
      kind: 'failed',
      result: { status: 503 },
    });
    expect(run(() => ({ status: 200 }), undefined, { isFailure })).toEqual({ status: 200 });
    expect(run(() => 1, undefined, { isFailure: fail })).toBe('fallback');
    clock.advance(1_000);
    expect(guards.take()).toEqual([
      expect.objectContaining({ flag: 'checkout', calls: 3, failures: 2, timeouts: 0, probe: false }),
    ]);
  });

  it("returns a slow sync fn's value but counts it as timed out (it cannot be interrupted)", () => {
    const { run, guards, clock } = setup();
    expect(run(() => (clock.advance(101), 'slow'), undefined, { timeoutMs: 100 })).toBe('slow');
    expect(run(() => (clock.advance(100), 'in time'), undefined, { timeoutMs: 100 })).toBe('in time');
    clock.advance(1_000);
    expect(guards.take()).toEqual([expect.objectContaining({ calls: 2, failures: 1, timeouts: 1 })]);
  });

  it("passes the fallback's own exception through untouched, whatever it is", () => {
    const { run, deliver } = setup();
    const own = Object.create(null);
    const thrownBy = (call: () => unknown): unknown => {
      try {
        call();
      } catch (error) {
        return error;
      }
      return 'nothing thrown';
    };
    const throwOwn = () => {
      throw own;
    };
    expect(thrownBy(() => run(fail, throwOwn))).toBe(own);
    deliver(booleanFlag('checkout', false, 2));
    expect(thrownBy(() => run(() => 'fn', throwOwn))).toBe(own);
  });
});

describe('guard, the breaker', () => {
  it('opens on the failure that brings the window to 20 calls with 50% failed, and reports the trip once', () => {
    const { run, trips, clock } = setup();
    for (let i = 0; i < 10; i++) run(() => 'ok');
    for (let i = 0; i < 9; i++) run(fail);
    expect(trips).toEqual([]);
    clock.advance(2_500);
    run(fail);
    expect(trips).toEqual([
      {
        flag: 'checkout',
        at: clock.now(),
        windowMs: 10_000,
        calls: 20,
        failures: 10,
        timeouts: 0,
        failureRatio: 0.5,
        probe: false,
      },
    ]);
    let called = false;
    expect(
      run(
        () => (called = true),
        (cause) => cause,
      ),
    ).toEqual({ kind: 'open' });
    expect(called).toBe(false);
    clock.advance(60_000);
    expect(run(() => 'fn')).toBe('fallback');
    expect(trips).toHaveLength(1);
  });

  it('never trips below the minimum number of calls, nor below the ratio', () => {
    const { run, trips } = setup();
    for (let i = 0; i < 19; i++) run(fail);
    expect(trips).toEqual([]);
    const second = setup();
    for (let i = 0; i < 11; i++) second.run(() => 'ok');
    for (let i = 0; i < 10; i++) second.run(fail);
    expect(second.trips).toEqual([]);
  });

  it('forgets failures older than the window', () => {
    const { run, trips, clock } = setup();
    for (let i = 0; i < 19; i++) run(fail);
    clock.advance(10_000);
    run(fail);
    expect(trips).toEqual([]);
  });

  it("uses the flag's breaker settings; its timeoutMs wins over the call's", () => {
    const tuned = {
      ...booleanFlag('checkout', true, 2),
      breaker: { minimumCalls: 4, failureRatio: 0.75, timeoutMs: 50 },
    };
    const { run, trips, deliver, clock } = setup();
    deliver(tuned);
    run(() => 'ok');
    run(fail);
    run(fail);
    expect(trips).toEqual([]);
    run(() => (clock.advance(51), 'slow'), undefined, { timeoutMs: 10_000 });
    expect(trips).toEqual([expect.objectContaining({ calls: 4, failures: 3, timeouts: 1, failureRatio: 0.75 })]);
  });

  it('falls back to the defaults for settings that fail the engine check', () => {
    const odd = { ...booleanFlag('checkout', true, 2), breaker: { minimumCalls: -3, windowMs: 1_234 } };
    const { run, trips, deliver } = setup();
    deliver(odd as Flag);
    for (let i = 0; i < 19; i++) run(fail);
    expect(trips).toEqual([]);
    run(fail);
    expect(trips).toEqual([expect.objectContaining({ calls: 20, windowMs: 10_000 })]);
  });

  it('closes when a later version of the flag serves on again (restored), with an empty window', () => {
    const { run, trips, deliver } = setup();
    for (let i = 0; i < 20; i++) run(fail);
    deliver({ ...booleanFlag('checkout', true, 2), killed: { at: 'now', by: 'breaker' } });
    expect(
      run(
        () => 'fn',
        (cause) => cause,
      ),
    ).toEqual({ kind: 'off' });
    deliver(booleanFlag('checkout', true, 3));
    expect(run(() => 'fn')).toBe('fn');
    for (let i = 0; i < 18; i++) run(fail);
    expect(trips).toHaveLength(1);
  });

  it('lets probes through while the flag is killed with a probe, counts them apart, and trips on them', () => {
    const { run, trips, deliver, guards, clock } = setup();
    for (let i = 0; i < 20; i++) run(fail);
    clock.advance(1_000);
    expect(guards.take()).toEqual([expect.objectContaining({ calls: 20, failures: 20, probe: false })]);
    const probing = {
      ...booleanFlag('checkout', true, 3),
      killed: { at: 'then', by: 'breaker', probe: { percent: 100, since: 'now' } },
    };
    deliver(probing);
    expect(run(() => 'probe ran')).toBe('probe ran');
    clock.advance(1_000);
    expect(guards.take()).toEqual([expect.objectContaining({ calls: 1, failures: 0, probe: true })]);
    for (let i = 0; i < 20; i++) run(fail);
    expect(trips).toEqual([
      expect.objectContaining({ probe: false }),
      expect.objectContaining({ calls: 20, failures: 19, probe: true }),
    ]);
  });

  it('serves the fallback to the contexts a probing flag keeps killed, without calling fn', () => {
    const { run, deliver } = setup();
    deliver({
      ...booleanFlag('checkout', true, 2),
      killed: { at: 'x', by: 'breaker', probe: { percent: 0, since: 'x' } },
    });
    let called = false;
    expect(
      run(
        () => (called = true),
        (cause) => cause,
      ),
    ).toEqual({ kind: 'off' });
    expect(called).toBe(false);
  });

  it('reports closed buckets per flag, from the first bucket start to the last bucket end', () => {
    const { run, guards, clock } = setup(booleanFlag('search', true));
    const start = clock.now();
    run(() => 'ok');
    clock.advance(1_000);
    run(fail);
    run(() => 'ok', undefined, undefined, 'search');
    expect(guards.take()).toEqual([
      { flag: 'checkout', windowStart: start, windowMs: 1_000, calls: 1, failures: 0, timeouts: 0, probe: false },
    ]);
    clock.advance(3_000);
    expect(guards.take()).toEqual([
      {
        flag: 'checkout',
        windowStart: start + 1_000,
        windowMs: 1_000,
        calls: 1,
        failures: 1,
        timeouts: 0,
        probe: false,
      },
      { flag: 'search', windowStart: start + 1_000, windowMs: 1_000, calls: 1, failures: 0, timeouts: 0, probe: false },
    ]);
    expect(guards.take()).toEqual([]);
  });

  it('counts at most maxFlags flags; beyond them guards still run, uncounted, and say so once', () => {
    const flags = ['a', 'b', 'c', 'd', 'e'].map((key) => booleanFlag(key, true));
    const { run, guards, errors, clock } = setup(...flags);
    for (const flag of flags)
      for (let i = 0; i < 25; i++) expect(run(fail, () => 'fb', undefined, flag.key)).toBe('fb');
    clock.advance(1_000);
    expect(new Set(guards.take().map((figures) => figures.flag))).toEqual(new Set(['a', 'b', 'c']));
    expect(errors.map((error) => error.message)).toEqual([
      'guard: more than 3 guarded flags; d and later ones run uncounted',
    ]);
  });
});

describe('guard, async', () => {
  it("resolves with fn's value, or the fallback's when fn rejects", async () => {
    const { run } = setup();
    await expect(run(async () => 'fn')).resolves.toBe('fn');
    await expect(
      run(
        () => Promise.reject(boom),
        async (cause) => cause,
      ),
    ).resolves.toEqual({ kind: 'thrown', error: boom });
  });

  it('rejects with exactly what an async fallback rejects with, or a sync one throws', async () => {
    const { run } = setup();
    const own = Object.create(null);
    await expect(
      run(
        () => Promise.reject(boom),
        () => Promise.reject(own),
      ),
    ).rejects.toBe(own);
    await expect(
      run(
        () => Promise.reject(boom),
        () => {
          throw own;
        },
      ),
    ).rejects.toBe(own);
  });

  it('counts a refused resolved value as failed and serves the fallback', async () => {
    const { run, guards, clock } = setup();
    await expect(
      run(
        async () => 503,
        async () => 'fb',
        { isFailure: (status: number) => status >= 500 },
      ),
    ).resolves.toBe('fb');
    clock.advance(1_000);
    expect(guards.take()).toEqual([expect.objectContaining({ calls: 1, failures: 1 })]);
  });

  it('abandons fn at the timeout: the fallback is served, a later value ignored, a later rejection swallowed', async () => {
    const { run, guards, clock } = setup();
    let resolveLate!: (value: string) => void;
    let rejectLate!: (error: Error) => void;
    const late = run(
      () => new Promise<string>((resolve) => (resolveLate = resolve)),
      async (cause) => cause,
      { timeoutMs: 200 },
    );
    const rejected = run(
      () => new Promise<string>((_, reject) => (rejectLate = reject)),
      async () => 'fb',
      { timeoutMs: 200 },
    );
    clock.advance(199);
    expect(clock.pending).toBe(2);
    clock.advance(1);
    await expect(late).resolves.toEqual({ kind: 'timeout', timeoutMs: 200 });
    await expect(rejected).resolves.toBe('fb');
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    resolveLate('too late');
    rejectLate(boom);
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', listener);
    expect(unhandled).toEqual([]);
    clock.advance(1_000);
    expect(guards.take()).toEqual([expect.objectContaining({ calls: 2, failures: 2, timeouts: 2 })]);
  });

  it('clears the timer when fn settles in time', async () => {
    const { run, clock } = setup();
    await expect(run(async () => 'fast', undefined, { timeoutMs: 200 })).resolves.toBe('fast');
    expect(clock.pending).toBe(0);
  });

  it('trips on async failures like on sync ones', async () => {
    const { run, trips } = setup();
    for (let i = 0; i < 20; i++)
      await run(
        () => Promise.reject(boom),
        async () => 'fb',
      );
    expect(trips).toEqual([expect.objectContaining({ calls: 20, failures: 20 })]);
  });

  it('treats any thenable as async and a value whose then cannot be read as sync', async () => {
    const { run } = setup();
    const thenable = { then: (resolve: (value: string) => void) => resolve('thenable') };
    await expect(run(() => thenable)).resolves.toBe('thenable');
    const odd = Object.defineProperty({}, 'then', { get: fail });
    expect(run(() => odd)).toBe(odd);
  });
});
