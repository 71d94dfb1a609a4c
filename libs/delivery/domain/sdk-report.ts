/** A batch of reports from one SDK instance (POST /sdk/v1/events), already validated. */
export interface SdkReport {
  instance: { id: string; appName: string; sdkVersion: string; hostname?: string };
  evaluations: Array<{ flag: string; variant: string; count: number }>;
  acks: Array<{ version: number; receivedAt: Date }>;
  dropped: number;
  /** The id of the SDK key the batch was sent with (the registry answers "what uses this key"). */
  sdkKeyId?: string;
}

/** Limits of one batch (the SDK's bounded buffers stay well within them). */
export const SDK_REPORT_LIMITS = {
  evaluations: 5_000,
  acks: 1_000,
  guards: 1_000,
  trips: 100,
  textLength: 200,
} as const;

/** What the registry keeps of one report: who, where, and the newest version it applied (if it acked any). */
export interface InstanceSighting {
  environmentId: string;
  instanceId: string;
  appName: string;
  sdkVersion: string;
  node: string;
  ack: { version: number; receivedAt: Date } | null;
  /** The SDK key of its newest report, when known. */
  sdkKeyId?: string;
}

/** How far back "what uses this SDK key" looks: an hour. */
export const SDK_KEY_USAGE_WINDOW_MS = 3_600_000;

/** The SDK instances seen with one SDK key within a window, grouped by app (busiest first). */
export interface SdkKeyUsage {
  sdkKeyId: string;
  windowMs: number;
  /** Instances seen with the key within the window. */
  instances: number;
  apps: Array<{ appName: string; instances: number; lastSeen: string }>;
}
