import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { createClient, type SwitchyardClient } from '../index.js';

let service: FakeFlagService;
let client: SwitchyardClient | undefined;

beforeEach(async () => {
  service = await new FakeFlagService(snapshotOf(1, booleanFlag('a', true), booleanFlag('b', false))).start();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await service.stop();
});

describe('event reporting', () => {
  it('acks the applied version and posts evaluation counts per flag and variant on close', async () => {
    client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'spec', instanceId: 'i-1', ackFlushDelayMs: 5 });
    await client.waitUntilReady({ timeoutMs: 5000 });
    await service.until(() => service.events.length >= 1);
    for (let i = 0; i < 5; i += 1) client.getBoolean('a', { key: `u${i}` }, false);
    client.getBoolean('b', { key: 'u' }, true);
    client.getBoolean('missing', { key: 'u' }, true);
    await client.close();
    client = undefined;
    expect(service.events[0]).toMatchObject({
      instance: { id: 'i-1', appName: 'spec', sdkVersion: '0.1.0' },
      acks: [{ version: 1, receivedAt: expect.any(String) }],
    });
    expect(service.events[1]!['evaluations']).toEqual([
      { flag: 'a', variant: 'on', count: 5 },
      { flag: 'b', variant: 'off', count: 1 },
    ]);
  });

  it('bounds the buffer: beyond maxBufferedEvents distinct counters it drops and counts the drops', async () => {
    const flags = Array.from({ length: 10 }, (_, i) => booleanFlag(`f${i}`, true));
    service.snapshot = snapshotOf(1, ...flags);
    client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'spec', maxBufferedEvents: 3, sendEvents: true });
    await client.waitUntilReady({ timeoutMs: 5000 });
    for (const flag of flags) client.getBoolean(flag.key, { key: 'u' }, false);
    await client.close();
    client = undefined;
    const batch = service.events.find((body) => body['evaluations']);
    expect(batch!['evaluations']).toHaveLength(3);
    expect(batch!['dropped']).toBe(7);
  });

  it('keeps counting while the events endpoint fails, and delivers them later', async () => {
    service.eventsStatus = 500;
    client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'spec', flushIntervalMs: 20, ackFlushDelayMs: 5 });
    await client.waitUntilReady({ timeoutMs: 5000 });
    client.getBoolean('a', { key: 'u' }, false);
    await service.until(() => service.events.length >= 2);
    service.eventsStatus = 202;
    client.getBoolean('a', { key: 'u' }, false);
    await client.close();
    client = undefined;
    const last = service.events[service.events.length - 1]!;
    expect(last['evaluations']).toEqual([{ flag: 'a', variant: 'on', count: 2 }]);
    expect(last['acks']).toEqual([{ version: 1, receivedAt: expect.any(String) }]);
  });
});

describe('presence', () => {
  it('posts an empty batch each flush interval so the service sees the instance as live', async () => {
    client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'spec', instanceId: 'idle', flushIntervalMs: 20, ackFlushDelayMs: 60_000 });
    await client.waitUntilReady({ timeoutMs: 5000 });
    await service.until(() => service.events.filter((body) => Object.keys(body).join() === 'instance').length >= 2);
    expect(service.events.some((body) => (body['instance'] as { id: string }).id === 'idle')).toBe(true);
  });
});

describe('context sampling', () => {
  const contextsOf = () => service.events.flatMap((body) => (body['contexts'] as Array<Record<string, unknown>> | undefined) ?? []);

  it('sends at most contextSampleSize distinct contexts per flush, private attributes stripped', async () => {
    client = createClient({
      sdkKey: 'sdk_test', baseUrl: service.url, appName: 'spec', contextSampleSize: 3, privateAttributes: ['email'],
      ackFlushDelayMs: 60_000,
    });
    await client.waitUntilReady({ timeoutMs: 5000 });
    for (let i = 0; i < 10; i += 1) {
      client.getBoolean('a', { key: `u${i % 5}`, email: `u${i}@example.com`, plan: 'pro' }, false);
    }
    await client.close();
    client = undefined;
    expect(contextsOf()).toEqual([
      { key: 'u0', plan: 'pro' }, { key: 'u1', plan: 'pro' }, { key: 'u2', plan: 'pro' },
    ]);
  });

  it('samples the contexts of every kind of evaluation, including getDetails', async () => {
    client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'spec', ackFlushDelayMs: 60_000 });
    await client.waitUntilReady({ timeoutMs: 5000 });
    client.getDetails('b', { key: 'd1' }, false);
    client.getBoolean('a', { key: 'd2' }, false);
    await client.close();
    client = undefined;
    expect(contextsOf().map((context) => context['key'])).toEqual(['d1', 'd2']);
  });

  it('sends no contexts when contextSampleSize is 0', async () => {
    client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'spec', contextSampleSize: 0, ackFlushDelayMs: 60_000 });
    await client.waitUntilReady({ timeoutMs: 5000 });
    client.getBoolean('a', { key: 'u1' }, false);
    await client.close();
    client = undefined;
    expect(service.events.some((body) => body['evaluations'])).toBe(true);
    expect(contextsOf()).toEqual([]);
  });
});
