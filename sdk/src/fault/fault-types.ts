import type { EvaluationContext } from '@switchyard/evaluation';

/** What a client's faults did since it started (`client.faultStats()`). */
export interface FaultStats {
  /** Calls that waited (a fault spec with latency). */
  delayed: number;
  /** Calls that failed with an `InjectedFault`. */
  failed: number;
  /** Faults refused because their latency (`latencyMs + jitterMs`) is above `maxFaultLatencyMs`: nothing injected. */
  refused: number;
  /** Calls on a flag that is not a fault flag (a variant that is not a fault spec, no `none: {}`): nothing injected. */
  invalid: number;
}

/** Options of {@link faultyFetch}. */
export interface FaultyFetchOptions {
  /**
   * The context the fault flag is evaluated with, or a function of the request giving it (default: none, so the
   * client's own `instanceId`, `hostname` and `app`). The client's attributes are merged under it.
   */
  context?: EvaluationContext | ((input: Parameters<typeof fetch>[0], init?: RequestInit) => EvaluationContext);
  /** The fetch to call after the fault (default: the global `fetch` at call time). */
  fetch?: typeof fetch;
}
