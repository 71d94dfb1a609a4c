// @switchyard/delivery: snapshots and streams to SDKs, the bus between nodes, SDK reports. The context's one public
// entry: its module, use cases, read models, domain types and errors; never its stores or buses.
// Module
export { DeliveryModule } from './delivery.module.js';
export type { DeliveryOptions } from './delivery.module.js';
// Use cases and the services the SDK API drives
export { StreamHub } from './application/stream-hub.js';
export type { StreamHubOptions, StreamHubCounters } from './application/stream-hub.js';
export { SnapshotCache } from './application/snapshot-cache.js';
export type { CachedSnapshot } from './application/snapshot-cache.js';
export type { SseStream } from './application/sse-stream.js';
export { RecordSdkReport } from './application/record-sdk-report.js';
export type { ReportMetrics, KnownVariants } from './application/record-sdk-report.js';
export { RecordRecentContexts } from './application/record-recent-contexts.js';
export type { RecordRecentContextsOptions } from './application/record-recent-contexts.js';
export { GetDeliveryStatus } from './application/get-delivery-status.js';
export { GetFlagActivity } from './application/get-flag-activity.js';
export { GetLastEvaluations } from './application/get-last-evaluations.js';
export { GetSdkKeyUsage } from './application/get-sdk-key-usage.js';
export { ListSdkInstances } from './application/list-sdk-instances.js';
export { EstimateRampImpact } from './application/estimate-ramp-impact.js';
// Domain types and errors
export { DeliveryErrors } from './domain/delivery.errors.js';
export { describeStatus, LIVE_WINDOW_MS } from './domain/delivery-status.js';
export type { SdkInstance, DeliveryStatus } from './domain/delivery-status.js';
export {
  describeInstances,
  LAG_GRACE_MS,
  SDK_INSTANCE_LIST_LIMIT,
  SDK_INSTANCE_WINDOW_MS,
} from './domain/sdk-instance-list.js';
export type { SdkLag, ListedSdkInstance, SdkInstanceList } from './domain/sdk-instance-list.js';
export type { VariantTransition, RampImpact } from './domain/ramp-impact.js';
export { recentContextProblem, RECENT_CONTEXT_LIMITS } from './domain/recent-context.js';
export type { RecentContextSighting, RecentContexts } from './domain/recent-context.js';
export {
  ACTIVITY_WINDOWS,
  ACTIVITY_RETENTION_MS,
  INSTANCES_KEPT_PER_FLAG,
  MINUTE_MS,
  HOUR_MS,
} from './domain/flag-activity.js';
export type { ActivityWindow, FlagActivity } from './domain/flag-activity.js';
export { SDK_REPORT_LIMITS, SDK_KEY_USAGE_WINDOW_MS } from './domain/sdk-report.js';
export type { SdkReport, InstanceSighting, SdkKeyUsage } from './domain/sdk-report.js';
export { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from './domain/safe-text.js';
// The Redis channel the bus between nodes publishes changes on (its wire contract, not the bus itself)
export { CHANGES_CHANNEL } from './bus/redis-change-bus.js';
