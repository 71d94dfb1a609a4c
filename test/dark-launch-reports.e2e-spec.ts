import { RecordDarkLaunches } from '@switchyard/darklaunch';
import { createBooleanFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { createDarkLaunchFlag, histogram } from '@switchyard/darklaunch/testing';
import { startApp, type StartedApp } from './support/start-app.js';

// Dark-launch reports in the SDK's event batch (HELPERS.md "Shared contracts"): a valid batch is kept per flag
// and minute; a bad item refuses the whole batch with 400 naming the field, and nothing is written.
let node: StartedApp;
let shopKey: string;

const instance = { id: 'i-dark', appName: 'dark-e2e', sdkVersion: '1.0.0' };
const post = (body: unknown) => node.request('POST', '/sdk/v1/events', { token: shopKey, body });

function report(flag: string, overrides: Record<string, unknown> = {}) {
  return {
    flag,
    windowStart: new Date().toISOString(),
    windowMs: 2000,
    modes: { off: 1, shadow: 8, live: 1 },
    shadow: { compared: 6, matches: 4, mismatches: 2, ignored: 1, candidateErrors: 1, timeouts: 1, skipped: 0 },
    live: { calls: 1, failures: 0 },
    controlMs: histogram({ 4: 9 }),
    candidateMs: histogram({ 6: 7 }),
    paths: [{ path: '$.items[2].price', count: 2, noise: false }],
    samples: [{ path: '$.items[2].price', contextKey: 'user-1', control: '10', candidate: '11' }],
    ...overrides,
  };
}

const rows = async (table: string, flag: string) =>
  (await node.database.dataSource.query(`SELECT * FROM ${table} WHERE flag_key = $1`, [flag])) as Array<
    Record<string, unknown>
  >;
const flushed = () => node.app.get(RecordDarkLaunches).flush();

beforeAll(async () => {
  node = await startApp();
  shopKey = await seedEnvironment(node, 'shop', 'prod');
  await createDarkLaunchFlag(node, 'search-v2');
  await createBooleanFlag(node, 'checkout');
}, 30_000);

afterAll(async () => {
  await node?.close();
});

describe('POST /sdk/v1/events with darkLaunches', () => {
  it('keeps the reports of a dark-launch flag: counters, histograms, paths and samples add up', async () => {
    expect((await post({ instance, darkLaunches: [report('search-v2')] })).status).toBe(202);
    expect((await post({ instance: { ...instance, id: 'i-2' }, darkLaunches: [report('search-v2')] })).status).toBe(
      202,
    );
    await flushed();
    const minutes = await rows('dark_launch_buckets', 'search-v2');
    const summed = minutes.reduce((sum, row) => sum + Number(row.mismatches), 0);
    expect(summed).toBe(4);
    expect(minutes.reduce((sum, row) => sum + Number((row.candidate_ms as string[])[6]), 0)).toBe(14);
    const paths = await rows('dark_launch_paths', 'search-v2');
    expect(paths.reduce((sum, row) => sum + Number(row.count), 0)).toBe(4);
    expect((await rows('dark_launch_samples', 'search-v2')).map((row) => row.context_key)).toEqual([
      'user-1',
      'user-1',
    ]);
  });

  it('counts a dark launch created a moment after the node read the environment, from its first report', async () => {
    expect((await post({ instance, darkLaunches: [report('search-v2')] })).status).toBe(202); // the node reads the flags
    await createDarkLaunchFlag(node, 'brand-new');
    expect((await post({ instance, darkLaunches: [report('brand-new')] })).status).toBe(202);
    await flushed();
    const buckets = await rows('dark_launch_buckets', 'brand-new');
    expect(buckets.reduce((sum, row) => sum + Number(row.mode_shadow), 0)).toBe(8);
  });

  it('keeps nothing for a flag that is not a dark launch, or that the environment does not have', async () => {
    const answer = await post({ instance, darkLaunches: [report('checkout'), report('made-up')] });
    expect(answer.status).toBe(202);
    await flushed();
    expect(await rows('dark_launch_buckets', 'checkout')).toEqual([]);
    expect(await rows('dark_launch_buckets', 'made-up')).toEqual([]);
  });

  const refused: Array<[string, unknown, string]> = [
    ['a report that is a list', [[]], 'darkLaunches'],
    ['a missing flag', [{ ...report('x'), flag: undefined }], 'darkLaunches.0.flag'],
    [
      'an empty path',
      [report('search-v2', { paths: [{ path: '', count: 1, noise: false }] })],
      'darkLaunches.0.paths.0.path',
    ],
    [
      'a histogram one bucket short',
      [report('search-v2', { controlMs: histogram().slice(1) })],
      'darkLaunches.0.controlMs',
    ],
    [
      'a negative histogram count',
      [report('search-v2', { candidateMs: [-1, ...histogram().slice(1)] })],
      'darkLaunches.0.candidateMs',
    ],
    [
      'a fractional count',
      [report('search-v2', { modes: { off: 0.5, shadow: 0, live: 0 } })],
      'darkLaunches.0.modes.off',
    ],
    ['missing shadow outcomes', [report('search-v2', { shadow: undefined })], 'darkLaunches.0.shadow'],
    ['a window of zero', [report('search-v2', { windowMs: 0 })], 'darkLaunches.0.windowMs'],
    [
      'a window start that is no date',
      [report('search-v2', { windowStart: 'yesterday' })],
      'darkLaunches.0.windowStart',
    ],
    [
      '51 paths',
      [
        report('search-v2', {
          paths: Array.from({ length: 51 }, (_, i) => ({ path: `$.p${i}`, count: 1, noise: false })),
        }),
      ],
      'darkLaunches.0.paths',
    ],
    [
      '6 samples',
      [report('search-v2', { samples: Array.from({ length: 6 }, () => report('x').samples[0]) })],
      'darkLaunches.0.samples',
    ],
    [
      'a sample value that is no string',
      [report('search-v2', { samples: [{ ...report('x').samples[0], control: 10 }] })],
      'darkLaunches.0.samples.0.control',
    ],
    ['a NUL in the flag name', [report('search-v2\u0000')], 'darkLaunches.0.flag'],
    ['201 reports', Array.from({ length: 201 }, () => report('search-v2')), 'darkLaunches'],
  ];

  it.each(refused)('refuses %s with 400 naming the field', async (_name, darkLaunches, field) => {
    const answer = await post({ instance, darkLaunches });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it("cuts over-long text from the host's data (a deep path, a long value) instead of refusing the batch", async () => {
    const deep = `$${'.level'.repeat(100)}`;
    const answer = await post({
      instance,
      darkLaunches: [
        report('search-v2', {
          paths: [{ path: deep, count: 1, noise: false }],
          samples: [{ path: '$.name', contextKey: 'user-long', control: 'x'.repeat(300), candidate: '"y"' }],
        }),
      ],
    });
    expect(answer.status).toBe(202);
    await flushed();
    const paths = (await rows('dark_launch_paths', 'search-v2')).map((row) => row.path as string);
    expect(paths).toContain(`${deep.slice(0, 499)}…`);
    const [sample] = (await node.database.dataSource.query(
      `SELECT * FROM dark_launch_samples WHERE context_key = 'user-long'`,
    )) as Array<Record<string, string>>;
    expect(sample!.control).toBe(`${'x'.repeat(255)}…`);
  });

  it('writes nothing for a refused batch, even its valid reports', async () => {
    await flushed();
    const before = (await rows('dark_launch_buckets', 'search-v2')).reduce(
      (sum, row) => sum + Number(row.mode_shadow),
      0,
    );
    for (const [, darkLaunches] of refused)
      expect(
        (await post({ instance, darkLaunches: [report('search-v2'), ...(darkLaunches as unknown[])] })).status,
      ).toBe(400);
    await flushed();
    const after = (await rows('dark_launch_buckets', 'search-v2')).reduce(
      (sum, row) => sum + Number(row.mode_shadow),
      0,
    );
    expect(after).toBe(before);
    // The same report, alone, is counted: the comparison above can see a count.
    expect((await post({ instance, darkLaunches: [report('search-v2')] })).status).toBe(202);
    await flushed();
    expect(
      (await rows('dark_launch_buckets', 'search-v2')).reduce((sum, row) => sum + Number(row.mode_shadow), 0),
    ).toBe(before + 8);
  });
});

describe('GET …/flags/:flag/dark-launch', () => {
  const path = (flag: string, window?: string) =>
    `/api/projects/shop/environments/prod/flags/${flag}/dark-launch${window ? `?window=${window}` : ''}`;

  beforeAll(async () => {
    await createDarkLaunchFlag(node, 'pricing-v3');
    expect((await post({ instance, darkLaunches: [report('pricing-v3'), report('pricing-v3')] })).status).toBe(202);
    await flushed();
  });

  it('reports the window: figures, a series, ranked paths and samples (viewer role)', async () => {
    const viewer = (await node.request('POST', '/api/tokens', { body: { name: 'viewer', role: 'viewer' } })).body
      .token as string;
    const answer = await node.request('GET', path('pricing-v3', '5m'), { token: viewer });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      darkLaunch: true,
      window: '5m',
      stepMs: 10_000,
      figures: {
        runs: 2 * (6 + 1 + 1 + 1),
        compared: 12,
        mismatches: 4,
        mismatchRate: 4 / 12,
        candidateErrorRate: 2 / 16,
        liveFailureRate: 0,
        calls: { off: 2, shadow: 16, live: 2 },
        control: { p99: { ms: 1, above: false } },
        candidate: { p99: { ms: 5, above: false } },
        p99Ratio: 5,
      },
      paths: [{ path: '$.items[2].price', count: 4, noise: false, share: 1 }],
      noisePaths: [],
    });
    expect(answer.body.series).toHaveLength(30);
    expect(answer.body.series.reduce((sum: number, p: { mismatches: number }) => sum + p.mismatches, 0)).toBe(4);
    expect(answer.body.samples).toHaveLength(2);
    expect(answer.body.samples[0]).toMatchObject({ contextKey: 'user-1', control: '10', candidate: '11' });
  });

  it('defaults to the last hour, and refuses another window with 400 naming it', async () => {
    expect((await node.request('GET', path('pricing-v3'))).body.window).toBe('1h');
    const answer = await node.request('GET', path('pricing-v3', '2h'));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.map((f: { path: string }) => f.path)).toContain('window');
  });

  it('answers 404 for an unknown flag, 401 without a token, and says when a flag is not a dark launch', async () => {
    expect((await node.request('GET', path('no-such-flag'))).status).toBe(404);
    expect((await node.request('GET', path('pricing-v3'), { token: null })).status).toBe(401);
    const checkout = await node.request('GET', path('checkout'));
    expect(checkout.status).toBe(200);
    expect(checkout.body.darkLaunch).toBe(false);
  });

  it('exposes switchyard_dark_launch_* counters on /metrics', async () => {
    const text = (await node.request('GET', '/metrics', { token: null })).body as string;
    const line = (series: string) =>
      text.split('\n').find((l) => l.startsWith(series) && l.includes('flag="pricing-v3"'));
    expect(line('switchyard_dark_launch_shadow_total{')).toBeDefined();
    expect(text).toMatch(/switchyard_dark_launch_shadow_total\{[^}]*flag="pricing-v3"[^}]*outcome="mismatch"[^}]*\} 4/);
    expect(text).toMatch(/switchyard_dark_launch_calls_total\{[^}]*flag="pricing-v3"[^}]*mode="shadow"[^}]*\} 16/);
    expect(text).not.toMatch(/switchyard_dark_launch_[a-z_]+\{[^}]*flag="made-up"/);
  });
});
