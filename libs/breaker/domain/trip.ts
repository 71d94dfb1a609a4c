/** The SDK instance that sent a report (the events batch's `instance`). */
export interface ReportingInstance {
  id: string;
  appName: string;
  sdkVersion: string;
  /** The host the instance runs on (SDKs before issue 11 do not send it). */
  hostname?: string;
}

/** One SDK instance's breaker opened for a flag: the figures of the window that broke the threshold. */
export interface Trip {
  flag: string;
  /** When the instance's breaker opened (its clock). */
  at: Date;
  windowMs: number;
  calls: number;
  failures: number;
  timeouts: number;
  /** failures / calls of the window that tripped. */
  failureRatio: number;
  /** True when the window counted half-open probe calls. */
  probe: boolean;
}

/** Closed guard buckets of one flag, aggregated by the SDK over one batch. */
export interface GuardOutcome {
  flag: string;
  windowStart: Date;
  windowMs: number;
  calls: number;
  failures: number;
  timeouts: number;
  probe: boolean;
}

/** "52% of 231 calls failed in 10 s on checkout@host-3": the kill reason of a trip. */
export function tripReason(trip: Trip, instance: ReportingInstance): string {
  const ratio = Number.isFinite(trip.failureRatio)
    ? trip.failureRatio
    : trip.calls > 0
      ? trip.failures / trip.calls
      : 0;
  const percent = Math.round(Math.min(1, Math.max(0, ratio)) * 100);
  const seconds = Math.round(trip.windowMs / 100) / 10;
  const where = instance.hostname ? `${instance.appName}@${instance.hostname}` : `${instance.appName} (${instance.id})`;
  return `${percent}% of ${trip.calls} calls failed in ${seconds} s on ${where}`;
}
