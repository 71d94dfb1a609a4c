import { compileSnapshot, type CompiledSnapshot, type Flag, type JsonValue } from '@switchyard/evaluation';
import { booleanFlag, snapshotOf } from '../../test/fake-flag-service.js';
import { FakeClock } from '../../test/fake-clock.js';
import { Faults, NO_FAULT } from './faults.js';
import { InjectedFault } from './injected-fault.js';

const own = { instanceId: 'i-1', hostname: 'host-3', app: 'checkout' };

/** A fault flag serving `serve` to everyone (on), or targeting by `rules`. */
function faultFlag(serve: string, extra: Partial<Flag> = {}, variants: Record<string, JsonValue> = {}): Flag {
  return {
    key: 'db-faults',
    type: 'json',
    version: 1,
    on: true,
    offVariant: 'none',
    rules: [],
    variants: {
      none: {},
      slow: { latencyMs: 2000 },
      jittery: { latencyMs: 1000, jitterMs: 500 },
      down: { errorRate: 1, errorMessage: 'db down' },
      never: { errorRate: 0 },
      'slow-down': { latencyMs: 300, errorRate: 1 },
      huge: { latencyMs: 40_000 },
      ...variants,
    },
    fallthrough: { variant: serve },
    ...extra,
  };
}

function setup(flag: Flag | undefined, options: { maxLatencyMs?: number; random?: () => number } = {}) {
  const clock = new FakeClock();
  const errors: Error[] = [];
  const evaluated: unknown[] = [];
  let snapshot: CompiledSnapshot = compileSnapshot(snapshotOf(1, ...(flag ? [flag] : []), booleanFlag('plain', true)));
  const faults = new Faults(
    {
      flag: (key) => snapshot.flag(key),
      evaluate: (key, context) => {
        evaluated.push({ ...context });
        return snapshot.evaluate(key, context, null, 'json');
      },
      error: (error) => errors.push(error),
    },
    own,
    options.maxLatencyMs ?? 30_000,
    clock,
    options.random ?? (() => 0.5),
  );
  const deliver = (changed: Flag) =>
    (snapshot = snapshot.applyPatch({ version: snapshot.version + 1, flags: { [changed.key]: changed } }));
  return { clock, errors, evaluated, faults, deliver };
}

/** Whether a promise has settled: 'resolved', 'rejected' or 'pending', after the microtasks ran. */
async function stateOf(promise: Promise<unknown>): Promise<string> {
  let state = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return state;
}

describe('fault: nothing injected', () => {
  it('returns the one shared resolved promise when the flag serves none', () => {
    const { faults } = setup(faultFlag('none'));
    expect(faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
    expect(faults.fault('db-faults', { key: 'b' })).toBe(NO_FAULT);
  });

  it('injects nothing while the flag is off or killed, whatever the off variant is', async () => {
    const { faults, clock } = setup(faultFlag('down', { on: false, offVariant: 'down' }));
    expect(faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
    const killed = setup(faultFlag('down', { killed: { at: '2026-12-02T04:00:00Z', by: 'ops' }, offVariant: 'slow' }));
    expect(killed.faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
    const probing = setup(
      faultFlag('down', { killed: { at: '2026-12-02T04:00:00Z', by: 'x', probe: { percent: 100, since: 'now' } } }),
    );
    expect(probing.faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
    expect(clock.pending).toBe(0);
  });

  it('injects nothing for an unknown flag or a flag that is not a fault flag, counting and telling the latter once', () => {
    const { faults, errors } = setup(faultFlag('down', {}, { broken: { latencyMs: -1 } }));
    expect(faults.fault('missing', { key: 'a' })).toBe(NO_FAULT);
    expect(faults.fault('plain', { key: 'a' })).toBe(NO_FAULT);
    expect(faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
    expect(faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
    expect(faults.stats()).toMatchObject({ invalid: 3, failed: 0 });
    expect(errors.map((error) => error.message)).toEqual([
      'fault plain: not a fault flag (json, variants fault specs with none: {}): nothing injected',
      'fault db-faults: not a fault flag (json, variants fault specs with none: {}): nothing injected',
    ]);
  });

  it('injects nothing for errorRate 0, and never throws on a hostile context', async () => {
    const { faults } = setup(faultFlag('never'));
    for (let i = 0; i < 100; i++) expect(faults.fault('db-faults', { key: `u-${i}` })).toBe(NO_FAULT);
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(setup(faultFlag('down')).faults.fault('db-faults', hostile as never)).toBe(NO_FAULT);
  });
});

describe('fault: injected', () => {
  it('rejects every call with errorRate 1, with an InjectedFault naming the flag and variant', async () => {
    const { faults } = setup(faultFlag('down'), { random: () => 0.999_999 });
    const error = await faults.fault('db-faults', { key: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InjectedFault);
    expect(error).toMatchObject({ name: 'InjectedFault', message: 'db down', flag: 'db-faults', variant: 'down' });
    expect(faults.stats()).toMatchObject({ failed: 1, delayed: 0 });
  });

  it('fails the share of calls errorRate says, as the random draw decides', async () => {
    const draws = [0.1, 0.6, 0.3, 0.9];
    const { faults } = setup(faultFlag('half', {}, { half: { errorRate: 0.5 } }), { random: () => draws.shift()! });
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map(() =>
        faults.fault('db-faults', { key: 'a' }).then(
          () => 'ok',
          (e: Error) => e.message,
        ),
      ),
    );
    expect(outcomes).toEqual([
      'fault injected by switchyard (db-faults: half)',
      'ok',
      'fault injected by switchyard (db-faults: half)',
      'ok',
    ]);
  });

  it('waits latencyMs, then resolves', async () => {
    const { faults, clock } = setup(faultFlag('slow'));
    const waiting = faults.fault('db-faults', { key: 'a' });
    clock.advance(1999);
    expect(await stateOf(waiting)).toBe('pending');
    clock.advance(1);
    expect(await stateOf(waiting)).toBe('resolved');
    expect(faults.stats()).toMatchObject({ delayed: 1, failed: 0 });
  });

  it('spreads the wait uniformly over latencyMs ± jitterMs', async () => {
    for (const [draw, expected] of [
      [0, 500],
      [0.5, 1000],
      [0.999, 1499],
    ] as const) {
      const { faults, clock } = setup(faultFlag('jittery'), { random: () => draw });
      const waiting = faults.fault('db-faults', { key: 'a' });
      clock.advance(expected - 1);
      expect(await stateOf(waiting)).toBe('pending');
      clock.advance(1);
      expect(await stateOf(waiting)).toBe('resolved');
    }
  });

  it('waits, then rejects when the spec has both', async () => {
    const { faults, clock } = setup(faultFlag('slow-down'));
    const waiting = faults.fault('db-faults', { key: 'a' });
    clock.advance(299);
    expect(await stateOf(waiting)).toBe('pending');
    clock.advance(1);
    expect(await stateOf(waiting)).toBe('rejected');
  });

  it('refuses a wait above maxLatencyMs whole (no wait, no error), counted and told once', () => {
    const { faults, errors, clock } = setup(faultFlag('huge'));
    expect(faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
    expect(faults.fault('db-faults', { key: 'b' })).toBe(NO_FAULT);
    expect(clock.pending).toBe(0);
    expect(faults.stats()).toMatchObject({ refused: 2, delayed: 0 });
    expect(errors.map((error) => error.message)).toEqual([
      'fault db-faults: variant huge waits up to 40000 ms, above maxFaultLatencyMs (30000): refused, nothing injected',
    ]);
    const jitterOver = setup(faultFlag('edge', {}, { edge: { latencyMs: 1000, jitterMs: 1 } }), { maxLatencyMs: 1000 });
    expect(jitterOver.faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
    const atCap = setup(faultFlag('edge', {}, { edge: { latencyMs: 1000 } }), { maxLatencyMs: 1000 });
    expect(atCap.faults.fault('db-faults', { key: 'a' })).not.toBe(NO_FAULT);
  });

  it('stops injecting as soon as a new snapshot turns the flag off', async () => {
    const { faults, deliver } = setup(faultFlag('down'));
    await expect(faults.fault('db-faults', { key: 'a' })).rejects.toBeInstanceOf(InjectedFault);
    deliver(faultFlag('down', { on: false, version: 2 }));
    expect(faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
  });

  it('ends pending waits at close, resolved, with no timer left', async () => {
    const { faults, clock } = setup(faultFlag('slow-down'));
    const waiting = faults.fault('db-faults', { key: 'a' });
    faults.close();
    expect(clock.pending).toBe(0);
    expect(await stateOf(waiting)).toBe('resolved');
  });
});

describe('fault: targeting', () => {
  const byInstance = (instance: string) =>
    faultFlag('none', {
      rules: [
        {
          id: 'one',
          conditions: [{ attribute: 'instanceId', operator: 'in', values: [instance] }],
          serve: { variant: 'down' },
        },
      ],
    });

  it('evaluates with the client instanceId, hostname and app under the caller context, key defaulting to the instance', async () => {
    const { faults, evaluated } = setup(byInstance('i-1'));
    await faults.fault('db-faults', { key: 'user-9', region: 'eu' }).catch(() => undefined);
    await faults.fault('db-faults').catch(() => undefined);
    expect(evaluated).toEqual([
      { key: 'user-9', instanceId: 'i-1', hostname: 'host-3', app: 'checkout', region: 'eu' },
      { key: 'i-1', instanceId: 'i-1', hostname: 'host-3', app: 'checkout' },
    ]);
  });

  it('affects only the targeted instance; the caller may override its attributes', async () => {
    expect(setup(byInstance('i-2')).faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
    await expect(setup(byInstance('i-1')).faults.fault('db-faults', { key: 'a' })).rejects.toBeInstanceOf(
      InjectedFault,
    );
    expect(setup(byInstance('i-1')).faults.fault('db-faults', { key: 'a', instanceId: 'other' })).toBe(NO_FAULT);
  });

  it('forgets the attributes of the previous call (one object reused)', async () => {
    const flag = faultFlag('none', {
      rules: [
        { id: 'eu', conditions: [{ attribute: 'region', operator: 'in', values: ['eu'] }], serve: { variant: 'down' } },
      ],
    });
    const { faults } = setup(flag);
    await expect(faults.fault('db-faults', { key: 'a', region: 'eu' })).rejects.toBeInstanceOf(InjectedFault);
    expect(faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
  });
});

describe('fault: a hostile caller', () => {
  it('never throws: a key that is not a string, a context whose getter throws, and works normally after', async () => {
    const flag = faultFlag('none', {
      rules: [
        { id: 'eu', conditions: [{ attribute: 'region', operator: 'in', values: ['eu'] }], serve: { variant: 'down' } },
      ],
    });
    const { faults } = setup(flag);
    expect(faults.fault(42 as never, { key: 'a' })).toBe(NO_FAULT);
    const throwing = Object.defineProperty({ key: 'a' }, 'region', {
      enumerable: true,
      get: () => {
        throw new Error('hostile getter');
      },
    });
    expect(faults.fault('db-faults', throwing as never)).toBe(NO_FAULT);
    expect(faults.before('db-faults', throwing, () => 'ran')).toBe('ran');
    await expect(faults.fault('db-faults', { key: 'a', region: 'eu' })).rejects.toBeInstanceOf(InjectedFault);
    expect(faults.fault('db-faults', { key: 'a' })).toBe(NO_FAULT);
  });
});

describe('before (guard and dark-launch paths)', () => {
  it('calls fn at once when nothing is injected, and returns what it returns', () => {
    const { faults } = setup(faultFlag('none'));
    expect(faults.before('db-faults', { key: 'a' }, () => 42)).toBe(42);
  });

  it('throws the injected error before fn when there is no wait (fn not called)', () => {
    const { faults } = setup(faultFlag('down'));
    let calls = 0;
    expect(() => faults.before('db-faults', { key: 'a' }, () => ++calls)).toThrow(InjectedFault);
    expect(calls).toBe(0);
  });

  it('waits, then calls fn and resolves with its value', async () => {
    const { faults, clock } = setup(faultFlag('slow'));
    let calls = 0;
    const result = faults.before('db-faults', { key: 'a' }, async () => ++calls * 42) as Promise<number>;
    expect(calls).toBe(0);
    clock.advance(2000);
    expect(await result).toBe(42);
  });
});
