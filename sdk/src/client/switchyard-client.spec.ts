import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { nextEvent } from '../../test/next-event.js';
import { createClient, type ClientOptions, type SwitchyardClient } from '../index.js';

const user = { key: 'user-1' };
let service: FakeFlagService;
let client: SwitchyardClient | undefined;

function connect(overrides: Partial<ClientOptions> = {}): SwitchyardClient {
  client = createClient({
    sdkKey: 'sdk_test',
    baseUrl: service.url,
    appName: 'spec',
    initialRetryDelayMs: 10,
    maxRetryDelayMs: 50,
    pollIntervalMs: 30,
    ackFlushDelayMs: 5,
    flushIntervalMs: 60_000,
    ...overrides,
  });
  return client;
}

beforeEach(async () => {
  service = await new FakeFlagService(snapshotOf(1, booleanFlag('checkout', true))).start();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await service.stop();
});

describe('the client over a stream', () => {
  it('serves the default with PROVIDER_NOT_READY before any snapshot arrives', () => {
    service.streamStatus = 503;
    const flags = connect();
    expect(flags.getBoolean('checkout', user, false)).toBe(false);
    expect(flags.getDetails('checkout', user, false)).toMatchObject({
      value: false,
      reason: 'ERROR',
      errorCode: 'PROVIDER_NOT_READY',
    });
  });

  it('becomes ready from the first snapshot and evaluates locally', async () => {
    const flags = connect();
    await expect(flags.waitUntilReady({ timeoutMs: 5000 })).resolves.toEqual({ source: 'live' });
    expect(flags.getBoolean('checkout', user, false)).toBe(true);
    expect(flags.version).toBe(1);
  });

  it('emits ready, and no changed, for the first snapshot', async () => {
    const flags = connect();
    const changes: unknown[] = [];
    flags.on('changed', (event) => changes.push(event));
    await expect(nextEvent(flags, 'ready')).resolves.toEqual({ version: 1 });
    service.send('patch', { version: 2, flags: { other: booleanFlag('other', true, 1) } }, 2);
    await nextEvent(flags, 'changed');
    expect(changes).toEqual([{ keys: ['other'], version: 2 }]);
  });

  it('after a reconnect, names only the flags that differ in the new snapshot', async () => {
    service.snapshot = snapshotOf(1, booleanFlag('checkout', true), booleanFlag('search', true));
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    service.snapshot = snapshotOf(3, booleanFlag('checkout', true), booleanFlag('search', false, 2));
    service.dropStreams();
    await expect(nextEvent(flags, 'changed')).resolves.toEqual({ keys: ['search'], version: 3 });
  });

  it('applies a patch and says which flags changed', async () => {
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    const changed = nextEvent(flags, 'changed');
    service.send('patch', { version: 2, flags: { checkout: booleanFlag('checkout', false, 2) } }, 2);
    await expect(changed).resolves.toEqual({ keys: ['checkout'], version: 2 });
    expect(flags.getBoolean('checkout', user, true)).toBe(false);
  });

  it('ignores a malformed patch, reports it, and keeps serving the last good snapshot', async () => {
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    const errors: Error[] = [];
    flags.on('error', (error) => errors.push(error));
    const changed = nextEvent(flags, 'changed');
    service.send('patch', 'this is not json', 2);
    service.send('patch', { version: 2, flags: { checkout: { key: 'checkout', type: 'boolean' } } }, 2);
    service.send('patch', { version: 3, flags: { other: booleanFlag('other', true, 1) } }, 3);
    await expect(changed).resolves.toEqual({ keys: ['other'], version: 3 });
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/not JSON/),
      expect.stringMatching(/malformed/),
    ]);
    expect(flags.getBoolean('checkout', user, false)).toBe(true);
  });

  it('refuses a patch whose segment is filed under another key, and keeps the last good snapshot', async () => {
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    const error = nextEvent(flags, 'error');
    service.send(
      'patch',
      {
        version: 2,
        flags: { checkout: booleanFlag('checkout', false, 2) },
        segments: { staff: { key: 'admins', included: ['u1'], excluded: [], rules: [] } },
      },
      2,
    );
    await expect(error).resolves.toMatchObject({ message: expect.stringMatching(/segments\.staff is stored under/) });
    expect(flags.version).toBe(1);
    expect(flags.getBoolean('checkout', user, false)).toBe(true);
  });

  it('ignores a malformed snapshot and keeps the last good one', async () => {
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    const error = nextEvent(flags, 'error');
    service.send('snapshot', { version: 9, flags: 'nope', segments: {} }, 9);
    await error;
    expect(flags.version).toBe(1);
    expect(flags.getBoolean('checkout', user, false)).toBe(true);
  });

  it('reconnects after the stream drops and resumes with Last-Event-ID', async () => {
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    service.dropStreams();
    service.snapshot = snapshotOf(2, booleanFlag('checkout', false, 2));
    await nextEvent(flags, 'changed');
    const streams = service.requests.filter((request) => request.path === '/sdk/v1/stream');
    expect(streams.length).toBeGreaterThanOrEqual(2);
    expect(streams[1]!.headers['last-event-id']).toBe('1');
    expect(flags.getBoolean('checkout', user, true)).toBe(false);
  });

  it('serves the last snapshot while the service is down and recovers by itself', async () => {
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    const port = service.port;
    await service.stop();
    await nextEvent(flags, 'error');
    expect(flags.getBoolean('checkout', user, false)).toBe(true);
    service = await new FakeFlagService(snapshotOf(2, booleanFlag('checkout', false, 2))).start(port);
    await nextEvent(flags, 'changed');
    expect(flags.getBoolean('checkout', user, true)).toBe(false);
  });

  it('falls back to polling with ETag when streaming fails, and gets 304s while nothing changes', async () => {
    service.streamStatus = 404;
    const flags = connect({ streamFailuresBeforePolling: 2, streamRetryIntervalMs: 60_000 });
    await expect(flags.waitUntilReady({ timeoutMs: 5000 })).resolves.toEqual({ source: 'live' });
    await service.until(() => service.requests.filter((r) => r.headers['if-none-match'] === '"1"').length >= 2);
    service.snapshot = snapshotOf(2, booleanFlag('checkout', false, 2));
    await nextEvent(flags, 'changed');
    expect(flags.getBoolean('checkout', user, true)).toBe(false);
    expect(service.requests.filter((r) => r.path === '/sdk/v1/stream')).toHaveLength(2);
  });

  it('stops and reports when the key is refused', async () => {
    service.acceptedKey = 'sdk_other';
    const flags = connect();
    const error = nextEvent(flags, 'error');
    await expect(flags.waitUntilReady({ timeoutMs: 5000 })).resolves.toEqual({ source: 'defaults' });
    await expect(error).resolves.toMatchObject({ message: expect.stringMatching(/401.*revoked/) });
    expect(service.requests).toHaveLength(1);
  });
});
