import { ControllableChangeBus } from '../testing/controllable-change-bus.js';
import { ManualRevokedCredentials } from '../testing/manual-revoked-credentials.js';
import { RevocationRelay } from './revocation-relay.js';

describe('RevocationRelay', () => {
  const setup = () => {
    const bus = new ControllableChangeBus();
    const credentials = new ManualRevokedCredentials();
    let revalidations = 0;
    const streams = { revalidate: async () => void (revalidations += 1) };
    const relay = new RevocationRelay(bus, credentials, streams, { sweepMs: 5 });
    relay.start();
    return { bus, credentials, relay, revalidations: () => revalidations };
  };

  it("publishes this node's revocations on the bus, and every notice drops the credential and re-checks the streams", async () => {
    const { bus, credentials, relay, revalidations } = setup();
    credentials.revoke('key-1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(bus.published).toEqual(['key-1']);
    expect(credentials.forgotten).toEqual(['key-1']); // the in-process bus delivers to this node as well
    expect(revalidations()).toBeGreaterThanOrEqual(1);
    await bus.publishRevocation('key-from-another-node');
    expect(credentials.forgotten).toEqual(['key-1', 'key-from-another-node']);
    relay.stop();
  });

  it('sweeps the database while the bus is down, and closes streams only when it found a revocation', async () => {
    const { bus, credentials, relay, revalidations } = setup();
    bus.busState = 'degraded';
    await credentials.nextSweep();
    await new Promise((resolve) => setImmediate(resolve));
    expect(revalidations()).toBe(0);
    credentials.revokedInDatabase = ['key-2'];
    await credentials.nextSweep();
    await new Promise((resolve) => setImmediate(resolve));
    expect(revalidations()).toBe(1);
    relay.stop();
  });

  it('sweeps when the bus reconnects, since notices sent while it was away are lost', async () => {
    const { bus, credentials, relay } = setup();
    const swept = credentials.nextSweep();
    bus.reconnect();
    await swept;
    relay.stop();
  });
});
