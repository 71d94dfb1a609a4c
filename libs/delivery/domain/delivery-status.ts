/** One SDK instance as the registry knows it. */
export interface SdkInstance {
  id: string;
  appName: string;
  sdkVersion: string;
  /** The service node that last received this instance's events. */
  node: string;
  appliedVersion: number | null;
  lastSeen: string;
}

/** "Version N applied by X of Y live instances, p50/p99 propagation T ms" for one environment. */
export interface DeliveryStatus {
  project: string;
  environment: string;
  version: number;
  liveInstances: number;
  appliedInstances: number;
  /** Propagation of `version` (ack receive time minus the change's commit time), when acks carried it. */
  propagationMs: { p50: number | null; p99: number | null; max: number | null; samples: number };
  summary: string;
  instances: SdkInstance[];
}

/** An instance counts as live when it reported within this window. */
export const LIVE_WINDOW_MS = 60_000;

/** The one-line summary the API and logs show. */
export function describeStatus(status: Omit<DeliveryStatus, 'summary' | 'instances'>): string {
  const { p50, p99 } = status.propagationMs;
  const propagation =
    p50 === null || p99 === null
      ? 'no propagation samples'
      : `p50/p99 propagation ${Math.round(p50)}/${Math.round(p99)} ms`;
  return `version ${status.version} applied by ${status.appliedInstances} of ${status.liveInstances} live instances, ${propagation}`;
}
