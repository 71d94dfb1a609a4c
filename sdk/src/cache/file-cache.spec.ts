import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { nextEvent } from '../../test/next-event.js';
import { createClient, type SwitchyardClient } from '../index.js';

let dir: string;
let clients: SwitchyardClient[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchyard-cache-'));
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
  rmSync(dir, { recursive: true, force: true });
});

function open(baseUrl: string, sdkKey = 'sdk_test'): SwitchyardClient {
  const client = createClient({
    sdkKey,
    baseUrl,
    appName: 'spec',
    cacheFile: join(dir, 'flags.json'),
    initialRetryDelayMs: 10,
  });
  clients.push(client);
  return client;
}

describe('the file cache', () => {
  it('serves the last known flags on a cold start while the service is down', async () => {
    const service = await new FakeFlagService(snapshotOf(4, booleanFlag('checkout', true))).start();
    const warm = open(service.url);
    await warm.waitUntilReady({ timeoutMs: 5000 });
    await warm.close();
    await service.stop();

    const cold = open(service.url);
    expect(cold.getBoolean('checkout', { key: 'u' }, false)).toBe(true);
    await expect(cold.waitUntilReady({ timeoutMs: 100 })).resolves.toEqual({ source: 'cache' });
    expect(cold.version).toBe(4);
  });

  it('resolves waitUntilReady with cache as soon as the first connection attempt fails, and keeps retrying', async () => {
    const service = await new FakeFlagService(snapshotOf(4, booleanFlag('checkout', true))).start();
    const warm = open(service.url);
    await warm.waitUntilReady({ timeoutMs: 5000 });
    await warm.close();
    service.streamStatus = 503;
    const cold = open(service.url);
    try {
      // A timeout far longer than the test's own: only the first failed attempt can resolve it in time.
      await expect(cold.waitUntilReady({ timeoutMs: 600_000 })).resolves.toEqual({ source: 'cache' });
      const attempts = service.requests.length;
      service.streamStatus = 200;
      await nextEvent(cold, 'ready');
      expect(service.requests.length).toBeGreaterThan(attempts);
      await expect(cold.waitUntilReady({ timeoutMs: 10 })).resolves.toEqual({ source: 'live' });
    } finally {
      await cold.close();
      await service.stop();
    }
  }, 10_000);

  it('is rewritten atomically on every change, leaving no temporary files', async () => {
    const service = await new FakeFlagService(snapshotOf(1, booleanFlag('checkout', true))).start();
    const client = open(service.url);
    await client.waitUntilReady({ timeoutMs: 5000 });
    const changed = nextEvent(client, 'changed');
    service.send('patch', { version: 2, flags: { checkout: booleanFlag('checkout', false, 2) } }, 2);
    await changed;
    await client.close();
    await service.stop();
    expect(readdirSync(dir)).toEqual(['flags.json']);
    expect(JSON.parse(readFileSync(join(dir, 'flags.json'), 'utf8')).snapshot.version).toBe(2);
  });

  it('is not served to a client with another SDK key', async () => {
    const service = await new FakeFlagService(snapshotOf(1, booleanFlag('checkout', true))).start();
    const warm = open(service.url);
    await warm.waitUntilReady({ timeoutMs: 5000 });
    await warm.close();
    await service.stop();
    const other = open(service.url, 'sdk_other');
    await expect(other.waitUntilReady({ timeoutMs: 50 })).resolves.toEqual({ source: 'defaults' });
  });

  it('reports a corrupt cache file and starts from defaults', async () => {
    writeFileSync(join(dir, 'flags.json'), '{ not json');
    const client = open('http://127.0.0.1:9');
    await expect(client.waitUntilReady({ timeoutMs: 50 })).resolves.toEqual({ source: 'defaults' });
    expect(client.getBoolean('checkout', { key: 'u' }, false)).toBe(false);
  });
});
