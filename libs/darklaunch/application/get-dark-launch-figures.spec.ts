import { InMemoryDarkLaunchFlags, InMemoryDarkLaunchStore, darkLaunchReport, histogram } from '../testing.js';
import { GetDarkLaunchFigures } from './get-dark-launch-figures.js';
import { RecordDarkLaunches } from './record-dark-launches.js';

const ENV = 'env-1';
const at = (iso: string) => new Date(iso);

async function recorded(...reports: ReturnType<typeof darkLaunchReport>[]) {
  const flags = new InMemoryDarkLaunchFlags();
  flags.add(ENV, 'search-v2');
  const store = new InMemoryDarkLaunchStore();
  const record = new RecordDarkLaunches(flags, store, { reported: () => undefined }, undefined, 60_000, () =>
    at('2026-12-02T10:10:00Z'),
  );
  await record.execute(ENV, reports);
  await record.flush();
  return new GetDarkLaunchFigures(store);
}

const healthy = (start: string, errors = 0) =>
  darkLaunchReport('search-v2', at(start), {
    modes: { off: 5, shadow: 10, live: 4 },
    shadow: { compared: 8, matches: 7, mismatches: 1, ignored: 0, candidateErrors: errors, timeouts: 1, skipped: 1 },
    live: { calls: 4, failures: 1 },
    controlMs: histogram({ 4: 99, 6: 1 }),
    candidateMs: histogram({ 5: 98, 19: 2 }),
  });

describe('GetDarkLaunchFigures', () => {
  it('sums the buckets since a time: runs are candidate executions (shadow runs not skipped, live calls)', async () => {
    const figures = await recorded(healthy('2026-12-02T10:05:00Z', 1), healthy('2026-12-02T10:06:00Z'));
    expect(
      await figures.execute({ environmentId: ENV, flagKey: 'search-v2', since: at('2026-12-02T10:00:00Z') }),
    ).toEqual({
      runs: 2 * (8 + 1 + 4) + 1,
      compared: 16,
      matches: 14,
      mismatches: 2,
      ignored: 0,
      candidateErrors: 1,
      timeouts: 2,
      skipped: 2,
      liveCalls: 8,
      liveFailures: 2,
      controlP99Ms: 1, // bucket 4 (≤ 1 ms) holds the 99th of 100 samples
      candidateP99Ms: Infinity, // 2 of 100 above 30 s: the p99 is in the last bucket
    });
  });

  it('counts nothing from before `since` (the bucket it falls in is left out) and gives null p99 without samples', async () => {
    const figures = await recorded(healthy('2026-12-02T10:05:00Z', 5), healthy('2026-12-02T10:05:10Z'));
    const since = await figures.execute({
      environmentId: ENV,
      flagKey: 'search-v2',
      since: at('2026-12-02T10:05:03Z'),
    });
    expect(since.candidateErrors).toBe(0);
    expect(since.compared).toBe(8);
    const none = await figures.execute({ environmentId: ENV, flagKey: 'search-v2', since: at('2026-12-02T10:05:11Z') });
    expect(none).toMatchObject({ runs: 0, controlP99Ms: null, candidateP99Ms: null });
  });
});
