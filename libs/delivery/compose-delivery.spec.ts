import { HealthIndicatorRegistry, MetricsRegistry } from '@switchyard/kernel';
import { ConfigProposals } from './application/config-proposals.js';
import { ChangeLogPruner, InstanceRegistry, RevokedCredentials } from './application/delivery-ports.js';
import { RecentContextStore } from './application/recent-context-store.js';
import { composeDelivery, type Delivery } from './compose-delivery.js';
import type { InstanceSighting } from './domain/sdk-report.js';
import { flagFixture, InMemoryDeliverySource, ManualCommittedChanges } from './testing/in-memory-delivery-source.js';
import { RecordingSseStream } from './testing/recording-sse-stream.js';
import { RevocableSdkKeys } from './testing/revocable-sdk-keys.js';

class RecordingRegistry extends InstanceRegistry {
  readonly recorded: InstanceSighting[] = [];
  async record(sightings: InstanceSighting[]) {
    this.recorded.push(...sightings);
  }
  async status(): Promise<never> {
    throw new Error('unused');
  }
  async overview() {
    return [];
  }
}

class NoRevocations extends RevokedCredentials {
  subscribe() {
    return () => undefined;
  }
  forget() {}
  async sweep() {
    return [];
  }
}

class UnusedProposals extends ConfigProposals {
  async check(): Promise<never> {
    throw new Error('unused');
  }
}

class EmptyContexts extends RecentContextStore {
  async record() {}
  async prune() {}
  async list() {
    return { contexts: [], since: null };
  }
}

class NothingToPrune extends ChangeLogPruner {
  async prune() {
    return 0;
  }
}

function setup(options: { redisUrl?: string } = {}) {
  const source = new InMemoryDeliverySource();
  source.addEnvironment('prod', { version: 1, flags: { a: flagFixture('a', true) }, segments: {} });
  const committed = new ManualCommittedChanges();
  const registry = new RecordingRegistry();
  const health = new HealthIndicatorRegistry();
  const warnings: string[] = [];
  const delivery: Delivery = composeDelivery(
    { heartbeatMs: 60_000, pollMs: 60_000, changeLogPruneIntervalMs: 60_000, nodeId: 'node-1', ...options },
    {
      source,
      committedChanges: committed,
      sdkKeys: new RevocableSdkKeys(),
      revokedCredentials: new NoRevocations(),
      proposals: new UnusedProposals(),
      changeLog: new NothingToPrune(),
      instances: registry,
      recentContexts: new EmptyContexts(),
      metrics: new MetricsRegistry(),
      health,
      log: { warn: (message) => warnings.push(message), debug: () => undefined },
    },
  );
  const published: number[] = [];
  delivery.bus.subscribe((change) => published.push(change.version));
  return { source, committed, registry, health, warnings, delivery, published };
}

describe('composeDelivery', () => {
  it('once started, sends this node’s committed changes to its streams and publishes them on the bus', async () => {
    const { source, committed, delivery, published } = setup();
    delivery.start();
    const stream = new RecordingSseStream('prod');
    await delivery.hub.open(stream);
    expect(stream.frames).toEqual([expect.stringMatching(/^event: snapshot\nid: 1\n/)]);

    committed.emit(source.commit('prod', { a: flagFixture('a', false, 2) }));
    await stream.until((it) => it.frames.length === 2, 'patch event');

    expect(stream.frames).toHaveLength(2);
    expect(stream.frames[1]).toMatch(/^event: patch\nid: 2\n/);
    expect(published).toEqual([2]);
    await delivery.stop();
  });

  it('sends this node’s committed changes to its streams while the bus is unreachable', async () => {
    // Nothing listens on port 1: the Redis bus stays degraded and publishes nothing.
    const { source, committed, delivery, health } = setup({ redisUrl: 'redis://127.0.0.1:1' });
    delivery.start();
    const stream = new RecordingSseStream('prod');
    await delivery.hub.open(stream);

    committed.emit(source.commit('prod', { a: flagFixture('a', false, 2) }));
    await stream.until((it) => it.frames.length === 2, 'patch event');

    expect(stream.frames[1]).toMatch(/^event: patch\nid: 2\n/);
    expect((await health.run())['bus']).toEqual({
      status: 'degraded',
      detail: 'Redis unreachable: catching up from the change log every 60000 ms',
    });
    await delivery.stop();
  });

  it('drops the snapshot cache entry of a committed change, so the next snapshot read is the new version', async () => {
    const { source, committed, delivery } = setup();
    delivery.start();
    expect((await delivery.snapshots.get('prod'))?.version).toBe(1);
    committed.emit(source.commit('prod', { a: null }));
    expect((await delivery.snapshots.get('prod'))?.version).toBe(2);
    await delivery.stop();
  });

  it('registers the bus readiness check, naming the in-process bus when no Redis is configured', async () => {
    const { health, delivery } = setup();
    expect(await health.run()).toEqual({});
    delivery.start();
    expect(await health.run()).toEqual({ bus: { status: 'up', detail: 'in-process' } });
    await delivery.stop();
  });

  it('on stop, writes the buffered SDK reports, ends the streams and no longer relays commits', async () => {
    const { source, committed, registry, delivery, published } = setup();
    delivery.start();
    const stream = new RecordingSseStream('prod');
    await delivery.hub.open(stream);
    await delivery.recordSdkReport.execute('prod', {
      instance: { id: 'i-1', appName: 'app', sdkVersion: '1' },
      evaluations: [],
      acks: [{ version: 1, receivedAt: new Date(1_000) }],
      dropped: 0,
    });
    expect(registry.recorded).toEqual([]);

    await delivery.stop();

    expect(registry.recorded.map((sighting) => [sighting.instanceId, sighting.node])).toEqual([['i-1', 'node-1']]);
    expect(stream.ended).toBe(true);
    committed.emit(source.commit('prod', { a: null }));
    expect(published).toEqual([]);
    expect(stream.frames).toHaveLength(1);
  });
});
