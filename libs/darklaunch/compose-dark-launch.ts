import type { MetricsRegistry } from '@switchyard/kernel';
import type { DarkLaunchFlags, DarkLaunchStore } from './application/dark-launch-ports.js';
import { GetDarkLaunchFigures } from './application/get-dark-launch-figures.js';
import { GetDarkLaunchReport } from './application/get-dark-launch-report.js';
import { RecordDarkLaunches } from './application/record-dark-launches.js';
import { PromDarkLaunchMetrics } from './dark-launch-metrics.js';

/** Where the context logs what it survives (a failed write of reports). */
export interface DarkLaunchLog {
  warn(message: string): void;
}

/** What the dark-launch reports context needs from outside: the flags (through its port), its store, the platform. */
export interface DarkLaunchPorts {
  flags: DarkLaunchFlags;
  store: DarkLaunchStore;
  metrics: MetricsRegistry;
  log: DarkLaunchLog;
}

/** Builds the dark-launch reports context from its ports (one per call: each app instance gets its own). */
export function composeDarkLaunch(ports: DarkLaunchPorts) {
  const { flags, store } = ports;
  const warn = (message: string, error: unknown) =>
    ports.log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`);
  const metrics = new PromDarkLaunchMetrics(ports.metrics);
  return {
    recordDarkLaunches: new RecordDarkLaunches(flags, store, metrics, (error) =>
      warn('recording dark-launch reports failed', error),
    ),
    getDarkLaunchFigures: new GetDarkLaunchFigures(store),
    getDarkLaunchReport: new GetDarkLaunchReport(flags, store),
  };
}

/** The composed dark-launch reports context. */
export type DarkLaunch = ReturnType<typeof composeDarkLaunch>;
