/**
 * A dark launch's figures since a time, summed over every SDK instance (the shared contract of
 * `GetDarkLaunchFigures` in @switchyard/darklaunch). p99s come from the merged histograms; null without a sample.
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

/** No figures at all (nothing reported yet). */
export const NO_FIGURES: DarkLaunchFigures = {
  runs: 0,
  compared: 0,
  matches: 0,
  mismatches: 0,
  ignored: 0,
  candidateErrors: 0,
  timeouts: 0,
  skipped: 0,
  liveCalls: 0,
  liveFailures: 0,
  controlP99Ms: null,
  candidateP99Ms: null,
};
