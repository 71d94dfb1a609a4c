import type { TripFigures } from './breaker-events.js';

/** A flag's breaker in one environment, as the service sees it. */
export type BreakerStateName = 'closed' | 'open' | 'probing' | 'pinned';

/** Half-open recovery settings of a flag (its config's `breaker.autoRecover`). */
export interface AutoRecover {
  coolDownMs: number;
  probePercent: number;
  probeWindowMs: number;
  maxCoolDownMs: number;
}

/**
 * What the breaker keeps about a flag it killed (or a person pinned): the config versions it acts on, and when
 * the scheduler acts next. `breakerVersion` is the config version the breaker (or the pin) wrote last: any other
 * write to the flag since (a person's restore, edit or kill) ends the breaker's say over it.
 */
export interface BreakerRecord {
  environmentId: string;
  flagKey: string;
  state: Exclude<BreakerStateName, 'closed'>;
  /** The config version before the trip: what a healthy probe restores. Null when a person pinned a live flag. */
  preTripVersion: number | null;
  breakerVersion: number;
  /** The current cool-down (doubles after each failing probe, up to maxCoolDownMs); null without auto-recovery. */
  coolDownMs: number | null;
  /** When the scheduler acts next: start the probe (open), judge it (probing); null: never (pinned, no autoRecover). */
  dueAt: Date | null;
  probeSince: Date | null;
  probeCalls: number;
  probeFailures: number;
  openedAt: Date;
  lastTrip: (TripFigures & { at: string; reason: string }) | null;
}

/** The cool-down after a failing probe: doubled, at most `maxCoolDownMs`. */
export function nextCoolDown(current: number, autoRecover: AutoRecover): number {
  return Math.min(Math.max(current, 1) * 2, Math.max(autoRecover.maxCoolDownMs, autoRecover.coolDownMs));
}
