import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { createClient } from '../index.js';

describe('status', () => {
  it('says defaults, disconnected since the start, while no flags ever arrived; closed after close', async () => {
    const before = Date.now();
    const client = createClient({ sdkKey: 'sdk_test', baseUrl: 'http://127.0.0.1:9', appName: 'spec' });
    const status = client.status();
    expect(status).toMatchObject({ state: 'defaults', version: undefined });
    expect(status.disconnectedSince!.getTime()).toBeGreaterThanOrEqual(before);
    await client.close();
    expect(client.status()).toEqual({ state: 'closed', version: undefined, disconnectedSince: undefined });
  });

  it('says live while connected, and stale since the moment the connection was lost', async () => {
    const service = await new FakeFlagService(snapshotOf(4, booleanFlag('checkout', true))).start();
    const client = createClient({
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      initialRetryDelayMs: 10,
      sendEvents: false,
    });
    await client.waitUntilReady({ timeoutMs: 5000 });
    expect(client.status()).toEqual({ state: 'live', version: 4, disconnectedSince: undefined });
    const lost = new Promise((resolve) => client.on('error', resolve));
    const stoppedAt = Date.now();
    await service.stop();
    await lost;
    const status = client.status();
    expect(status).toMatchObject({ state: 'stale', version: 4 });
    expect(status.disconnectedSince!.getTime()).toBeGreaterThanOrEqual(stoppedAt);
    await client.close();
  });
});
