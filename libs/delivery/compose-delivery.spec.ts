import { HealthIndicatorRegistry, MetricsRegistry } from '@switchyard/kernel';
import { composeDelivery, type Delivery } from './compose-delivery.js';
import { flagFixture, InMemoryDeliverySource, ManualCommittedChanges } from './testing/in-memory-delivery-source.js';
import { ControlledChangeLogPruner } from './testing/controlled-change-log-pruner.js';
import { FixedConfigProposals } from './testing/fixed-config-proposals.js';
import { FixedActivityFlags, InMemoryFlagActivityStore } from './testing/in-memory-flag-activity.js';
import { InMemoryRecentContextStore } from './testing/in-memory-recent-context-store.js';
import { ManualRevokedCredentials } from './testing/manual-revoked-credentials.js';
import { RecordingInstanceRegistry } from './testing/recording-instance-registry.js';
import { RecordingSseStream } from './testing/recording-sse-stream.js';
import { RevocableSdkKeys } from './testing/revocable-sdk-keys.js';

function setup(options: { redisUrl?: string } = {}) {
  const source = new InMemoryDeliverySource();
  source.addEnvironment('prod', { version: 1, flags: { a: flagFixture('a', true) }, segments: {} });
  const committed = new ManualCommittedChanges();
  const registry = new RecordingInstanceRegistry();
  const health = new HealthIndicatorRegistry();
  const warnings: string[] = [];
  const delivery: Delivery = composeDelivery(
    { heartbeatMs: 60_000, pollMs: 60_000, changeLogPruneIntervalMs: 60_000, nodeId: 'node-1', ...options },
    {
      source,
      committedChanges: committed,
      sdkKeys: new RevocableSdkKeys(),
      revokedCredentials: new ManualRevokedCredentials(),
      proposals: new FixedConfigProposals(flagFixture('a', true)),
      changeLog: new ControlledChangeLogPruner(0),
      instances: registry,
      recentContexts: new InMemoryRecentContextStore(),
      activity: new InMemoryFlagActivityStore(),
      activityFlags: new FixedActivityFlags({}),
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
