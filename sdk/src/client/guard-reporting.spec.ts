import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { FakeClock } from '../../test/fake-clock.js';
import { FlagStore } from '../store/flag-store.js';
import { resolveOptions, type ClientOptions } from './client-options.js';
import { Client } from './switchyard-client.js';

let service: FakeFlagService;
let client: Client | undefined;
const clock = new FakeClock();
const user = { key: 'user-1' };
const fail = () => {
  throw new Error('down');
};

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
        initialRetryDelayMs: 10,
        ...options,
      },
      () => 'unused',
    ),
    new FlagStore(),
    clock,
  );
  return client.waitUntilReady({ timeoutMs: 5_000 });
}

beforeEach(async () => {
  service = await new FakeFlagService(snapshotOf(1, booleanFlag('payments', true))).start();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await service.stop();
});

const withTrips = () => service.events.filter((body) => body['trips']);

describe('guard reporting', () => {
  it('posts a trip at once in its own batch, with the figures and the instance hostname', async () => {
    await start();
    for (let i = 0; i < 20; i++) client!.guard('payments', user, fail, () => 'fallback');
    await service.until(() => withTrips().length === 1);
    expect(withTrips()[0]).toEqual({
      instance: { id: 'i-1', appName: 'checkout', sdkVersion: '0.1.0', hostname: 'host-3' },
      trips: [
        {
          flag: 'payments',
          at: new Date(clock.now()).toISOString(),
          windowMs: 10_000,
          calls: 20,
          failures: 20,
          timeouts: 0,
          failureRatio: 1,
          probe: false,
        },
      ],
    });
  });

  it('sends guard outcomes in the regular batch: closed buckets per flag, and the open ones at close', async () => {
    await start();
    const bucketStart = Math.floor(clock.now() / 1_000) * 1_000;
    client!.guard(
      'payments',
      user,
      () => 'ok',
      () => 'fallback',
    );
    client!.guard('payments', user, fail, () => 'fallback');
    clock.advance(1_000);
    client!.guard(
      'payments',
      user,
      () => 'ok',
      () => 'fallback',
    );
    await client!.close();
    client = undefined;
    const guards = service.events.flatMap((body) => (body['guards'] as unknown[] | undefined) ?? []);
    expect(guards).toEqual([
      {
        flag: 'payments',
        windowStart: new Date(bucketStart).toISOString(),
        windowMs: 2_000,
        calls: 3,
        failures: 1,
        timeouts: 0,
        probe: false,
      },
    ]);
  });

  it('sends a trip again with the next batch when its own could not be delivered', async () => {
    await start({ ackFlushDelayMs: 20 });
    service.eventsStatus = 503;
    for (let i = 0; i < 20; i++) client!.guard('payments', user, fail, () => 'fallback');
    await service.until(() => withTrips().length === 1);
    service.eventsStatus = 202;
    await service.until(() => withTrips().length === 2);
    expect(withTrips()[1]!['trips']).toEqual(withTrips()[0]!['trips']);
  });

  it("tells onError once, with the status and the service's message, when the service refuses a trip (4xx), and does not send it again", async () => {
    const errors: Error[] = [];
    await start({ ackFlushDelayMs: 20, onError: (error) => errors.push(error) });
    service.eventsStatus = 400;
    service.eventsBody = JSON.stringify({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The request is invalid',
        fields: [{ path: 'trips.0.failureRatio', message: 'failureRatio must not be greater than 1', code: 'max' }],
      },
    });
    for (let i = 0; i < 20; i++) client!.guard('payments', user, fail, () => 'fallback');
    await service.until(() => withTrips().length === 1);
    service.eventsStatus = 202;
    service.eventsBody = undefined;
    // Later batches go out (an ack's prompt flush, then close) without the refused trip.
    client!.getBoolean('payments', user, false);
    await client!.close();
    client = undefined;
    expect(withTrips()).toHaveLength(1);
    expect(service.events.length).toBeGreaterThan(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'ServiceError', status: 400 });
    expect(errors[0]!.message).toBe(
      'the service refused the trip report of payments, which is not sent again (the flag is not killed by it): ' +
        'POST /sdk/v1/events answered 400: The request is invalid (trips.0.failureRatio: failureRatio must not be greater than 1)',
    );
  });

  it('opens the breaker locally with events off, and posts nothing', async () => {
    await start({ sendEvents: false });
    for (let i = 0; i < 20; i++) client!.guard('payments', user, fail, () => 'fallback');
    expect(
      client!.guard(
        'payments',
        user,
        () => 'fn',
        (cause) => cause.kind,
      ),
    ).toBe('open');
    await client!.close();
    client = undefined;
    expect(service.events).toEqual([]);
  });
});
