import { InProcessChangeBus } from '../bus/in-process-change-bus.js';
import { flagFixture, InMemoryDeliverySource } from '../testing/in-memory-delivery-source.js';
import { SnapshotCache } from './snapshot-cache.js';

let source: InMemoryDeliverySource;
let bus: InProcessChangeBus;
let cache: SnapshotCache;

beforeEach(() => {
  source = new InMemoryDeliverySource();
  source.addEnvironment('prod', { version: 7, flags: { a: flagFixture('a', true) }, segments: {} });
  bus = new InProcessChangeBus();
  cache = new SnapshotCache(source, bus, 60_000);
});

describe('SnapshotCache', () => {
  it('serialises a snapshot once with its version as ETag and serves it from memory', async () => {
    const first = await cache.get('prod');
    const second = await cache.get('prod');
    expect(first).toMatchObject({ version: 7, etag: '"7"' });
    expect(JSON.parse(first!.body)).toEqual(source.snapshots.get('prod'));
    expect(second).toBe(first);
    expect(source.reads).toBe(1);
  });

  it('reloads after a change for the environment arrives on the bus', async () => {
    await cache.get('prod');
    await bus.publish(source.commit('prod', { a: null }));
    expect((await cache.get('prod'))!.version).toBe(8);
  });

  it('serves the last snapshot while the database is down', async () => {
    await cache.get('prod');
    cache.invalidate('prod');
    source.failing = true;
    await expect(cache.get('prod')).resolves.toMatchObject({ version: 7 });
  });

  it('fails when the database is down and the environment was never loaded', async () => {
    source.failing = true;
    await expect(cache.get('prod')).rejects.toThrow('database down');
  });

  it('answers null for an unknown environment', async () => {
    await expect(cache.get('nope')).resolves.toBeNull();
  });
});
