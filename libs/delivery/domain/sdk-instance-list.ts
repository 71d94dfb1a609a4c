import type { SdkInstance } from './delivery-status.js';

/**
 * Why an instance lags: `behind` — its applied version has been behind the environment's for longer than
 * LAG_GRACE_MS; `silent` — it has not reported within the live window (LIVE_WINDOW_MS).
 */
export type SdkLag = 'behind' | 'silent';

/** One SDK instance on the Connected SDKs page, with whether (and why) it lags. */
export interface ListedSdkInstance extends SdkInstance {
  lag: SdkLag | null;
}

/** The Connected SDKs page of one environment: instances seen within the last hour, lagging ones first. */
export interface SdkInstanceList {
  project: string;
  environment: string;
  /** The environment's current version. */
  version: number;
  /** The app filter applied, if any. */
  app: string | null;
  /** Every app seen in the environment within the window (for the filter), alphabetical. */
  apps: string[];
  /** Instances seen within the window (matching the filter). */
  total: number;
  /** Of those, the ones whose applied version is the current one. */
  onCurrent: number;
  /** Of those, the lagging ones. */
  lagging: number;
  /** "41 of 42 instances on version 53; 1 lagging". */
  summary: string;
  /** At most SDK_INSTANCE_LIST_LIMIT instances, lagging first, then most recently seen. */
  instances: ListedSdkInstance[];
  windowMs: number;
  liveWindowMs: number;
  lagGraceMs: number;
}

/** How far back the page looks: instances seen within the last hour. */
export const SDK_INSTANCE_WINDOW_MS = 3_600_000;
/** An instance behind the current version counts as lagging once the next version is older than this. */
export const LAG_GRACE_MS = 5_000;
/** The page lists at most this many instances (the counts cover them all). */
export const SDK_INSTANCE_LIST_LIMIT = 200;

/** "41 of 42 instances on version 53; 1 lagging". */
export function describeInstances(counts: {
  total: number;
  onCurrent: number;
  lagging: number;
  version: number;
}): string {
  const { total, onCurrent, lagging, version } = counts;
  if (total === 0) return 'No SDK instance seen in the last hour';
  return `${onCurrent} of ${total} instance${total === 1 ? '' : 's'} on version ${version}; ${lagging} lagging`;
}
