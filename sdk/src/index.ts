export { createClient } from './client/create-client.js';
export type { ClientOptions } from './client/client-options.js';
export type { ClientEvents, ReadySource, SwitchyardClient } from './client/client-types.js';
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
