import type { Flag, JsonValue } from '@switchyard/evaluation';
import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { FakeClock } from '../../test/fake-clock.js';
import { faultyFetch } from '../fault/faulty-fetch.js';
import { InjectedFault } from '../fault/injected-fault.js';
import { FlagStore } from '../store/flag-store.js';
import { resolveOptions, type ClientOptions } from './client-options.js';
import { Client } from './switchyard-client.js';

/** A fault flag serving `variant` to everyone (test fixture). */
function faultFlag(variant: string, version = 1, variants: Record<string, JsonValue> = {}): Flag {
  return {
    key: 'db-faults',
    type: 'json',
    version,
    on: true,
    offVariant: 'none',
    rules: [],
    variants: { none: {}, down: { errorRate: 1, errorMessage: 'db down' }, slow: { latencyMs: 500 }, ...variants },
    fallthrough: { variant },
  };
}

/** A dark-launch flag serving `variant` to everyone. */
const darkLaunchFlag = (variant: string): Flag => ({
  key: 'pricing',
  type: 'string',
  version: 1,
  on: true,
  offVariant: 'off',
  rules: [],
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  fallthrough: { variant },
});

let service: FakeFlagService;
let client: Client | undefined;
let clock: FakeClock;
const user = { key: 'user-1' };

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
        onError: () => undefined,
        ...options,
      },
      () => 'unused',
    ),
    new FlagStore(),
    clock,
  );
  return client.waitUntilReady({ timeoutMs: 5_000 });
}

async function useSnapshot(...flags: Flag[]) {
  service = await new FakeFlagService(
    snapshotOf(1, booleanFlag('payments', true), darkLaunchFlag('shadow'), ...flags),
  ).start();
  await start();
}

beforeEach(() => {
  clock = new FakeClock();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await service.stop();
});

const microtasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
const trips = () => service.events.filter((body) => body['trips']);
const reports = () => service.events.flatMap((body) => (body['darkLaunches'] as Array<Record<string, any>>) ?? []);

describe('guard with fault:', () => {
  it('runs fn when the fault flag serves none', async () => {
    await useSnapshot(faultFlag('none'));
    expect(
      client!.guard(
        'payments',
        user,
        () => 'paid',
        () => 'fallback',
        { fault: 'db-faults' },
      ),
    ).toBe('paid');
  });

  it('counts an injected error as a failure of the guarded call, serves the fallback with it, and trips the breaker', async () => {
    await useSnapshot(faultFlag('down'));
    let calls = 0;
    const causes: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      const served = client!.guard(
        'payments',
        user,
        () => ++calls,
        (cause) => (causes.push(cause), 'fallback'),
        { fault: 'db-faults' },
      );
      expect(served).toBe('fallback');
    }
    expect(calls).toBe(0);
    expect(causes[0]).toMatchObject({ kind: 'thrown', error: expect.any(InjectedFault) });
    await service.until(() => trips().length === 1);
    expect(trips()[0]).toMatchObject({ trips: [{ flag: 'payments', calls: 20, failures: 20 }] });
    expect(client!.faultStats()).toMatchObject({ failed: 20 });
  });

  it('counts an injected wait against timeoutMs: the call times out and the fallback is served', async () => {
    await useSnapshot(faultFlag('slow'));
    let calls = 0;
    const served = client!.guard(
      'payments',
      user,
      async () => ++calls,
      async (cause) => cause.kind,
      { fault: 'db-faults', timeoutMs: 100 },
    );
    await microtasks();
    clock.advance(100);
    expect(await served).toBe('timeout');
    expect(calls).toBe(0);
    clock.advance(400);
    await microtasks();
    expect(calls).toBe(1); // as with a slow dependency, the abandoned call still goes out after the wait
    const inTime = client!.guard(
      'payments',
      user,
      async () => 'paid',
      async (cause) => cause.kind,
      {
        fault: 'db-faults',
        timeoutMs: 1000,
      },
    );
    await microtasks();
    clock.advance(499);
    await microtasks();
    expect(calls).toBe(1);
    clock.advance(1);
    expect(await inTime).toBe('paid');
  });

  it('injects nothing when the guarded flag is off (fallback served, the fault flag not asked)', async () => {
    await useSnapshot(faultFlag('down'));
    expect(
      client!.guard(
        'missing',
        user,
        () => 'paid',
        (cause) => cause.kind,
        { fault: 'db-faults' },
      ),
    ).toBe('off');
    expect(client!.faultStats().failed).toBe(0);
  });
});

describe('darkLaunch with fault:', () => {
  it('injects into the candidate only in shadow: control served, the candidate counted as failing', async () => {
    await useSnapshot(faultFlag('down'));
    let candidates = 0;
    for (let i = 0; i < 3; i++) {
      const value = client!.darkLaunch('pricing', user, {
        control: () => 30,
        candidate: () => (++candidates, 30),
        fault: 'db-faults',
      });
      expect(value).toBe(30);
    }
    await service.until(() => reports().length === 1);
    expect(reports()[0].shadow).toMatchObject({ candidateErrors: 3, matches: 0 });
    expect(candidates).toBe(0);
  });

  it('serves control when a live candidate fails with the injected error', async () => {
    service = await new FakeFlagService(snapshotOf(1, darkLaunchFlag('live'), faultFlag('down'))).start();
    await start();
    const value = client!.darkLaunch('pricing', user, {
      control: () => 'control',
      candidate: () => 'new',
      fault: 'db-faults',
    });
    expect(value).toBe('control');
  });

  it('refuses a fault that is not a string as a bad option (control served)', async () => {
    await useSnapshot(faultFlag('down'));
    const value = client!.darkLaunch('pricing', user, { control: () => 1, candidate: () => 2, fault: 5 as never });
    expect(value).toBe(1);
  });
});

describe('faultyFetch', () => {
  const realFetch = (async (input: unknown) => new Response(`fetched ${String(input)}`)) as typeof fetch;

  it('calls the real fetch at once while the flag serves none', async () => {
    await useSnapshot(faultFlag('none'));
    let calls = 0;
    const wrapped = faultyFetch(client!, 'db-faults', {
      fetch: ((input: unknown) => (++calls, realFetch(input as string))) as typeof fetch,
    });
    const response = wrapped('http://x/a');
    expect(calls).toBe(1);
    expect(await (await response).text()).toBe('fetched http://x/a');
  });

  it('rejects with the injected error without calling fetch, and waits before calling it', async () => {
    await useSnapshot(faultFlag('down'));
    let calls = 0;
    const counting = ((input: unknown) => (++calls, realFetch(input as string))) as typeof fetch;
    await expect(faultyFetch(client!, 'db-faults', { fetch: counting })('http://x/a')).rejects.toBeInstanceOf(
      InjectedFault,
    );
    expect(calls).toBe(0);
    const changed = new Promise<void>((resolve) => client!.on('changed', () => resolve()));
    service.send('patch', { version: 2, flags: { 'db-faults': faultFlag('slow', 2) } }, 2);
    await changed;
    const slow = faultyFetch(client!, 'db-faults', { fetch: counting, context: () => ({ key: 'req' }) })('http://x/b');
    expect(calls).toBe(0);
    clock.advance(500);
    expect(await (await slow).text()).toBe('fetched http://x/b');
    expect(calls).toBe(1);
  });
});

describe('client.fault', () => {
  it('targets this client by its instanceId (from the options) and counts what it refused', async () => {
    const huge = { huge: { latencyMs: 60_000 } };
    const flag: Flag = {
      ...faultFlag('none', 1, huge),
      rules: [
        {
          id: 'me',
          conditions: [{ attribute: 'instanceId', operator: 'in', values: ['i-1'] }],
          serve: { variant: 'huge' },
        },
      ],
    };
    await useSnapshot(flag);
    await client!.fault('db-faults', user);
    expect(client!.faultStats()).toEqual({ delayed: 0, failed: 0, refused: 1, invalid: 0 });
  });
});
