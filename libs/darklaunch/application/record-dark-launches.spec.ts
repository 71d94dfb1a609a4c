import { InMemoryDarkLaunchFlags, InMemoryDarkLaunchStore, darkLaunchReport, histogram } from '../testing.js';
import { PATHS_KEPT_PER_MINUTE, RecordDarkLaunches } from './record-dark-launches.js';

const ENV = 'env-1';
const at = (iso: string) => new Date(iso);

function setup(now = at('2026-12-02T10:05:30Z')) {
  const flags = new InMemoryDarkLaunchFlags();
  const store = new InMemoryDarkLaunchStore();
  const reported: string[] = [];
  const errors: unknown[] = [];
  const record = new RecordDarkLaunches(
    flags,
    store,
    { reported: (environmentId, report) => reported.push(`${environmentId}/${report.flag}`) },
    (error) => errors.push(error),
    60_000,
    () => now,
  );
  flags.add(ENV, 'search-v2');
  return { flags, store, record, reported, errors };
}

describe('RecordDarkLaunches', () => {
  it('sums the reports of one flag and 10 s bucket (counters and histograms) into one row', async () => {
    const { store, record } = setup();
    const report = (start: string) =>
      darkLaunchReport('search-v2', at(start), {
        modes: { off: 1, shadow: 10, live: 2 },
        shadow: { compared: 8, matches: 6, mismatches: 2, ignored: 1, candidateErrors: 1, timeouts: 1, skipped: 0 },
        live: { calls: 2, failures: 1 },
        controlMs: histogram({ 3: 10 }),
        candidateMs: histogram({ 5: 8, 19: 1 }),
      });
    await record.execute(ENV, [report('2026-12-02T10:04:50Z'), report('2026-12-02T10:04:59.999Z')]);
    await record.execute(ENV, [report('2026-12-02T10:05:00Z')]);
    await record.flush();
    const minutes = await store.buckets(ENV, 'search-v2', at('2026-12-02T10:00:00Z'));
    expect(minutes.map((m) => [m.start.toISOString(), m.shadow, m.mismatches, m.liveFailures])).toEqual([
      ['2026-12-02T10:04:50.000Z', 20, 4, 2],
      ['2026-12-02T10:05:00.000Z', 10, 2, 1],
    ]);
    expect(minutes[0]!.candidateMs).toEqual(histogram({ 5: 16, 19: 2 }));
    expect(minutes[0]!.controlMs).toEqual(histogram({ 3: 20 }));
    expect(store.writes).toBe(1);
  });

  it('keeps only dark-launch flags the environment has (junk names grow nothing)', async () => {
    const { store, record, reported } = setup();
    await record.execute(ENV, [darkLaunchReport('made-up', at('2026-12-02T10:05:00Z'))]);
    await record.execute('other-env', [darkLaunchReport('search-v2', at('2026-12-02T10:05:00Z'))]);
    await record.flush();
    expect(store.rows.size).toBe(0);
    expect(reported).toEqual([]);
    expect(store.writes).toBe(0);
  });

  it('files a window from a wrong clock under a minute the pruning reaches (never the future, never past a day)', async () => {
    const { store, record } = setup(at('2026-12-02T10:05:30Z'));
    await record.execute(ENV, [
      darkLaunchReport('search-v2', at('2030-01-01T00:00:00Z'), { modes: { off: 0, shadow: 1, live: 0 } }),
      darkLaunchReport('search-v2', at('2001-01-01T00:00:00Z'), { modes: { off: 0, shadow: 1, live: 0 } }),
    ]);
    await record.flush();
    expect([...store.rows.values()].map((m) => m.start.toISOString()).sort()).toEqual([
      '2026-12-01T10:06:30.000Z',
      '2026-12-02T10:05:30.000Z',
    ]);
  });

  it('adds up differing paths per minute (noise sticks) and keeps a minute to its most frequent paths', async () => {
    const { store, record } = setup();
    const paths = Array.from({ length: 50 }, (_, i) => ({ path: `$.p${i}`, count: i + 1, noise: false }));
    await record.execute(ENV, [
      darkLaunchReport('search-v2', at('2026-12-02T10:05:00Z'), { paths }),
      darkLaunchReport('search-v2', at('2026-12-02T10:05:40Z'), {
        paths: [
          { path: '$.p0', count: 100, noise: true },
          ...Array.from({ length: 49 }, (_, i) => ({ path: `$.q${i}`, count: 1, noise: false })),
        ],
      }),
    ]);
    await record.flush();
    const ranked = await store.paths(ENV, 'search-v2', at('2026-12-02T10:00:00Z'), 100);
    expect(ranked).toHaveLength(PATHS_KEPT_PER_MINUTE);
    expect(ranked[0]).toEqual({ path: '$.p0', count: 101, noise: true });
    expect(ranked[1]).toEqual({ path: '$.p49', count: 50, noise: false });
  });

  it('keeps samples with their flag, newest last', async () => {
    const { store, record } = setup();
    const sample = (contextKey: string) => ({ path: '$.total', contextKey, control: '10', candidate: '11' });
    await record.execute(ENV, [
      darkLaunchReport('search-v2', at('2026-12-02T10:05:00Z'), { samples: [sample('u1'), sample('u2')] }),
    ]);
    await record.flush();
    expect((await store.samples(ENV, 'search-v2', at('2026-12-02T10:00:00Z'), 5)).map((s) => s.contextKey)).toEqual([
      'u2',
      'u1',
    ]);
  });

  it('survives a failed write: the error goes to onError, the next flush writes again', async () => {
    const { store, record, errors } = setup();
    const original = store.record.bind(store);
    store.record = () => Promise.reject(new Error('database down'));
    await record.execute(ENV, [darkLaunchReport('search-v2', at('2026-12-02T10:05:00Z'))]);
    await record.flush();
    expect(errors).toHaveLength(1);
    store.record = original;
    await record.execute(ENV, [darkLaunchReport('search-v2', at('2026-12-02T10:05:00Z'))]);
    await record.flush();
    expect(store.rows.size).toBe(1);
  });
});
