import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type ClientOptions, type SwitchyardClient } from '@switchyard/sdk';
import { admin, createBooleanFlag, killFlag, seedEnvironmentWithKeyId, TcpProxy } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp } from './support/start-app.js';

// The SDK against a real service reached through a proxy, so the service can die and come back at the same URL.
const user = { key: 'user-1' };
let database: TestDatabase;
let proxy: TcpProxy;
let proxyUrl: string;
let node: StartedApp | undefined;
let sdk: { key: string; id: string };
let dir: string;
const clients: SwitchyardClient[] = [];

const portOf = (app: StartedApp) => Number(new URL(app.baseUrl).port);

function connect(options: Partial<ClientOptions> = {}): SwitchyardClient {
  const client = createClient({
    sdkKey: sdk.key,
    baseUrl: proxyUrl,
    appName: 'resilience',
    cacheFile: join(dir, 'flags.json'),
    initialRetryDelayMs: 20,
    maxRetryDelayMs: 100,
    ...options,
  });
  clients.push(client);
  return client;
}

function serves(client: SwitchyardClient, expected: boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.getBoolean('checkout', user, !expected) !== expected) return;
      client.off('changed', check);
      resolve();
    };
    client.on('changed', check);
    check();
  });
}

/** Kills the service abruptly: every connection is cut at once, then the process' app is torn down. */
async function killService(): Promise<void> {
  proxy.down();
  await node?.close();
  node = undefined;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchyard-sdk-e2e-'));
  database = await createTestDatabase();
  node = await startApp({ database, env: { DELIVERY_POLL_MS: '100' } });
  proxy = new TcpProxy();
  proxyUrl = await proxy.start(portOf(node));
  sdk = await seedEnvironmentWithKeyId(node);
  await createBooleanFlag(node, 'checkout');
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await proxy.stop();
  await node?.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SDK when the service fails', () => {
  it('serves the last flags while the service is dead and resumes with Last-Event-ID when it is back', async () => {
    const client = connect();
    await client.waitUntilReady({ timeoutMs: 5000 });
    await serves(client, true);
    const heldVersion = client.version!;
    const errors: Error[] = [];
    client.on('error', (error) => errors.push(error));

    await killService();
    expect(client.getBoolean('checkout', user, false)).toBe(true);

    node = await startApp({ database, env: { DELIVERY_POLL_MS: '100' } });
    await killFlag(node, 'checkout');
    proxy.up(portOf(node));
    await serves(client, false);

    expect(errors.length).toBeGreaterThan(0);
    const resumed = proxy.requestHeads
      .filter((head) => head.startsWith('GET /sdk/v1/stream'))
      .some((head) => head.toLowerCase().includes(`last-event-id: ${heldVersion}`));
    expect(resumed).toBe(true);
  });

  it('starts cold from the file cache while the service is down, then goes live when it returns', async () => {
    const warm = connect();
    await warm.waitUntilReady({ timeoutMs: 5000 });
    await killFlag(node!, 'checkout');
    await serves(warm, false);
    await warm.close();
    await killService();

    const cold = connect();
    expect(cold.getDetails('checkout', user, true)).toMatchObject({ value: false, reason: 'KILLED' });
    await expect(cold.waitUntilReady({ timeoutMs: 200 })).resolves.toEqual({ source: 'cache' });

    node = await startApp({ database, env: { DELIVERY_POLL_MS: '100' } });
    const live = new Promise((resolve) => cold.on('ready', resolve));
    proxy.up(portOf(node));
    await live;
    await expect(cold.waitUntilReady({ timeoutMs: 200 })).resolves.toEqual({ source: 'live' });
  });

  it('starts from code defaults when the service is down and there is no cache', async () => {
    await killService();
    const client = connect({ cacheFile: join(dir, 'none.json') });
    await expect(client.waitUntilReady({ timeoutMs: 100 })).resolves.toEqual({ source: 'defaults' });
    expect(client.getDetails('checkout', user, true)).toMatchObject({ value: true, errorCode: 'PROVIDER_NOT_READY' });
  });

  it('is cut off when its key is revoked: the stream is closed and the key refused', async () => {
    const client = connect();
    await client.waitUntilReady({ timeoutMs: 5000 });
    const refused = new Promise<Error>((resolve) =>
      client.on('error', (error) => {
        if (/401|403/.test(error.message)) resolve(error);
      }),
    );
    await admin(node!, 'DELETE', `/sdk-keys/${sdk.id}`);
    await expect(refused).resolves.toMatchObject({ message: expect.stringMatching(/revoked/) });
    expect((await node!.request('GET', '/sdk/v1/snapshot', { token: sdk.key })).status).toBe(401);
    expect(client.getBoolean('checkout', user, false)).toBe(true);
  });
});
