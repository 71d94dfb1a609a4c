// @switchyard/darklaunch: the dark-launch reports SDKs send, kept and shown. The context's one public entry: its
// module, use cases and types; never its store.
// Module
export { DarkLaunchModule } from './dark-launch.module.js';
// Use cases
export { RecordDarkLaunches, DARK_LAUNCH_RETENTION_MS, BUCKET_MS } from './application/record-dark-launches.js';
export { GetDarkLaunchFigures } from './application/get-dark-launch-figures.js';
export type { DarkLaunchFigures } from './domain/dark-launch-figures.js';
export {
  GetDarkLaunchReport,
  DARK_LAUNCH_WINDOWS,
  REPORT_PATHS,
  REPORT_SAMPLES,
} from './application/get-dark-launch-report.js';
export type {
  DarkLaunchWindow,
  DarkLaunchReportView,
  DarkLaunchPoint,
  DarkLaunchRates,
  DurationQuantile,
} from './application/get-dark-launch-report.js';
// Domain
export { clipText } from './domain/clip-text.js';
export { DURATION_BUCKETS_MS, DARK_LAUNCH_LIMITS, histogramQuantile } from './domain/dark-launch-report.js';
export type {
  DarkLaunchReport,
  DarkLaunchModes,
  ShadowOutcomes,
  DifferingPath,
  MismatchSample,
} from './domain/dark-launch-report.js';
