import { addHistogram, emptyHistogram, histogramQuantile } from './dark-launch-report.js';

/** Counters of a dark launch over some minutes (summed over the fleet). */
export interface DarkLaunchCounts {
  off: number;
  shadow: number;
  live: number;
  compared: number;
  matches: number;
  mismatches: number;
  ignored: number;
  candidateErrors: number;
  timeouts: number;
  skipped: number;
  liveCalls: number;
  liveFailures: number;
  controlMs: number[];
  candidateMs: number[];
}

/**
 * The figures ramp plans and people judge a dark launch by (HELPERS.md "Reading dark-launch figures"). `runs`
 * counts the candidate's executions: shadow runs that were not skipped (compared, errors, timeouts) and live
 * calls. Durations are the p99 bucket's upper bound in ms (Infinity: above 30 000 ms), null with no sample.
 */
export interface DarkLaunchFigures {
  runs: number;
  compared: number;
  matches: number;
  mismatches: number;
  ignored: number;
  candidateErrors: number;
  timeouts: number;
  skipped: number;
  liveCalls: number;
  liveFailures: number;
  controlP99Ms: number | null;
  candidateP99Ms: number | null;
}

/** Sums minutes' counters and histograms. */
export function sumCounts(minutes: readonly DarkLaunchCounts[]): DarkLaunchCounts {
  const sum: DarkLaunchCounts = {
    off: 0,
    shadow: 0,
    live: 0,
    compared: 0,
    matches: 0,
    mismatches: 0,
    ignored: 0,
    candidateErrors: 0,
    timeouts: 0,
    skipped: 0,
    liveCalls: 0,
    liveFailures: 0,
    controlMs: emptyHistogram(),
    candidateMs: emptyHistogram(),
  };
  for (const minute of minutes) {
    for (const key of COUNTERS) sum[key] += minute[key];
    addHistogram(sum.controlMs, minute.controlMs);
    addHistogram(sum.candidateMs, minute.candidateMs);
  }
  return sum;
}

const COUNTERS = [
  'off',
  'shadow',
  'live',
  'compared',
  'matches',
  'mismatches',
  'ignored',
  'candidateErrors',
  'timeouts',
  'skipped',
  'liveCalls',
  'liveFailures',
] as const;

/** Candidate executions: shadow runs not skipped, and live calls. */
export function runsOf(counts: DarkLaunchCounts): number {
  return counts.compared + counts.candidateErrors + counts.timeouts + counts.liveCalls;
}

/** The figures of summed counts. */
export function figuresOf(counts: DarkLaunchCounts): DarkLaunchFigures {
  return {
    runs: runsOf(counts),
    compared: counts.compared,
    matches: counts.matches,
    mismatches: counts.mismatches,
    ignored: counts.ignored,
    candidateErrors: counts.candidateErrors,
    timeouts: counts.timeouts,
    skipped: counts.skipped,
    liveCalls: counts.liveCalls,
    liveFailures: counts.liveFailures,
    controlP99Ms: histogramQuantile(counts.controlMs, 0.99),
    candidateP99Ms: histogramQuantile(counts.candidateMs, 0.99),
  };
}

/** `part / whole`, null when there is no whole. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
