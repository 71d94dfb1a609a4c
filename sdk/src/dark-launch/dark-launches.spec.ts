import type { EvaluationResult } from '@switchyard/evaluation';
import { FakeClock } from '../../test/fake-clock.js';
import { Guards } from '../guard/guards.js';
import type { DarkLaunchReport } from './dark-launch-types.js';
import { DarkLaunches } from './dark-launches.js';

const user = { key: 'user-1' };
let variant: string | undefined;
let errorCode: EvaluationResult['errorCode'];
let clock: FakeClock;
let errors: Error[];
let opened: number;
let trips: number;
let random: number;
let dark: DarkLaunches;
/** Milliseconds a call "takes" on the test's elapsed clock, besides 0.3 ms a reading. */
let extra: number;

/** Lets queued microtasks and settled promises run (the shadow path's own steps). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function report(): DarkLaunchReport {
  const reports = dark.take();
  expect(reports).toHaveLength(1);
  return reports[0]!;
}

beforeEach(() => {
  variant = 'shadow';
  errorCode = undefined;
  clock = new FakeClock();
  errors = [];
  opened = 0;
  trips = 0;
  random = 0.5;
  extra = 0;
  const evaluate = (): EvaluationResult => ({
    value: variant ?? '',
    variant,
    reason: variant ? 'DEFAULT' : 'ERROR',
    errorCode: variant ? undefined : (errorCode ?? 'FLAG_NOT_FOUND'),
    flagVersion: 1,
  });
  const guards = new Guards(
    { evaluate, settingsOf: () => undefined, trip: () => (trips += 1), error: (e) => errors.push(e) },
    clock,
  );
  let tick = 0;
  dark = new DarkLaunches(
    {
      evaluate,
      guard: (key, result, fn, fallback, timeoutMs) => guards.runServing(key, result, fn, fallback, timeoutMs),
      opened: () => (opened += 1),
      error: (e) => errors.push(e),
    },
    clock,
    () => (tick += 0.3) + extra,
    () => random,
  );
});

describe('darkLaunch off', () => {
  it('runs control only and counts the call', () => {
    variant = 'off';
    const calls: string[] = [];
    const value = dark.run('pricing', user, {
      control: () => (calls.push('control'), 1),
      candidate: () => (calls.push('candidate'), 2),
    });
    expect(value).toBe(1);
    expect(calls).toEqual(['control']);
    expect(report()).toMatchObject({ flag: 'pricing', modes: { off: 1, shadow: 0, live: 0 } });
    expect(opened).toBe(1);
  });

  it('runs control only, uncounted, when the flag is missing; says so once when it is not a dark-launch flag', () => {
    variant = undefined;
    const options = { control: () => 'control', candidate: () => 'candidate' };
    expect(dark.run('missing', user, options)).toBe('control');
    expect(errors).toEqual([]);
    variant = 'on';
    expect(dark.run('boolean-like', user, options)).toBe('control');
    expect(dark.run('boolean-like', user, options)).toBe('control');
    expect(errors.map((e) => e.message)).toEqual([
      'darkLaunch "boolean-like": served on: a dark-launch flag is a string flag with variants off, shadow, live',
    ]);
    expect(dark.take()).toEqual([]);
  });
});

describe('darkLaunch shadow', () => {
  it('returns control, then runs the candidate off the caller path and counts a match', async () => {
    const order: string[] = [];
    const value = dark.run('pricing', user, {
      control: () => (order.push('control'), { total: 3 }),
      candidate: () => (order.push('candidate'), { total: 3 }),
    });
    order.push('returned');
    expect(value).toEqual({ total: 3 });
    await settle();
    expect(order).toEqual(['control', 'returned', 'candidate']);
    expect(report()).toMatchObject({
      modes: { off: 0, shadow: 1, live: 0 },
      shadow: { compared: 1, matches: 1, mismatches: 0, ignored: 0, candidateErrors: 0, timeouts: 0, skipped: 0 },
      paths: [],
      samples: [],
    });
  });

  it('returns the very promise control returned, which settles while a candidate that never settles is pending', async () => {
    const order: string[] = [];
    let resolveControl!: (value: string) => void;
    const control = new Promise<string>((resolve) => (resolveControl = resolve));
    const returned = dark.run('pricing', user, {
      control: () => control,
      candidate: () => (order.push('candidate started'), new Promise<string>(() => undefined)),
    });
    expect(returned).toBe(control);
    await settle();
    resolveControl('control');
    expect(await returned).toBe('control');
    order.push('caller resolved');
    expect(order).toEqual(['candidate started', 'caller resolved']);
    expect(report().shadow).toMatchObject({ compared: 0, timeouts: 0 });
    clock.advance(10_000); // the default shadow timeout frees the slot and counts the timeout
    expect(report().shadow).toMatchObject({ compared: 0, timeouts: 1 });
    expect(clock.pending).toBe(0);
  });

  it('never shows the caller what the candidate throws or rejects with; counts candidate errors', async () => {
    const thrown = dark.run('pricing', user, {
      control: () => 'control',
      candidate: () => {
        throw new Error('candidate broke');
      },
    });
    const rejected = dark.run('pricing', user, {
      control: async () => 'control',
      candidate: async () => Promise.reject(new Error('candidate broke')),
    });
    expect(thrown).toBe('control');
    expect(await rejected).toBe('control');
    await settle();
    expect(report().shadow).toMatchObject({ compared: 0, candidateErrors: 2 });
  });

  it('passes what control throws to the caller, and runs no candidate then', async () => {
    let candidates = 0;
    expect(() =>
      dark.run('pricing', user, {
        control: () => {
          throw new Error('control broke');
        },
        candidate: () => (candidates += 1),
      }),
    ).toThrow('control broke');
    await settle();
    expect(candidates).toBe(0);
  });

  it('explains a mismatch: paths counted, a sample per mismatch (its first path) with the context key', async () => {
    const result = (price: number) => ({ total: 30, items: [{ price: 10 }, { price: 10 }, { price }], note: 'x' });
    for (let i = 0; i < 8; i++) {
      const candidate = { ...result(i === 3 ? 10 : i), note: i < 4 ? 'x' : 'y' };
      dark.run('pricing', { key: `user-${i}` }, { control: () => result(10), candidate: () => candidate });
    }
    await settle();
    const figures = report();
    expect(figures.shadow).toMatchObject({ compared: 8, matches: 1, mismatches: 7 });
    expect(figures.paths).toEqual([
      { path: '$.items[2].price', count: 7, noise: false },
      { path: '$.note', count: 4, noise: false },
    ]);
    expect(figures.samples).toEqual([
      { path: '$.items[2].price', contextKey: 'user-0', control: '10', candidate: '0' },
      { path: '$.items[2].price', contextKey: 'user-1', control: '10', candidate: '1' },
      { path: '$.items[2].price', contextKey: 'user-2', control: '10', candidate: '2' },
      { path: '$.items[2].price', contextKey: 'user-4', control: '10', candidate: '4' },
      { path: '$.items[2].price', contextKey: 'user-5', control: '10', candidate: '5' },
    ]);
  });

  it('truncates sampled values to 200 characters', async () => {
    dark.run('pricing', user, { control: () => ({ note: 'x' }), candidate: () => ({ note: 'y'.repeat(300) }) });
    await settle();
    expect(report().samples).toEqual([
      { path: '$.note', contextKey: 'user-1', control: '"x"', candidate: `"${'y'.repeat(199)}` },
    ]);
  });

  it('cleans before comparing, compares with compare, and counts what ignore drops as ignored', async () => {
    const base = { id: 1, at: 'now', total: 3 };
    const run = (candidate: object, extra: object = {}) =>
      dark.run('pricing', user, {
        control: () => base,
        candidate: () => candidate,
        clean: ({ at: _at, ...rest }: Record<string, unknown>) => rest,
        ...extra,
      });
    run({ ...base, at: 'later' }); // only the cleaned field differs: a match
    run({ ...base, total: 4 }, { ignore: (a: { total: number }, b: { total: number }) => b.total - a.total === 1 });
    run({ ...base, total: 9 }, { compare: () => true });
    await settle();
    expect(report().shadow).toMatchObject({ compared: 3, matches: 2, mismatches: 0, ignored: 1 });
  });

  it('counts a compare, clean or ignore that throws as a candidate error, never reaching the caller', async () => {
    const boom = () => {
      throw new Error('hostile');
    };
    const options = { control: () => 1, candidate: () => 2 };
    expect(dark.run('pricing', user, { ...options, compare: boom })).toBe(1);
    expect(dark.run('pricing', user, { ...options, clean: boom })).toBe(1);
    expect(dark.run('pricing', user, { ...options, ignore: boom })).toBe(1);
    await settle();
    expect(report().shadow).toMatchObject({ compared: 0, candidateErrors: 3 });
  });

  it('skips and counts shadow runs beyond maxConcurrentShadows, serving control; a timeout frees the slots', async () => {
    let started = 0;
    const options = {
      control: () => 'control',
      candidate: () => ((started += 1), new Promise(() => undefined)),
      maxConcurrentShadows: 3,
      timeoutMs: 50,
    };
    for (let i = 0; i < 5; i++) expect(dark.run('pricing', user, options)).toBe('control');
    await settle();
    expect(started).toBe(3);
    expect(report().shadow).toMatchObject({ skipped: 2, timeouts: 0 });
    clock.advance(50);
    expect(report().shadow).toMatchObject({ skipped: 0, timeouts: 3 });
    dark.run('pricing', user, options);
    await settle();
    expect(started).toBe(4);
  });

  it('counts a sync candidate slower than timeoutMs as a timeout, not compared', async () => {
    const run = (ms: number) =>
      dark.run('pricing', user, { control: () => 1, candidate: () => ((extra += ms), 1), timeoutMs: 2 });
    run(1);
    await settle();
    expect(report().shadow).toMatchObject({ compared: 1, matches: 1, timeouts: 0 });
    run(5);
    await settle();
    expect(report().shadow).toMatchObject({ compared: 0, matches: 0, timeouts: 1 });
  });

  it('marks paths that differ between two runs of control as noise, on the noise sample', async () => {
    let n = 0;
    const control = () => ({ requestId: (n += 1), total: 3 });
    random = 0.01;
    dark.run('pricing', user, { control, candidate: () => ({ requestId: 0, total: 4 }), noiseSample: 0.05 });
    await settle();
    expect(n).toBe(2);
    expect(report().paths).toEqual([
      { path: '$.requestId', count: 2, noise: true },
      { path: '$.total', count: 1, noise: false },
    ]);
    random = 0.5; // outside the sample: control runs once
    dark.run('pricing', user, { control, candidate: () => ({ requestId: 0, total: 4 }), noiseSample: 0.05 });
    await settle();
    expect(n).toBe(3);
  });

  it('records control and candidate durations in their histograms', async () => {
    dark.run('pricing', user, { control: () => 1, candidate: () => 1 });
    await settle();
    const figures = report();
    expect(figures.controlMs.reduce((a, b) => a + b)).toBe(1);
    expect(figures.candidateMs.reduce((a, b) => a + b)).toBe(1);
    expect(figures.controlMs[3]).toBe(1); // 0.3 ms: the (0.2, 0.5] bucket
  });

  it('keeps at most 50 paths and 5 samples per window, whatever the traffic', async () => {
    for (let i = 0; i < 100; i++) {
      const options = {
        control: () => ({ [`f${i}`]: 1 }),
        candidate: () => ({ [`f${i}`]: 2 }),
        maxConcurrentShadows: 1000,
      };
      dark.run('pricing', { key: `u${i}` }, options);
    }
    await settle();
    const figures = report();
    expect(figures.shadow.mismatches).toBe(100);
    expect(figures.paths).toHaveLength(50);
    expect(figures.samples).toHaveLength(5);
  });
});

describe('darkLaunch live', () => {
  it('serves the candidate, and control when the candidate fails (a live failure)', async () => {
    variant = 'live';
    let failing = false;
    const options = {
      control: () => 'control',
      candidate: () => {
        if (failing) throw new Error('down');
        return 'candidate';
      },
    };
    expect(dark.run('pricing', user, options)).toBe('candidate');
    failing = true;
    expect(dark.run('pricing', user, options)).toBe('control');
    expect(await dark.run('pricing', user, { control: async () => 'c', candidate: async () => 'n' })).toBe('n');
    expect(report()).toMatchObject({ modes: { live: 3 }, live: { calls: 3, failures: 1 } });
  });

  it('trips the flag breaker like any guard: then control without calling the candidate', () => {
    variant = 'live';
    let candidates = 0;
    const options = {
      control: () => 'control',
      candidate: () => {
        candidates += 1;
        throw new Error('down');
      },
    };
    for (let i = 0; i < 20; i++) expect(dark.run('pricing', user, options)).toBe('control');
    expect(trips).toBe(1);
    expect(dark.run('pricing', user, options)).toBe('control');
    expect(candidates).toBe(20);
    expect(report().live).toEqual({ calls: 20, failures: 20 });
  });
});

describe('darkLaunch options', () => {
  it('tells onError once about bad options and serves control; without a control, returns undefined', () => {
    expect(dark.run('pricing', user, { control: () => 1, candidate: 'nope' })).toBe(1);
    expect(dark.run('pricing', user, { control: () => 1, candidate: 'nope' })).toBe(1);
    expect(dark.run('pricing', user, { control: () => 1, candidate: () => 2, timeoutMs: 0 })).toBe(1);
    expect(dark.run('pricing', user, { control: () => 1, candidate: () => 2, noiseSample: 2 })).toBe(1);
    expect(dark.run('pricing', user, { control: () => 1, candidate: () => 2, maxConcurrentShadows: 1.5 })).toBe(1);
    expect(dark.run('pricing', user, null)).toBeUndefined();
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('no');
        },
      },
    );
    expect(dark.run('pricing', user, hostile)).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual([
      'darkLaunch "pricing": candidate must be a function',
      'darkLaunch "pricing": timeoutMs must be a number of ms from 1 to 600000',
      'darkLaunch "pricing": noiseSample must be a number from 0 to 1',
      'darkLaunch "pricing": maxConcurrentShadows must be an integer from 1 to 10000',
      'darkLaunch "pricing": options must be an object with control and candidate functions',
      'darkLaunch "pricing": options could not be read',
    ]);
    expect(dark.take()).toEqual([]);
  });
});
