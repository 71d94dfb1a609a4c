import { figuresOf, rate, runsOf, sumCounts, type DarkLaunchCounts } from '../domain/dark-launch-figures.js';
import { histogramQuantile, type DifferingPath } from '../domain/dark-launch-report.js';
import type { DarkLaunchFlags, DarkLaunchStore } from './dark-launch-ports.js';
import { BUCKET_MS } from './record-dark-launches.js';

/** The windows a report covers, and the step of its series (30, 60 and 48 points). */
export const DARK_LAUNCH_WINDOWS = {
  '5m': { ms: 5 * 60_000, stepMs: BUCKET_MS },
  '1h': { ms: 60 * 60_000, stepMs: 60_000 },
  '1d': { ms: 24 * 60 * 60_000, stepMs: 30 * 60_000 },
} as const;
export type DarkLaunchWindow = keyof typeof DARK_LAUNCH_WINDOWS;

/** Ranked paths and samples a report lists at most. */
export const REPORT_PATHS = 20;
export const REPORT_SAMPLES = 10;

/** A duration quantile: the bucket's upper bound in ms (30 000 with `above` for the last bucket), null without samples. */
export interface DurationQuantile {
  ms: number | null;
  above: boolean;
}

/** Rates and latencies of some counts (each rate null when its denominator is 0). */
export interface DarkLaunchRates {
  /** matches / compared */
  matchRate: number | null;
  /** mismatches / compared */
  mismatchRate: number | null;
  /** candidate errors / shadow runs not skipped (compared + errors + timeouts) */
  candidateErrorRate: number | null;
  /** timeouts / shadow runs not skipped */
  timeoutRate: number | null;
  /** live failures / live calls */
  liveFailureRate: number | null;
}

/** One point of a report's series. */
export interface DarkLaunchPoint extends DarkLaunchRates {
  start: string;
  runs: number;
  compared: number;
  mismatches: number;
  candidateErrors: number;
  timeouts: number;
  liveCalls: number;
  liveFailures: number;
  controlP99Ms: number | null;
  candidateP99Ms: number | null;
}

/** What the dark-launch page shows of a flag in one environment over a window. */
export interface DarkLaunchReportView {
  darkLaunch: boolean;
  window: DarkLaunchWindow;
  from: string;
  to: string;
  stepMs: number;
  figures: ReturnType<typeof figuresOf> &
    DarkLaunchRates & {
      calls: { off: number; shadow: number; live: number };
      control: { p50: DurationQuantile; p99: DurationQuantile };
      candidate: { p50: DurationQuantile; p99: DurationQuantile };
      /** candidate p50 / control p50 (bucket bounds), null when either has no sample */
      p50Ratio: number | null;
      /** candidate p99 / control p99 (bucket bounds), null when either has no sample */
      p99Ratio: number | null;
    };
  series: DarkLaunchPoint[];
  /** Differing paths, most frequent first (not noise). */
  paths: Array<DifferingPath & { share: number | null }>;
  /** Paths that also differ between two runs of control: noise, most frequent first. */
  noisePaths: DifferingPath[];
  samples: Array<{ at: string; path: string; contextKey: string; control: string; candidate: string }>;
}

const LAST_BOUND = 30_000;

function quantile(histogram: readonly number[], q: number): DurationQuantile {
  const value = histogramQuantile(histogram, q);
  if (value === null) return { ms: null, above: false };
  return value === Infinity ? { ms: LAST_BOUND, above: true } : { ms: value, above: false };
}

function ratesOf(c: DarkLaunchCounts): DarkLaunchRates {
  const attempts = c.compared + c.candidateErrors + c.timeouts;
  return {
    matchRate: rate(c.matches, c.compared),
    mismatchRate: rate(c.mismatches, c.compared),
    candidateErrorRate: rate(c.candidateErrors, attempts),
    timeoutRate: rate(c.timeouts, attempts),
    liveFailureRate: rate(c.liveFailures, c.liveCalls),
  };
}

const ratio = (candidate: DurationQuantile, control: DurationQuantile) =>
  candidate.ms === null || control.ms === null || control.ms === 0 ? null : candidate.ms / control.ms;

/**
 * A flag's dark-launch report in one environment over the last 5 minutes, hour or day: the figures (runs,
 * rates, control vs candidate p50/p99 and their ratio), a series for charts, the differing paths ranked, noise
 * paths and recent samples. Throws NOT_FOUND for an unknown project, environment or flag.
 */
export class GetDarkLaunchReport {
  constructor(
    private readonly flags: DarkLaunchFlags,
    private readonly store: DarkLaunchStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    projectKey: string,
    environmentKey: string,
    flagKey: string,
    window: DarkLaunchWindow,
  ): Promise<DarkLaunchReportView> {
    const { environmentId, darkLaunch } = await this.flags.byKeys(projectKey, environmentKey, flagKey);
    const { ms, stepMs } = DARK_LAUNCH_WINDOWS[window];
    const to = this.now().getTime();
    // The series' points are whole steps; the oldest may reach a little before the window (never more than a step).
    const firstStep = Math.floor((to - ms) / stepMs) * stepMs + stepMs;
    const from = new Date(firstStep);
    const [buckets, paths, samples] = await Promise.all([
      this.store.buckets(environmentId, flagKey, from),
      this.store.paths(environmentId, flagKey, new Date(Math.floor(firstStep / 60_000) * 60_000), REPORT_PATHS * 3),
      this.store.samples(environmentId, flagKey, from, REPORT_SAMPLES),
    ]);
    const total = sumCounts(buckets);
    const control = { p50: quantile(total.controlMs, 0.5), p99: quantile(total.controlMs, 0.99) };
    const candidate = { p50: quantile(total.candidateMs, 0.5), p99: quantile(total.candidateMs, 0.99) };
    const steps = new Map<number, typeof buckets>();
    for (let at = firstStep; at <= to; at += stepMs) steps.set(at, []);
    for (const bucket of buckets) steps.get(Math.floor(bucket.start.getTime() / stepMs) * stepMs)?.push(bucket);
    const differing = paths.filter((p) => !p.noise);
    return {
      darkLaunch,
      window,
      from: from.toISOString(),
      to: new Date(to).toISOString(),
      stepMs,
      figures: {
        ...figuresOf(total),
        ...ratesOf(total),
        calls: { off: total.off, shadow: total.shadow, live: total.live },
        control,
        candidate,
        p50Ratio: ratio(candidate.p50, control.p50),
        p99Ratio: ratio(candidate.p99, control.p99),
      },
      series: [...steps].map(([start, inStep]) => {
        const c = sumCounts(inStep);
        return {
          start: new Date(start).toISOString(),
          runs: runsOf(c),
          compared: c.compared,
          mismatches: c.mismatches,
          candidateErrors: c.candidateErrors,
          timeouts: c.timeouts,
          liveCalls: c.liveCalls,
          liveFailures: c.liveFailures,
          ...ratesOf(c),
          controlP99Ms: quantile(c.controlMs, 0.99).ms,
          candidateP99Ms: quantile(c.candidateMs, 0.99).ms,
        };
      }),
      paths: differing.slice(0, REPORT_PATHS).map((p) => ({ ...p, share: rate(p.count, total.mismatches) })),
      noisePaths: paths.filter((p) => p.noise).slice(0, REPORT_PATHS),
      samples: samples.map((s) => ({
        at: s.at.toISOString(),
        path: s.path,
        contextKey: s.contextKey,
        control: s.control,
        candidate: s.candidate,
      })),
    };
  }
}
