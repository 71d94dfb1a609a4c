export { createClient } from './client/create-client.js';
export type { ClientOptions } from './client/client-options.js';
export type { ClientEvents, ClientStatus, ReadySource, SwitchyardClient } from './client/client-types.js';
export { DURATION_BUCKETS_MS } from './dark-launch/dark-launch-types.js';
export type { DarkLaunchOptions, DarkLaunchReport } from './dark-launch/dark-launch-types.js';
export { MAX_DARK_LAUNCH_FLAGS } from './dark-launch/dark-launches.js';
export { percentileOf } from './dark-launch/duration-histogram.js';
export { InjectedFault } from './fault/injected-fault.js';
export { faultyFetch } from './fault/faulty-fetch.js';
export type { FaultStats, FaultyFetchOptions } from './fault/fault-types.js';
export type { GuardCause, GuardOptions } from './guard/guard-types.js';
export { MAX_GUARDED_FLAGS } from './guard/guards.js';
export { SDK_VERSION } from './transport/http.js';
export type {
  EvaluationContext,
  EvaluationResult,
  ErrorCode,
  FlagType,
  JsonValue,
  Reason,
} from '@switchyard/evaluation';
