import type { Socket } from 'node:net';
import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { createClient } from '../index.js';

/** Timers keeping the event loop alive. */
function liveTimers(): number {
  return process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;
}

/** Client-side sockets open to `port` (Node's handle list; the server's own sockets have it as localPort). */
function socketsTo(port: number): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((handle) => (handle as Socket).remotePort === port && !(handle as Socket).destroyed).length;
}

describe('close', () => {
  it('releases every timer and socket the client opened', async () => {
    const service = await new FakeFlagService(snapshotOf(1, booleanFlag('checkout', true))).start();
    const timersBefore = liveTimers();
    const client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'spec', flushIntervalMs: 50 });
    await client.waitUntilReady({ timeoutMs: 5000 });
    client.getBoolean('checkout', { key: 'u' }, false);
    expect(
      client.guard(
        'checkout',
        { key: 'u' },
        () => 'guarded',
        () => 'fallback',
      ),
    ).toBe('guarded');
    expect(socketsTo(service.port)).toBeGreaterThan(0);
    await client.close();
    await service.until(() => service.openStreams === 0);
    await new Promise((resolve) => setImmediate(resolve));
    const timersAfter = liveTimers();
    const sockets = socketsTo(service.port);
    await service.stop();
    expect(timersAfter).toBeLessThanOrEqual(timersBefore);
    expect(sockets).toBe(0);
  });

  it('can be called twice and keeps evaluations safe afterwards', async () => {
    const client = createClient({ sdkKey: 'sdk_test', baseUrl: 'http://127.0.0.1:9', appName: 'spec' });
    await client.close();
    await client.close();
    expect(client.getString('anything', { key: 'u' }, 'fallback')).toBe('fallback');
  });
});
