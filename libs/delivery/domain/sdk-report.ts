/** A batch of reports from one SDK instance (POST /sdk/v1/events), already validated. */
export interface SdkReport {
  instance: { id: string; appName: string; sdkVersion: string; hostname?: string };
  evaluations: Array<{ flag: string; variant: string; count: number }>;
  acks: Array<{ version: number; receivedAt: Date }>;
  dropped: number;
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
}
