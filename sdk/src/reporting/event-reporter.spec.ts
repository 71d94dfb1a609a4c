import { jest } from '@jest/globals';
import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { resolveOptions } from '../client/client-options.js';
import { createClient, type SwitchyardClient } from '../index.js';
import { EventReporter } from './event-reporter.js';

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
    client = createClient({
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      instanceId: 'i-1',
      ackFlushDelayMs: 5,
    });
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
    client = createClient({
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      maxBufferedEvents: 3,
      sendEvents: true,
    });
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
    client = createClient({
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      flushIntervalMs: 20,
      ackFlushDelayMs: 5,
    });
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

describe('buffer bounds across failed flushes', () => {
  it('keeps at most maxBufferedEvents acks when a failed batch is put back, the newest ones, and counts the rest', async () => {
    const answers: Array<(response: Response) => void> = [];
    const bodies: Array<{ acks?: Array<{ version: number }>; dropped?: number }> = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(init.body as string));
      return new Promise<Response>((resolve) => answers.push(resolve));
    }) as unknown as typeof globalThis.fetch;
    const options = resolveOptions(
      {
        sdkKey: 'sdk_x',
        baseUrl: 'http://127.0.0.1:9',
        appName: 'spec',
        maxBufferedEvents: 2,
        ackFlushDelayMs: 60_000,
        fetch,
      },
      () => 'instance',
    );
    const reporter = new EventReporter(options, new AbortController().signal, () => undefined);
    reporter.ack(1, Date.now());
    const failing = reporter.flush();
    for (const version of [2, 3, 4]) reporter.ack(version, Date.now()); // while batch [1] is in flight: 2 is pushed out
    answers[0]!(new Response(null, { status: 503 }));
    await failing;
    const next = reporter.flush();
    answers[1]!(new Response(null, { status: 202 }));
    await next;
    await reporter.close();
    expect(bodies[1]!.acks!.map((ack) => ack.version)).toEqual([3, 4]);
    expect(bodies[1]!.dropped).toBe(2);
  });

  it('posts each ack with its arrival time in ISO 8601, and restarts one timer for the acks of later changes', async () => {
    const bodies: Array<{ acks?: Array<{ version: number; receivedAt: string }> }> = [];
    let posted: () => void = () => undefined;
    const fetch = (async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(init.body as string));
      posted();
      return new Response(null, { status: 202 });
    }) as unknown as typeof globalThis.fetch;
    const options = resolveOptions(
      { sdkKey: 'sdk_x', baseUrl: 'http://127.0.0.1:9', appName: 'spec', ackFlushDelayMs: 5, fetch },
      () => 'instance',
    );
    const reporter = new EventReporter(options, new AbortController().signal, () => undefined);
    const timers = jest.spyOn(globalThis, 'setTimeout');
    try {
      const at = Date.UTC(2026, 11, 2, 1, 2, 3, 456);
      for (const version of [1, 2, 3]) {
        const sent = new Promise<void>((resolve) => (posted = resolve));
        reporter.ack(version, at + version);
        await sent;
      }
      expect(timers).toHaveBeenCalledTimes(1);
    } finally {
      timers.mockRestore();
      await reporter.close();
    }
    expect(bodies.map((body) => body.acks)).toEqual([
      [{ version: 1, receivedAt: '2026-12-02T01:02:03.457Z' }],
      [{ version: 2, receivedAt: '2026-12-02T01:02:03.458Z' }],
      [{ version: 3, receivedAt: '2026-12-02T01:02:03.459Z' }],
    ]);
  });

  it('keeps at most maxBufferedEvents counters and contextSampleSize contexts when a failed batch is put back', async () => {
    const flags = Array.from({ length: 6 }, (_, i) => booleanFlag(`f${i}`, true));
    service.snapshot = snapshotOf(1, ...flags);
    service.eventsStatus = 503;
    client = createClient({
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      maxBufferedEvents: 3,
      contextSampleSize: 2,
      flushIntervalMs: 20,
      ackFlushDelayMs: 60_000,
    });
    await client.waitUntilReady({ timeoutMs: 5000 });
    for (const flag of flags.slice(0, 3)) client.getBoolean(flag.key, { key: flag.key }, false);
    await service.until(() => service.events.some((body) => body['evaluations']));
    for (const flag of flags.slice(3)) client.getBoolean(flag.key, { key: flag.key }, false);
    const accepted = service.events.length;
    service.eventsStatus = 202;
    await client.close();
    client = undefined;
    const delivered = service.events.slice(accepted);
    for (const body of delivered) {
      expect(((body['evaluations'] as unknown[] | undefined) ?? []).length).toBeLessThanOrEqual(3);
      expect(((body['contexts'] as unknown[] | undefined) ?? []).length).toBeLessThanOrEqual(2);
    }
    // Nothing vanishes silently: every evaluation is either delivered or counted as dropped.
    const counted = delivered
      .flatMap((body) => (body['evaluations'] as Array<{ count: number }> | undefined) ?? [])
      .reduce((sum, { count }) => sum + count, 0);
    const dropped = delivered.reduce((sum, body) => sum + ((body['dropped'] as number | undefined) ?? 0), 0);
    expect(counted + dropped).toBe(6);
  });

  it('does not retry a batch the service refused (4xx): it is dropped and counted', async () => {
    service.eventsStatus = 400;
    client = createClient({
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      flushIntervalMs: 20,
      ackFlushDelayMs: 60_000,
    });
    await client.waitUntilReady({ timeoutMs: 5000 });
    client.getBoolean('a', { key: 'u' }, false);
    await service.until(() => service.events.some((body) => body['evaluations']));
    service.eventsStatus = 202;
    client.getBoolean('b', { key: 'u' }, false);
    await client.close();
    client = undefined;
    const last = service.events[service.events.length - 1]!;
    expect(last['evaluations']).toEqual([{ flag: 'b', variant: 'off', count: 1 }]);
    expect(last['dropped']).toBeGreaterThanOrEqual(1);
  });
});

describe('presence', () => {
  it('posts an empty batch each flush interval so the service sees the instance as live', async () => {
    client = createClient({
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      instanceId: 'idle',
      flushIntervalMs: 20,
      ackFlushDelayMs: 60_000,
    });
    await client.waitUntilReady({ timeoutMs: 5000 });
    await service.until(() => service.events.filter((body) => Object.keys(body).join() === 'instance').length >= 2);
    expect(service.events.some((body) => (body['instance'] as { id: string }).id === 'idle')).toBe(true);
  });
});

describe('context sampling', () => {
  const contextsOf = () =>
    service.events.flatMap((body) => (body['contexts'] as Array<Record<string, unknown>> | undefined) ?? []);

  it('sends at most contextSampleSize distinct contexts per flush, private attributes stripped', async () => {
    client = createClient({
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      contextSampleSize: 3,
      privateAttributes: ['email'],
      ackFlushDelayMs: 60_000,
    });
    await client.waitUntilReady({ timeoutMs: 5000 });
    for (let i = 0; i < 10; i += 1) {
      client.getBoolean('a', { key: `u${i % 5}`, email: `u${i}@example.com`, plan: 'pro' }, false);
    }
    await client.close();
    client = undefined;
    expect(contextsOf()).toEqual([
      { key: 'u0', plan: 'pro' },
      { key: 'u1', plan: 'pro' },
      { key: 'u2', plan: 'pro' },
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
    client = createClient({
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      contextSampleSize: 0,
      ackFlushDelayMs: 60_000,
    });
    await client.waitUntilReady({ timeoutMs: 5000 });
    client.getBoolean('a', { key: 'u1' }, false);
    await client.close();
    client = undefined;
    expect(service.events.some((body) => body['evaluations'])).toBe(true);
    expect(contextsOf()).toEqual([]);
  });
});
