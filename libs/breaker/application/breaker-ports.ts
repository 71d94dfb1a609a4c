import type { Kill } from '@switchyard/evaluation';
import type { AutoRecover, BreakerRecord } from '../domain/breaker-state.js';
import type { ReportingInstance, Trip } from '../domain/trip.js';

/** A flag in one environment, with the keys people and events use. */
export interface FlagRef {
  environmentId: string;
  projectKey: string;
  environmentKey: string;
  flagKey: string;
}

/** The outcome of the breaker's write to a flag. */
export interface BreakerWrite {
  ref: FlagRef;
  /** The flag's config version after the write (the current one when nothing was written). */
  version: number;
  /** True when this write changed the flag (false: it was in that state already, nothing written). */
  changed: boolean;
  killed: Kill | null;
  /** The flag's half-open recovery settings in this environment, if any. */
  autoRecover: AutoRecover | null;
}

/** The flags the breaker acts on (the flags context's use cases, behind a port). */
export abstract class BreakerFlags {
  /**
   * Kills the flag as the breaker with `reason`, unless it is killed already (then nothing is written).
   * Null when the environment or the flag is unknown, or the flag is archived.
   */
  abstract kill(environmentId: string, flagKey: string, reason: string): Promise<BreakerWrite | null>;
}

/** The breaker's records in Postgres, shared by every node. */
export abstract class BreakerStore {
  /** Keeps a trip an instance reported (bounded history). */
  abstract recordTrip(environmentId: string, instance: ReportingInstance, trip: Trip): Promise<void>;
  /** Starts (or replaces) the flag's record: the breaker killed it. */
  abstract open(record: BreakerRecord): Promise<void>;
  /** The flag's record, or null when the breaker holds none. */
  abstract find(environmentId: string, flagKey: string): Promise<BreakerRecord | null>;
}
