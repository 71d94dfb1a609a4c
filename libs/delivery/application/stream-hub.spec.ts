import { jest } from '@jest/globals';
import { InProcessChangeBus } from '../bus/in-process-change-bus.js';
import { HEARTBEAT_FRAME, sseFrames } from '../transport/sse-frames.js';
import { flagFixture, InMemoryDeliverySource } from '../testing/in-memory-delivery-source.js';
import { RecordingSseStream as FakeStream } from '../testing/recording-sse-stream.js';
import { RevocableSdkKeys } from '../testing/revocable-sdk-keys.js';
import { StreamHub } from './stream-hub.js';

let source: InMemoryDeliverySource;
let bus: InProcessChangeBus;
let keys: RevocableSdkKeys;
let hub: StreamHub;

beforeEach(() => {
  source = new InMemoryDeliverySource();
  source.addEnvironment('prod', { version: 3, flags: { a: flagFixture('a', true) }, segments: {} });
  source.addEnvironment('dev');
  for (let i = 0; i < 3; i += 1) source.logs.get('prod')!.push({ version: i + 1, flags: {} });
  bus = new InProcessChangeBus();
  keys = new RevocableSdkKeys();
  hub = new StreamHub(source, bus, keys, sseFrames, {
    heartbeatMs: 20,
    catchUpMs: 20,
    safetyCatchUpMs: 20,
    revalidateMs: 20,
  });
});

afterEach(() => hub.shutdown());

describe('StreamHub', () => {
  it('sends a new stream the snapshot first, with the version as event id', async () => {
    const stream = new FakeStream('prod');
    await hub.open(stream);
    expect(stream.events()).toEqual([{ event: 'snapshot', id: '3', data: source.snapshots.get('prod') }]);
  });

  it('writes the same serialised patch to every stream of the environment and none to others', async () => {
    const [one, two, other] = [new FakeStream('prod'), new FakeStream('prod'), new FakeStream('dev')];
    await Promise.all([hub.open(one), hub.open(two), hub.open(other)]);
    await bus.publish(source.commit('prod', { a: flagFixture('a', false, 2) }));
    await Promise.all([one, two].map((stream) => stream.until((s) => s.frames.length === 2, 'patch on every stream')));
    expect(one.frames[1]).toBe(two.frames[1]);
    expect(one.events()[1]).toEqual({
      event: 'patch',
      id: '4',
      data: { version: 4, flags: { a: flagFixture('a', false, 2) } },
    });
    expect(other.frames).toHaveLength(1);
  });

  it('ignores a change it already sent', async () => {
    const stream = new FakeStream('prod');
    await hub.open(stream);
    const change = source.commit('prod', { a: null });
    await hub.receive(change);
    await hub.receive(change);
    expect(stream.events().map((event) => event.id)).toEqual(['3', '4']);
  });

  it('catches up from the change log, in order, when versions were skipped', async () => {
    const stream = new FakeStream('prod');
    await hub.open(stream);
    source.commit('prod', { b: flagFixture('b', true) });
    source.commit('prod', { c: flagFixture('c', true) });
    await hub.receive(source.commit('prod', { d: flagFixture('d', true) }));
    expect(stream.events().map((event) => `${event.event}:${event.id}`)).toEqual([
      'snapshot:3',
      'patch:4',
      'patch:5',
      'patch:6',
    ]);
  });

  it('sends a fresh snapshot when the change log cannot cover a gap', async () => {
    const stream = new FakeStream('prod');
    await hub.open(stream);
    source.commit('prod', { b: flagFixture('b', true) });
    source.truncatedBelow = 10;
    await hub.receive(source.commit('prod', { c: flagFixture('c', true) }));
    expect(stream.events().map((event) => `${event.event}:${event.id}`)).toEqual(['snapshot:3', 'snapshot:5']);
  });

  it('resumes a stream from Last-Event-ID with only the patches it missed', async () => {
    source.commit('prod', { b: flagFixture('b', true) });
    const stream = new FakeStream('prod');
    await hub.open(stream, 2);
    expect(stream.events().map((event) => `${event.event}:${event.id}`)).toEqual(['patch:3', 'patch:4']);
  });

  it('tells a resuming stream that is up to date that nothing was missed', async () => {
    const stream = new FakeStream('prod');
    await hub.open(stream, 3);
    expect(stream.events()).toEqual([{ event: 'resumed', id: '3', data: { version: 3 } }]);
  });

  it('sends a snapshot to a resuming stream whose patches are gone or whose version is unknown', async () => {
    source.truncatedBelow = 2;
    const old = new FakeStream('prod');
    const future = new FakeStream('prod');
    await hub.open(old, 1);
    await hub.open(future, 99);
    expect(old.events()[0]!.event).toBe('snapshot');
    expect(future.events()[0]!.event).toBe('snapshot');
  });

  it('keeps streaming from memory when the database fails, and catches up once it is back', async () => {
    const stream = new FakeStream('prod');
    await hub.open(stream);
    source.failing = true;
    source.commit('prod', {});
    await hub.receive(source.commit('prod', { y: flagFixture('y', true) }));
    expect(stream.events()).toHaveLength(1);
    source.failing = false;
    await hub.catchUpAll();
    expect(stream.events().map((event) => event.id)).toEqual(['3', '4', '5']);
  });

  it('ends every stream at shutdown', async () => {
    const stream = new FakeStream('prod');
    await hub.open(stream);
    hub.shutdown();
    expect(stream.ended).toBe(true);
  });
});

describe('StreamHub timers', () => {
  // Fake clocks: each timer fires exactly when its interval is up, never earlier, whatever the machine's load.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  const startHub = (timings: Partial<ConstructorParameters<typeof StreamHub>[4]>) => {
    hub.shutdown();
    hub = new StreamHub(source, bus, keys, sseFrames, {
      heartbeatMs: 60_000,
      catchUpMs: 60_000,
      safetyCatchUpMs: 60_000,
      revalidateMs: 60_000,
      ...timings,
    });
    hub.start();
  };

  it('writes a heartbeat comment to an idle stream every heartbeat interval, and nothing else', async () => {
    startHub({ heartbeatMs: 50 });
    const stream = new FakeStream('prod');
    await hub.open(stream);
    const heartbeats = () => stream.frames.filter((frame) => frame === HEARTBEAT_FRAME).length;
    await jest.advanceTimersByTimeAsync(49);
    expect(heartbeats()).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(heartbeats()).toBe(1);
    await jest.advanceTimersByTimeAsync(100);
    expect(heartbeats()).toBe(3);
    expect(stream.frames).toEqual([stream.frames[0], HEARTBEAT_FRAME, HEARTBEAT_FRAME, HEARTBEAT_FRAME]);
    expect(stream.events().map((event) => `${event.event}:${event.id}`)).toEqual(['snapshot:3']);
  });

  it('polls the change log and delivers a change the bus never carried', async () => {
    startHub({ catchUpMs: 100, safetyCatchUpMs: 100 });
    const stream = new FakeStream('prod');
    await hub.open(stream);
    source.commit('prod', { z: flagFixture('z', true) });
    await jest.advanceTimersByTimeAsync(99);
    expect(stream.events()).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    await stream.until((s) => s.events().length === 2, 'patch from the change-log poll');
    expect(stream.events()[1]).toEqual({
      event: 'patch',
      id: '4',
      data: { version: 4, flags: { z: flagFixture('z', true) } },
    });
  });

  it('closes the streams of a revoked SDK key at the next re-check and keeps the others', async () => {
    startHub({ revalidateMs: 100 });
    const revoked = new FakeStream('prod', 'sdk_revoked');
    const kept = new FakeStream('prod');
    await Promise.all([hub.open(revoked), hub.open(kept)]);
    keys.revoked.add('sdk_revoked');
    await jest.advanceTimersByTimeAsync(99);
    expect(revoked.ended).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await revoked.until((s) => s.ended, 'end of the revoked stream');
    expect(kept.ended).toBe(false);
    expect(hub.streamCount).toBe(1);
  });
});

describe('StreamHub bookkeeping', () => {
  it('never registers a stream whose client left while its first events were being prepared', async () => {
    const stream = new FakeStream('prod');
    const opening = hub.open(stream, 1);
    hub.close(stream);
    await opening;
    expect(hub.streamCount).toBe(0);
  });

  it('writes the first events of a stream before any heartbeat', async () => {
    hub.shutdown();
    hub = new StreamHub(source, bus, keys, sseFrames, {
      heartbeatMs: 1,
      catchUpMs: 1000,
      safetyCatchUpMs: 1000,
      revalidateMs: 1000,
    });
    hub.start();
    const other = new FakeStream('prod');
    await hub.open(other);
    const stream = new FakeStream('prod');
    await hub.open(stream, 1);
    expect(stream.frames[0]).toMatch(/^event: patch\nid: 2\n/);
  });

  it('answers a resume whose replay would be longer than the snapshot with the snapshot', async () => {
    for (let i = 0; i < 5; i += 1) source.commit('prod', { a: flagFixture('a', i % 2 === 0, i + 2) });
    const far = new FakeStream('prod');
    await hub.open(far, 3);
    expect(far.events().map((event) => event.event)).toEqual(['snapshot']);
    expect(far.events()[0]!.data).toEqual(source.snapshots.get('prod'));
    const near = new FakeStream('prod');
    await hub.open(near, 7);
    expect(near.events().map((event) => [event.event, event.id])).toEqual([['patch', '8']]);
  });

  it('refuses a stream beyond the per-key cap, counts keys apart, and frees a slot when a stream closes', async () => {
    hub = new StreamHub(source, bus, keys, sseFrames, {
      heartbeatMs: 20,
      catchUpMs: 20,
      safetyCatchUpMs: 20,
      revalidateMs: 20,
      maxStreamsPerKey: 2,
    });
    const [one, two] = [new FakeStream('prod', 'sdk_a'), new FakeStream('dev', 'sdk_a')];
    await hub.open(one);
    await hub.open(two);
    await hub.open(two);
    const third = new FakeStream('prod', 'sdk_a');
    expect(() => hub.admit(third)).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED', message: expect.stringMatching(/already has 2 streams open/) }),
    );
    await expect(hub.open(third)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(third.frames).toEqual([]);
    await hub.open(new FakeStream('prod', 'sdk_b'));
    hub.close(one);
    hub.close(one);
    await hub.open(third);
    expect(third.events()[0]!.event).toBe('snapshot');
    expect(() => hub.admit(new FakeStream('prod', 'sdk_a'))).toThrow(/already has 2 streams/);
  });
});
