import { InMemoryDarkLaunchFlags, InMemoryDarkLaunchStore, darkLaunchReport, histogram } from '../testing.js';
import { GetDarkLaunchReport } from './get-dark-launch-report.js';
import { RecordDarkLaunches } from './record-dark-launches.js';

const ENV = 'env-1';
const NOW = new Date('2026-12-02T10:10:05Z');
const at = (iso: string) => new Date(iso);

async function setup(...reports: ReturnType<typeof darkLaunchReport>[]) {
  const flags = new InMemoryDarkLaunchFlags();
  flags.add(ENV, 'search-v2');
  const store = new InMemoryDarkLaunchStore();
  const record = new RecordDarkLaunches(flags, store, { reported: () => undefined }, undefined, 60_000, () => NOW);
  await record.execute(ENV, reports);
  await record.flush();
  return new GetDarkLaunchReport(flags, store, () => NOW);
}

const shadowed = (start: string, mismatches: number, errors = 0) =>
  darkLaunchReport('search-v2', at(start), {
    modes: { off: 0, shadow: 10, live: 0 },
    shadow: {
      compared: 10,
      matches: 10 - mismatches,
      mismatches,
      ignored: 0,
      candidateErrors: errors,
      timeouts: 0,
      skipped: 0,
    },
    controlMs: histogram({ 5: 10 }), // ≤ 2 ms
    candidateMs: histogram({ 7: 10 }), // ≤ 10 ms
    paths: mismatches
      ? [
          { path: '$.total', count: mismatches, noise: false },
          { path: '$.id', count: 1, noise: true },
        ]
      : [],
    samples: mismatches ? [{ path: '$.total', contextKey: `u-${start}`, control: '1', candidate: '2' }] : [],
  });

describe('GetDarkLaunchReport', () => {
  it('gives the window’s figures: rates, p50/p99 of both sides and their ratio', async () => {
    const report = await (
      await setup(shadowed('2026-12-02T10:09:00Z', 2, 1), shadowed('2026-12-02T10:09:30Z', 0))
    ).execute('p', ENV, 'search-v2', '5m');
    expect(report.darkLaunch).toBe(true);
    expect(report.figures).toMatchObject({
      runs: 21,
      compared: 20,
      mismatches: 2,
      mismatchRate: 0.1,
      matchRate: 0.9,
      candidateErrorRate: 1 / 21,
      liveFailureRate: null,
      calls: { off: 0, shadow: 20, live: 0 },
      control: { p50: { ms: 2, above: false }, p99: { ms: 2, above: false } },
      candidate: { p99: { ms: 10, above: false } },
      p99Ratio: 5,
    });
  });

  it('bins the series by step over the window, oldest first, empty steps included', async () => {
    const get = await setup(shadowed('2026-12-02T10:09:00Z', 2), shadowed('2026-12-02T09:30:00Z', 5));
    const fiveMinutes = await get.execute('p', ENV, 'search-v2', '5m');
    expect(fiveMinutes.stepMs).toBe(10_000);
    expect(fiveMinutes.series).toHaveLength(30);
    expect(fiveMinutes.series[0]!.start).toBe('2026-12-02T10:05:10.000Z');
    expect(fiveMinutes.series.at(-1)!.start).toBe('2026-12-02T10:10:00.000Z');
    expect(fiveMinutes.series.filter((p) => p.compared > 0).map((p) => [p.start, p.mismatchRate])).toEqual([
      ['2026-12-02T10:09:00.000Z', 0.2],
    ]);
    expect(fiveMinutes.figures.mismatches).toBe(2); // the 09:30 report is outside 5 minutes
    const hour = await get.execute('p', ENV, 'search-v2', '1h');
    expect(hour.series).toHaveLength(60);
    expect(hour.figures.mismatches).toBe(7);
    expect(hour.series.find((p) => p.start === '2026-12-02T09:30:00.000Z')!.controlP99Ms).toBe(2);
    const day = await get.execute('p', ENV, 'search-v2', '1d');
    expect(day.series).toHaveLength(48);
  });

  it('ranks differing paths with their share, lists noise paths apart, and the newest samples first', async () => {
    const report = await (
      await setup(shadowed('2026-12-02T10:08:00Z', 4), shadowed('2026-12-02T10:09:00Z', 2))
    ).execute('p', ENV, 'search-v2', '1h');
    expect(report.paths).toEqual([{ path: '$.total', count: 6, noise: false, share: 1 }]);
    expect(report.noisePaths).toEqual([{ path: '$.id', count: 2, noise: true }]);
    expect(report.samples.map((s) => s.contextKey)).toEqual(['u-2026-12-02T10:09:00Z', 'u-2026-12-02T10:08:00Z']);
  });

  it('answers a flag without reports with zeros and nulls', async () => {
    const report = await (await setup()).execute('p', ENV, 'search-v2', '1h');
    expect(report.figures).toMatchObject({ runs: 0, mismatchRate: null, p99Ratio: null, controlP99Ms: null });
    expect(report.series.every((p) => p.runs === 0 && p.controlP99Ms === null)).toBe(true);
  });
});
