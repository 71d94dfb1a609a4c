import { StreamHub } from '@switchyard/delivery';
import { admin, createBooleanFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually, within } from './support/wait.js';

// The change log is pruned in the background to its newest KEEP versions (and to an hour), a resume is never
// longer than a snapshot, and one SDK key holds at most MAX_STREAMS streams on a node.
const KEEP = 6;
const MAX_STREAMS = 2;
let node: StartedApp;
let sdkKey: string;
let otherKey: string;
const open: AbortController[] = [];

/** Opens a stream and reads its first event; the stream stays open until `closeAll`. */
async function firstEvent(
  key: string,
  lastEventId?: number,
): Promise<{ status: number; event?: string; id?: number; body?: any }> {
  const controller = new AbortController();
  open.push(controller);
  const response = await fetch(`${node.baseUrl}/sdk/v1/stream`, {
    headers: {
      authorization: `Bearer ${key}`,
      ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
    },
    signal: controller.signal,
  });
  if (response.status !== 200) return { status: response.status, body: await response.json() };
  const reader = response.body!.getReader();
  const read = async (): Promise<string | undefined> => {
    let text = '';
    while (!/^event: .*\n\n/s.test(text.replace(/^(: heartbeat\n\n)+/, ''))) {
      const { done, value } = await reader.read();
      if (done) return undefined;
      text += new TextDecoder().decode(value);
    }
    return text;
  };
  const text = await within(read(), 'the first event of the stream');
  if (text === undefined) return { status: 200 };
  const frame = text.replace(/^(: heartbeat\n\n)+/, '').split('\n\n')[0]!;
  const fields = Object.fromEntries(
    frame.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
  return { status: 200, event: fields['event'], id: Number(fields['id']) };
}

const closeAll = async () => {
  for (const controller of open.splice(0)) controller.abort();
  await streamsOpen(0);
};
/** Resolves once the node counts `count` open streams (closed ones leave when the server sees the abort). */
const streamsOpen = (count: number) =>
  eventually(
    `${count} open streams on the node`,
    async () => node.app.get(StreamHub).streamCount,
    (open) => open === count,
  );
/** The first event of a resume, the stream closed again (so the key's cap is not in the way). */
const resume = async (lastEventId: number, key = sdkKey) => {
  const first = await firstEvent(key, lastEventId);
  await closeAll();
  return first;
};
const versions = async (): Promise<number[]> =>
  (
    (await node.database.dataSource.query(
      `SELECT c.version FROM change_log c JOIN environments e ON e.id = c.environment_id JOIN projects p ON p.id = e.project_id
    WHERE p.key = 'shop' ORDER BY c.version`,
    )) as Array<{ version: string }>
  ).map((row) => Number(row.version));
const toggle = (on: boolean, project = 'shop') =>
  admin(node, 'POST', `/projects/${project}/environments/prod/flags/checkout/toggle`, { on });
const currentVersion = async (key = sdkKey): Promise<number> =>
  (await node.request('GET', '/sdk/v1/snapshot', { token: key })).body.version;
/** Waits for the background pruning (every 50 ms) to bring the log to `expected`. */
const prunedTo = async (expected: number[]) => {
  await eventually(
    `the change log pruned to versions ${expected.join(',')}`,
    versions,
    (current) => JSON.stringify(current) === JSON.stringify(expected),
  );
};
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

beforeAll(async () => {
  node = await startApp({
    env: {
      CHANGE_LOG_RETENTION_VERSIONS: String(KEEP),
      CHANGE_LOG_RETENTION_MS: '3600000',
      CHANGE_LOG_PRUNE_INTERVAL_MS: '100',
      SSE_MAX_STREAMS_PER_KEY: String(MAX_STREAMS),
      SSE_HEARTBEAT_MS: '1000',
    },
  });
  sdkKey = await seedEnvironment(node, 'shop', 'prod');
  otherKey = await seedEnvironment(node, 'other', 'prod');
  await createBooleanFlag(node, 'checkout');
  // shop's snapshot is much longer than a few patches of one flag: there, only pruning explains a snapshot.
  for (let i = 0; i < 20; i += 1)
    await admin(node, 'POST', '/projects/shop/flags', { key: `filler-${i}`, name: `filler ${i}`, type: 'boolean' });
  await createBooleanFlag(node, 'checkout', 'other');
}, 180_000);

afterEach(closeAll);

afterAll(async () => {
  await node?.close();
});

describe('change-log retention', () => {
  it('prunes the log to its newest versions in the background; a resume from before it gets a snapshot', async () => {
    for (let i = 0; i < 10; i += 1) await toggle(i % 2 === 1);
    const version = await currentVersion();
    await prunedTo(range(version - KEEP + 1, version));
    expect(await resume(version - KEEP - 1)).toMatchObject({ status: 200, event: 'snapshot', id: version });
    expect(await resume(version - KEEP)).toMatchObject({ status: 200, event: 'patch', id: version - KEEP + 1 });
    expect(await resume(version - 1)).toMatchObject({ status: 200, event: 'patch', id: version });
  });

  it('prunes rows older than CHANGE_LOG_RETENTION_MS, whatever their version', async () => {
    const version = await currentVersion();
    await node.database.dataSource.query(
      `UPDATE change_log c SET created_at = now() - interval '2 hours' FROM environments e, projects p
      WHERE e.id = c.environment_id AND p.id = e.project_id AND p.key = 'shop' AND c.version <= $1`,
      [version - 2],
    );
    await prunedTo([version - 1, version]);
    expect(await resume(version - 3)).toMatchObject({ event: 'snapshot', id: version });
  });
});

describe('resume', () => {
  it('sends a fresh snapshot when the replay would be longer than the snapshot, and the patches otherwise', async () => {
    for (let i = 0; i < 4; i += 1) await toggle(i % 2 === 1, 'other');
    const version = await currentVersion(otherKey);
    // In "other", four patches of its one flag are longer than the snapshot that holds it once; all are in the log.
    expect(await resume(version - 4, otherKey)).toMatchObject({ event: 'snapshot', id: version });
    expect(await resume(version - 1, otherKey)).toMatchObject({ event: 'patch', id: version });
    expect(await resume(version, otherKey)).toMatchObject({ event: 'resumed', id: version });
  });
});

describe('per-key stream cap', () => {
  it('answers 429 with a clear message beyond SSE_MAX_STREAMS_PER_KEY, leaves other keys alone, and frees a closed slot', async () => {
    for (let i = 0; i < MAX_STREAMS; i += 1) expect((await firstEvent(sdkKey)).status).toBe(200);
    const refused = await firstEvent(sdkKey);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED', maxStreamsPerKey: MAX_STREAMS });
    expect(refused.body.error.message).toMatch(/already has 2 streams open on this node \(SSE_MAX_STREAMS_PER_KEY\)/);
    expect((await firstEvent(otherKey)).status).toBe(200);
    open.shift()!.abort();
    await streamsOpen(MAX_STREAMS);
    expect((await firstEvent(sdkKey)).status).toBe(200);
    expect((await firstEvent(sdkKey)).status).toBe(429);
  });
});
