// @switchyard/canary: each node proves continuously that a kill reaches its SDK streams. The context's one public
// entry: its module, its composition and domain types; never its store.
// Module and composition
export { CanaryModule } from './canary.module.js';
export { composeCanary } from './compose-canary.js';
export type { Canary, CanaryOptions, CanaryPorts, CanaryLog } from './compose-canary.js';
// Use cases and their ports
export { WatchCanary } from './application/watch-canary.js';
export { WriteCanaryChanges, CANARY_CHANGES_KEPT_MS } from './application/write-canary-changes.js';
export { CanaryFlags, CanaryKeys, CanaryChangeStore, CanaryAlerts } from './application/canary-ports.js';
export type {
  CanaryTarget,
  CanaryWrite,
  CanaryKey,
  ProbeClient,
  ProbeClientFactory,
  CanaryAlertEvent,
} from './application/canary-ports.js';
// Domain
export { CanaryWatch } from './domain/canary-watch.js';
export type { CanaryOutcome, CanaryVerdict, CanaryWatchOptions } from './domain/canary-watch.js';
export type { CanaryChange } from './domain/canary-change.js';
export {
  CANARY_PROJECT_KEY,
  CANARY_ENVIRONMENT_KEY,
  CANARY_FLAG_KEY,
  CANARY_ACTOR,
  CANARY_REASON,
} from './domain/canary-target.js';
