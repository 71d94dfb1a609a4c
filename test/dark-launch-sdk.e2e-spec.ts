import { createClient, DURATION_BUCKETS_MS, type SwitchyardClient } from '@switchyard/sdk';
import {
  DURATION_BUCKETS_MS as SERVICE_BUCKETS,
  GetDarkLaunchFigures,
  RecordDarkLaunches,
} from '@switchyard/darklaunch';
import { createDarkLaunchFlag } from '@switchyard/darklaunch/testing';
import { seedEnvironment } from '@switchyard/delivery/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually, within } from './support/wait.js';

// darkLaunch end to end (issue 12, the SDK half): the real service and the real SDK over HTTP. Shadow mode never
// changes what the caller gets, whatever the candidate does (throws, rejects, hangs, differs, is slower): shown
// by ordering (the caller's promise settles while the candidate is still pending), never by wall-clock asserts.
// The figures travel in the SDK's event batches, which the service accepts and keeps.
let app: StartedApp;
let sdkKey: string;
const clients: SwitchyardClient[] = [];
const posted: Array<{ body: Record<string, unknown>; status: number }> = [];

const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (String(input).endsWith('/sdk/v1/events')) {
    posted.push({ body: JSON.parse(String(init?.body)) as Record<string, unknown>, status: response.status });
  }
  return response;
};

async function client(appName: string): Promise<SwitchyardClient> {
  const created = createClient({
    sdkKey,
    baseUrl: app.baseUrl,
    appName,
    initialRetryDelayMs: 20,
    fetch: recordingFetch,
  });
  clients.push(created);
  await created.waitUntilReady({ timeoutMs: 10_000 });
  return created;
}

type Report = {
  flag: string;
  modes: Record<string, number>;
  shadow: Record<string, number>;
  live: Record<string, number>;
  paths: unknown[];
  samples: unknown[];
};
/** Every dark-launch report of `flag` the SDKs posted and the service accepted. */
const accepted = (flag: string) =>
  posted
    .filter((post) => post.status === 202)
    .flatMap((post) => (post.body['darkLaunches'] as Report[] | undefined) ?? [])
    .filter((report) => report.flag === flag);
const sum = (reports: Report[], part: 'modes' | 'shadow' | 'live', field: string) =>
  reports.reduce((total, report) => total + report[part][field]!, 0);

/** Resolves when `sdk` serves `variant` for the flag (checked on every change it applies). */
function serves(sdk: SwitchyardClient, flag: string, variant: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (sdk.getString(flag, { key: 'user-1' }, '') !== variant) return;
      sdk.off('changed', check);
      resolve();
    };
    sdk.on('changed', check);
    check();
  });
}

beforeAll(async () => {
  app = await startApp();
  sdkKey = await seedEnvironment(app);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.splice(0).map((sdk) => sdk.close()));
  await app?.close();
});

describe('darkLaunch, end to end', () => {
  it('the SDK and the service use the same duration buckets', () => {
    expect([...DURATION_BUCKETS_MS]).toEqual([...SERVICE_BUCKETS]);
  });

  it('shadow: the caller gets control whatever the candidate does, before the candidate settles; the figures reach the service', async () => {
    await createDarkLaunchFlag(app, 'pricing', 'shadow');
    const sdk = await client('pricing-app');
    await serves(sdk, 'pricing', 'shadow');
    const control = async () => ({ total: 30, items: [{ price: 10 }, { price: 20 }] });
    /** A candidate the test settles by hand, after the caller has its answer. */
    const held = <T>() => {
      let release!: (value: T) => void;
      let fail!: (error: Error) => void;
      const promise = new Promise<T>((resolve, reject) => ((release = resolve), (fail = reject)));
      return { promise, release, fail, started: false };
    };
    const different = held<object>();
    const rejecting = held<object>();
    const slowSame = held<object>();
    const run = (key: string, candidate: () => unknown) =>
      sdk.darkLaunch(
        'pricing',
        { key },
        { control, candidate: candidate as () => ReturnType<typeof control>, timeoutMs: 3_000 },
      );

    const answers = await Promise.all([
      run('user-throws', () => {
        throw new Error('candidate bug');
      }),
      run('user-hangs', () => new Promise(() => undefined)),
      run('user-differs', () => ((different.started = true), different.promise)),
      run('user-rejects', () => ((rejecting.started = true), rejecting.promise)),
      run('user-slow', () => ((slowSame.started = true), slowSame.promise)),
    ]);
    // Every caller has control's answer while three candidates are still pending (started, not settled).
    expect(answers).toEqual(Array(5).fill({ total: 30, items: [{ price: 10 }, { price: 20 }] }));
    expect([different.started, rejecting.started, slowSame.started]).toEqual([true, true, true]);
    different.release({ total: 31, items: [{ price: 10 }, { price: 21 }] });
    rejecting.fail(new Error('candidate rejected'));
    slowSame.release({ total: 30, items: [{ price: 10 }, { price: 20 }] });

    const reports = await eventually(
      'the reports of the 5 shadow runs, accepted',
      async () => accepted('pricing'),
      (list) =>
        sum(list, 'shadow', 'timeouts') === 1 &&
        sum(list, 'shadow', 'compared') === 2 &&
        sum(list, 'shadow', 'candidateErrors') === 2,
      { timeoutMs: 15_000 },
    );
    expect(sum(reports, 'modes', 'shadow')).toBe(5);
    expect(sum(reports, 'shadow', 'matches')).toBe(1);
    expect(sum(reports, 'shadow', 'mismatches')).toBe(1);
    expect(reports.flatMap((report) => report.paths)).toEqual([
      { path: '$.total', count: 1, noise: false },
      { path: '$.items[1].price', count: 1, noise: false },
    ]);
    expect(reports.flatMap((report) => report.samples)).toEqual([
      { path: '$.total', contextKey: 'user-differs', control: '30', candidate: '31' },
    ]);

    await app.app.get(RecordDarkLaunches).flush();
    const [environment] = (await app.database.dataSource.query('SELECT id FROM environments')) as Array<{ id: string }>;
    const figures = await app.app
      .get(GetDarkLaunchFigures)
      .execute({ environmentId: environment!.id, flagKey: 'pricing', since: new Date(Date.now() - 3_600_000) });
    expect(figures).toMatchObject({ compared: 2, matches: 1, mismatches: 1, candidateErrors: 2, timeouts: 1 });
  }, 60_000);

  it('shadow with a sync control: the value is returned before the candidate starts', async () => {
    await createDarkLaunchFlag(app, 'totals', 'shadow');
    const sdk = await client('totals-app');
    await serves(sdk, 'totals', 'shadow');
    const order: string[] = [];
    const started = new Promise<void>((resolve) => {
      const value = sdk.darkLaunch(
        'totals',
        { key: 'user-1' },
        {
          control: () => (order.push('control'), 42),
          candidate: () => (order.push('candidate'), resolve(), 43),
        },
      );
      order.push(`caller got ${value}`);
    });
    await within(started, 'the candidate ran');
    expect(order).toEqual(['control', 'caller got 42', 'candidate']);
  });

  it('live: serves the candidate under the flag breaker; a failing candidate trips it, the service kills the flag, and control alone runs', async () => {
    await createDarkLaunchFlag(app, 'search-v2', 'live');
    const sdk = await client('search-app');
    await serves(sdk, 'search-v2', 'live');
    let failing = false;
    let candidates = 0;
    const options = {
      control: () => 'old search',
      candidate: () => {
        candidates += 1;
        if (failing) throw new Error('new search down');
        return 'new search';
      },
    };
    const call = () => sdk.darkLaunch('search-v2', { key: 'user-1' }, options);
    for (let i = 0; i < 10; i++) expect(call()).toBe('new search');
    failing = true;
    for (let i = 0; i < 10; i++) expect(call()).toBe('old search');
    expect(candidates).toBe(20);
    await within(serves(sdk, 'search-v2', 'off'), 'the service killed the flag after the trip', 15_000);
    expect(call()).toBe('old search');
    expect(candidates).toBe(20);
    const reports = await eventually(
      'the live and off calls, reported',
      async () => accepted('search-v2'),
      (list) => sum(list, 'modes', 'off') === 1,
      { timeoutMs: 15_000 },
    );
    expect(sum(reports, 'modes', 'live')).toBe(20);
    expect(sum(reports, 'live', 'calls')).toBe(20);
    expect(sum(reports, 'live', 'failures')).toBe(10);
  }, 60_000);
});
