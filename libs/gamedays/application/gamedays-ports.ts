import type { Actor } from '@switchyard/kernel';
import type { FaultFlagConfig, GameDayRun, TimelineEvent } from '../domain/game-day.js';

/** An environment by keys. */
export interface GameDayEnvironment {
  id: string;
  projectKey: string;
  environmentKey: string;
}

/** A flag in one environment, as far as a game day cares. */
export interface GameDayFlag {
  key: string;
  /** A json flag whose variants are fault specs with `none` (the engine's isFaultFlag). */
  fault: boolean;
  variants: string[];
  archived: boolean;
  /** The kill record, if the flag is killed here (kind `breaker`: a trip). */
  killed: { at: Date; kind: string | null; by: string; reason: string | null } | null;
  version: number;
  config: FaultFlagConfig;
}

/** One config version of a flag: when, what kind, who and why. */
export interface FlagChange {
  flagKey: string;
  version: number;
  at: Date;
  kind: string;
  actor: Pick<Actor, 'type' | 'id' | 'name'>;
  reason: string | null;
}

/** The flags a game day reads and writes (the flags context's use cases, behind a port). */
export abstract class GameDayFlags {
  /** The environment; throws NOT_FOUND for an unknown project or environment. */
  abstract environment(projectKey: string, environmentKey: string): Promise<GameDayEnvironment>;
  /** The flag's state here; null when the project has no such flag. */
  abstract flag(environment: GameDayEnvironment, flagKey: string): Promise<GameDayFlag | null>;
  /** Writes one flag's config based on `baseVersion` (one audited version; none when unchanged). */
  abstract write(
    environment: GameDayEnvironment,
    flagKey: string,
    config: FaultFlagConfig,
    baseVersion: number,
    actor: Actor,
    reason: string,
  ): Promise<'written' | 'unchanged' | 'stale'>;
  /** Writes several flags' configs in one environment version; returns the flags changed and that version. */
  abstract writeMany(
    environment: GameDayEnvironment,
    configs: Array<{ flagKey: string; config: FaultFlagConfig }>,
    actor: Actor,
    reason: string,
  ): Promise<{ changed: string[]; environmentVersion: number | null }>;
  /** The flag's latest config versions (at most 100), oldest first. */
  abstract changes(environment: GameDayEnvironment, flagKey: string): Promise<FlagChange[]>;
}

/** One minute of a guarded flag's outcomes, summed over the fleet. */
export interface GuardMinute {
  minute: Date;
  calls: number;
  failures: number;
}

/** What the SDKs report about the watched flags (the breaker's guard outcomes, the dark launch's figures). */
export abstract class GameDaySignals {
  /** The guarded flag's last hour, a minute each (empty when the flag is unknown). */
  abstract guardMinutes(environment: GameDayEnvironment, flagKey: string): Promise<GuardMinute[]>;
  /** The flag's p99 (ms) in its dark-launch reports since `since`; null without a sample. */
  abstract p99Since(environment: GameDayEnvironment, flagKey: string, since: Date): Promise<number | null>;
}

/** A project's webhook, as the pre-checks read it. */
export interface AlertHook {
  id: string;
  url: string;
  enabled: boolean;
  events: string[];
}

/** One webhook delivery that completed (sent or given up). */
export interface AlertDelivery {
  at: Date;
  status: 'sent' | 'failed';
  eventType: string;
  url: string;
  error: string | null;
}

/** The project's alert webhooks and their deliveries (the alerts context, behind a port). */
export abstract class GameDayAlerts {
  abstract webhooks(projectKey: string): Promise<AlertHook[]>;
  /** Deliveries completed since `since`, oldest first (at most 100 per webhook). */
  abstract deliveries(projectKey: string, since: Date): Promise<AlertDelivery[]>;
}

/** The SDK instances connected to an environment (the delivery context's registry, behind a port). */
export abstract class GameDayFleet {
  abstract liveInstances(environment: GameDayEnvironment): Promise<string[]>;
}

/** The writes one locked run allows: its row, and its timeline. */
export interface RunWrites {
  save(run: GameDayRun): Promise<void>;
  append(runId: string, events: TimelineEvent[]): Promise<void>;
  eventCount(runId: string): Promise<number>;
}

/** Runs and their recorded timelines in Postgres, shared by every node. */
export abstract class GameDayStore {
  abstract insert(run: GameDayRun): Promise<void>;
  abstract find(environmentId: string, id: string): Promise<GameDayRun | null>;
  /** The environment's runs, newest first. */
  abstract list(environmentId: string, limit: number): Promise<GameDayRun[]>;
  /**
   * Runs `work` holding the run's row lock (writers of one run, people and scheduler nodes alike, go one at a
   * time and each reads what the one before wrote); its writes commit when `work` returns, none when it throws.
   */
  abstract locked<T>(id: string, work: (run: GameDayRun | null, writes: RunWrites) => Promise<T>): Promise<T>;
  /** Ids of the runs the scheduler looks at: running, or over with faults not yet known to be off. */
  abstract active(limit: number): Promise<string[]>;
  /** The run's recorded events, oldest first. */
  abstract events(runId: string): Promise<TimelineEvent[]>;
}
