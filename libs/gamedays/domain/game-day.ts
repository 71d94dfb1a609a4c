import type { Actor } from '@switchyard/kernel';

/** One step of an attack's targets, grown in order: some instances by id, or a share of contexts. */
export type TargetStep = { instances: string[] } | { percent: number };

/** When an attack stops before its time box: a breaker trip, a guarded flag's failure rate or p99 above a bound. */
export interface StopConditions {
  /** Flag keys: a breaker trip on any of them stops the attack. */
  breakerTrips?: string[];
  /** The guarded flag's failure rate (its guard outcomes since the attack started) above `above` (0..1). */
  failureRate?: { flag: string; above: number };
  /** The flag's p99 in ms (its dark-launch reports since the attack started) above `above`. */
  p99Ms?: { flag: string; above: number };
}

/** One attack as planned: which fault flag serves which variant to whom, for how long, and when to stop early. */
export interface AttackInput {
  faultFlag: string;
  variant: string;
  targets: TargetStep[];
  stepMs?: number;
  durationMs?: number;
  stopWhen?: StopConditions;
}

export type RunStatus = 'planned' | 'running' | 'stopped' | 'finished';
export type AttackStatus = 'pending' | 'running' | 'stopped' | 'finished';

/** An attack of a run, with its defaults filled in and its progress. */
export interface Attack {
  index: number;
  faultFlag: string;
  variant: string;
  targets: TargetStep[];
  stepMs: number;
  durationMs: number;
  stopWhen: StopConditions;
  status: AttackStatus;
  /** The target step being served (0-based; 0 while pending). */
  step: number;
  startedAt: Date | null;
  endedAt: Date | null;
  stopReason: string | null;
}

/** A fault flag's config as it was when the run started: what ending an attack restores. */
export interface PreRunConfig {
  version: number;
  config: FaultFlagConfig;
}

/** The part of a flag config a game day writes (the flags context's FlagConfigInput, kept as stored). */
export interface FaultFlagConfig {
  on: boolean;
  offVariant: string;
  rules: unknown[];
  fallthrough: unknown;
  prerequisites: unknown[];
  salt?: string;
  breaker?: unknown;
}

/** A game-day run: a plan of attacks on one environment, started by a person, advanced by the scheduler. */
export interface GameDayRun {
  id: string;
  environmentId: string;
  projectKey: string;
  environmentKey: string;
  name: string;
  status: RunStatus;
  /** Moves with every write of the run (its row lock serialises writers; the version tells readers it moved). */
  version: number;
  attacks: Attack[];
  /** Each fault flag's config when the run started, by flag key. */
  preRun: Record<string, PreRunConfig>;
  /** True once every fault of a stopped or finished run is off (the scheduler retries until it is). */
  restored: boolean;
  createdBy: Pick<Actor, 'type' | 'id' | 'name'>;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  stopReason: string | null;
}

export type TimelineKind =
  | 'run-started'
  | 'attack-started'
  | 'step'
  | 'attack-stopped'
  | 'attack-finished'
  | 'run-stopped'
  | 'run-finished'
  | 'trip'
  | 'kill'
  | 'webhook-sent'
  | 'webhook-failed'
  | 'note'
  | 'finding';

/** One entry of a run's timeline. */
export interface TimelineEvent {
  at: Date;
  kind: TimelineKind;
  attack: number | null;
  message: string;
  actor?: Pick<Actor, 'type' | 'id' | 'name'>;
}

/** Calls, failure rate and p99 of a watched flag over a window. */
export interface WindowFigures {
  calls: number;
  failureRate: number | null;
  p99Ms: number | null;
}

/** A watched flag's figures during an attack against the same length before it. */
export interface AttackFigures {
  attack: number;
  flag: string;
  before: WindowFigures;
  during: WindowFigures;
}

/** Something the run revealed, e.g. an alert that did not fire. */
export interface Finding {
  at: Date;
  attack: number;
  message: string;
}

/** The bounds of a plan and its timeline. */
export const GAME_DAY_LIMITS = {
  nameLength: 200,
  attacks: 20,
  steps: 10,
  instances: 100,
  instanceLength: 200,
  defaultDurationMs: 300_000,
  maxDurationMs: 900_000,
  /** The shortest attack (GAME_DAY_MIN_DURATION_MS lowers it for tests). */
  minDurationMs: 10_000,
  stopFlags: 20,
  maxP99Ms: 3_600_000,
  events: 2000,
  noteLength: 2000,
  reasonLength: 500,
  runsListed: 100,
} as const;

/** The scheduler's actor for a run's writes. */
export function runActor(run: Pick<GameDayRun, 'id' | 'name'>): Actor {
  return { type: 'scheduler', id: `game-day:${run.id}`, name: `game day ${run.name}` };
}

/** The flags an attack watches for its figures and findings: those its stop conditions name. */
export function watchedFlags(attack: Pick<Attack, 'stopWhen'>): string[] {
  const { breakerTrips = [], failureRate, p99Ms } = attack.stopWhen;
  return [...new Set([...breakerTrips, ...(failureRate ? [failureRate.flag] : []), ...(p99Ms ? [p99Ms.flag] : [])])];
}

/** The distinct fault flags of a run, in plan order. */
export function faultFlagsOf(run: Pick<GameDayRun, 'attacks'>): string[] {
  return [...new Set(run.attacks.map((attack) => attack.faultFlag))];
}
