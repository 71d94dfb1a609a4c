import type { Flag } from '@switchyard/evaluation';
import { FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { FakeClock } from '../../test/fake-clock.js';
import { DURATION_BUCKETS_MS } from '../dark-launch/dark-launch-types.js';
import { FlagStore } from '../store/flag-store.js';
import { resolveOptions, type ClientOptions } from './client-options.js';
import { Client } from './switchyard-client.js';

/** A dark-launch flag serving `variant` to everyone (test fixture). */
function darkLaunchFlag(key: string, variant: 'off' | 'shadow' | 'live', version = 1): Flag {
  return {
    key,
    type: 'string',
    version,
    on: true,
    offVariant: 'off',
    rules: [],
    variants: { off: 'off', shadow: 'shadow', live: 'live' },
    fallthrough: { variant },
  };
}

let service: FakeFlagService;
let client: Client | undefined;
const clock = new FakeClock();
const errors: Error[] = [];
let errorSeen = () => {};

function start(options: Partial<ClientOptions> = {}): Promise<unknown> {
  client = new Client(
    resolveOptions(
      {
        sdkKey: 'sdk_test',
        baseUrl: service.url,
        appName: 'checkout',
        instanceId: 'i-1',
        hostname: 'host-3',
        flushIntervalMs: 3_600_000,
        ackFlushDelayMs: 3_600_000,
        darkLaunchFlushIntervalMs: 50,
        initialRetryDelayMs: 10,
        onError: (error) => (errors.push(error), errorSeen()),
        ...options,
      },
      () => 'unused',
    ),
    new FlagStore(),
    clock,
  );
  return client.waitUntilReady({ timeoutMs: 5_000 });
}

const reports = () => service.events.flatMap((body) => (body['darkLaunches'] as Array<Record<string, any>>) ?? []);

beforeEach(async () => {
  errors.length = 0;
  service = await new FakeFlagService(snapshotOf(1, darkLaunchFlag('pricing', 'shadow'))).start();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await service.stop();
});

describe('dark-launch reports', () => {
  it('posts one report per flag within the dark-launch flush interval of the first call, in the shared shape', async () => {
    await start();
    const total = (key: string) => ({ total: key === 'user-2' ? 31 : 30, currency: 'EUR' });
    // Calls and their shadow runs (microtasks) all finish before the flush timer can fire: one window.
    for (const key of ['user-1', 'user-2', 'user-3']) {
      const value = client!.darkLaunch(
        'pricing',
        { key },
        { control: () => total('user-1'), candidate: () => total(key) },
      );
      expect(value).toEqual({ total: 30, currency: 'EUR' });
    }
    await service.until(() => reports().length === 1);
    const [report] = reports();
    expect(report).toEqual({
      flag: 'pricing',
      windowStart: new Date(clock.now()).toISOString(),
      windowMs: 1,
      modes: { off: 0, shadow: 3, live: 0 },
      shadow: { compared: 3, matches: 2, mismatches: 1, ignored: 0, candidateErrors: 0, timeouts: 0, skipped: 0 },
      live: { calls: 0, failures: 0 },
      controlMs: expect.any(Array),
      candidateMs: expect.any(Array),
      paths: [{ path: '$.total', count: 1, noise: false }],
      samples: [{ path: '$.total', contextKey: 'user-2', control: '30', candidate: '31' }],
    });
    expect(report!['controlMs']).toHaveLength(DURATION_BUCKETS_MS.length);
    expect((report!['controlMs'] as number[]).reduce((a, b) => a + b)).toBe(3);
    expect((report!['candidateMs'] as number[]).reduce((a, b) => a + b)).toBe(3);
    expect(errors).toEqual([]);
  });

  it('puts a report back when its batch fails, and sends it, merged, with the next one', async () => {
    service.eventsStatus = 503;
    await start();
    const options = { control: () => 1, candidate: () => 1 };
    const failed = new Promise<void>((resolve) => (errorSeen = resolve));
    client!.darkLaunch('pricing', { key: 'user-1' }, options);
    await failed; // onError hears the 503 just before the report is put back
    expect(reports()).toHaveLength(1);
    service.eventsStatus = 202;
    client!.darkLaunch('pricing', { key: 'user-2' }, options);
    await service.until(() => reports().length === 2);
    expect(reports()[1]).toMatchObject({ modes: { shadow: 2 }, shadow: { compared: 2, matches: 2 } });
  });

  it('sends sample text the service stores: no NUL, no lone surrogate, a pair never cut in two', async () => {
    await start();
    client!.darkLaunch(
      'pricing',
      { key: 'a\u0000b\ud800' },
      { control: () => 'x', candidate: () => `${'y'.repeat(198)}😀😀` },
    );
    await service.until(() => reports().length === 1);
    expect(reports()[0]!['samples']).toEqual([
      { path: '$', contextKey: 'a\ufffdb\ufffd', control: '"x"', candidate: `"${'y'.repeat(198)}` },
    ]);
  });

  it('counts the live calls and trips the flag breaker as a guard does, posting the trip', async () => {
    service.snapshot = snapshotOf(1, darkLaunchFlag('pricing', 'live'));
    await start();
    const options = {
      control: () => 'control',
      candidate: (): string => {
        throw new Error('down');
      },
    };
    for (let i = 0; i < 20; i++) expect(client!.darkLaunch('pricing', { key: 'user-1' }, options)).toBe('control');
    await service.until(() => service.events.some((body) => body['trips']) && reports().length === 1);
    expect(reports()[0]).toMatchObject({ modes: { live: 20 }, live: { calls: 20, failures: 20 } });
  });
});
