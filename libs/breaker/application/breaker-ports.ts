import type { Kill } from '@switchyard/evaluation';
import type { Actor } from '@switchyard/kernel';
import type { AutoRecover, BreakerRecord } from '../domain/breaker-state.js';
import type { GuardOutcome, ReportingInstance, Trip } from '../domain/trip.js';

/** A flag in one environment, with the keys people and events use. */
export interface FlagRef {
  environmentId: string;
  projectKey: string;
  environmentKey: string;
  flagKey: string;
}

/** A flag's current config in one environment, as far as the breaker cares. */
export interface FlagBreakerConfig {
  ref: FlagRef;
  version: number;
  killed: (Kill & { probe?: { percent: number; since: string } }) | null;
  /** The flag's half-open recovery settings in this environment, if any. */
  autoRecover: AutoRecover | null;
  /** The failure share that trips (and fails a probe): the config's breaker.failureRatio, default 0.5. */
  failureRatio: number;
  /** The config's `breaker` settings as stored (null: the SDK defaults). */
  settings: Record<string, unknown> | null;
}

/** The outcome of the breaker's write to a flag. */
export interface BreakerWrite extends FlagBreakerConfig {
  /** True when this write changed the flag (false: it was in that state already, nothing written). */
  changed: boolean;
}

/** The flags the breaker reads and acts on (the flags context's use cases, behind a port). */
export abstract class BreakerFlags {
  /**
   * Kills the flag as the breaker with `reason`, unless it is killed already (then nothing is written).
   * Null when the environment or the flag is unknown, or the flag is archived.
   */
  abstract kill(environmentId: string, flagKey: string, reason: string): Promise<BreakerWrite | null>;
  /** The flag's current config; null when the environment or flag is unknown. */
  abstract current(environmentId: string, flagKey: string): Promise<FlagBreakerConfig | null>;
  /** The flag by keys (for people); throws NOT_FOUND for an unknown project, environment or flag. */
  abstract byKeys(projectKey: string, environmentKey: string, flagKey: string): Promise<FlagBreakerConfig>;
  /** Starts a half-open probe, based on `baseVersion`; 'stale' when the flag changed since. */
  abstract probe(
    ref: FlagRef,
    baseVersion: number,
    probe: { percent: number; since: string },
    reason: string,
  ): Promise<BreakerWrite | 'stale'>;
  /** Restores the config of `preTripVersion` with no kill, based on `baseVersion`; 'stale' when it changed since. */
  abstract recover(
    ref: FlagRef,
    baseVersion: number,
    preTripVersion: number,
    reason: string,
  ): Promise<BreakerWrite | 'stale'>;
  /** Kills the flag again for every context (a failing probe), based on `baseVersion`; 'stale' when it changed. */
  abstract rekill(ref: FlagRef, baseVersion: number, reason: string): Promise<BreakerWrite | 'stale'>;
  /** A person's pin: kills the flag (or ends its probe), whatever its version. */
  abstract pin(ref: FlagRef, actor: Actor, reason: string): Promise<BreakerWrite>;
  /** The flag keys the environment has (cached; a name not among them may be reloaded at most every second). */
  abstract hasFlag(environmentId: string, flagKey: string): Promise<boolean>;
}

/** One minute of a flag's guard outcomes, summed over the fleet. */
export interface OutcomeMinute {
  environmentId: string;
  flagKey: string;
  minute: Date;
  calls: number;
  failures: number;
  timeouts: number;
  probeCalls: number;
  probeFailures: number;
}

/** Probe outcomes of one flag in one environment: they count towards its probing record, if any. */
export type ProbeOutcome = GuardOutcome & { environmentId: string };

/** A trip as the breaker view lists it. */
export interface TripSighting {
  at: string;
  receivedAt: string;
  instance: { id: string; appName: string; hostname: string | null };
  calls: number;
  failures: number;
  timeouts: number;
  failureRatio: number;
  windowMs: number;
  probe: boolean;
}

/** The breaker's records in Postgres, shared by every node. */
export abstract class BreakerStore {
  /** Keeps a trip an instance reported (bounded history), and counts it in its minute. */
  abstract recordTrip(environmentId: string, instance: ReportingInstance, trip: Trip): Promise<void>;
  /** Adds guard outcomes to their minutes (one statement), and probe outcomes to probing records. */
  abstract recordOutcomes(minutes: OutcomeMinute[], probes: ProbeOutcome[]): Promise<void>;
  /** Writes the flag's record (insert or replace). */
  abstract save(record: BreakerRecord): Promise<void>;
  /** Drops the flag's record, if it is still at `breakerVersion` (the breaker no longer holds the flag). */
  abstract drop(environmentId: string, flagKey: string, breakerVersion: number): Promise<void>;
  /** Moves a probing record's due time only (probe counts other nodes add meanwhile are kept). */
  abstract postpone(environmentId: string, flagKey: string, breakerVersion: number, dueAt: Date): Promise<void>;
  /** The flag's record, or null when the breaker holds none. */
  abstract find(environmentId: string, flagKey: string): Promise<BreakerRecord | null>;
  /** Records whose time has come (open → probe, probing → judge), oldest first. */
  abstract due(now: Date, limit: number): Promise<BreakerRecord[]>;
  /** The flag's minutes since `since`, oldest first. */
  abstract minutes(environmentId: string, flagKey: string, since: Date): Promise<OutcomeMinute[]>;
  /** The flag's newest trips received since `since` (at most `limit`, one per instance, newest first). */
  abstract trips(environmentId: string, flagKey: string, since: Date, limit: number): Promise<TripSighting[]>;
  /** Deletes minutes and trips older than `olderThan`, and trips beyond the newest kept per flag. Returns rows deleted. */
  abstract prune(olderThan: Date): Promise<number>;
  /** Every record's state, for /metrics (at most `limit`). */
  abstract states(
    limit: number,
  ): Promise<Array<{ environmentId: string; flagKey: string; state: BreakerRecord['state'] }>>;
}
