import type { CanaryChange } from './canary-change.js';

/** What the watch learnt: a change reached this node's stream (maybe late), or is overdue. */
export type CanaryOutcome =
  | { type: 'arrived'; change: CanaryChange; propagationMs: number; late: boolean }
  | { type: 'overdue'; change: CanaryChange; waitedMs: number };

/** This node's canary verdict, as `/health/ready` shows it. */
export interface CanaryVerdict {
  status: 'up' | 'degraded';
  detail: string;
}

/** How the watch judges. */
export interface CanaryWatchOptions {
  node: string;
  /** A change must reach this node's stream within this many ms of being asked for. */
  boundMs: number;
  /** How often the leader writes a kill and a restore. */
  intervalMs: number;
}

/** Arrivals remembered for changes this node learns of after its stream had them (the store is polled). */
const ARRIVALS_KEPT = 64;
/** Intervals without any change written (plus the bound) before the watch says the leader cannot write. */
const SILENT_INTERVALS = 3;

/**
 * One node's view of the canary's changes: which were written (from the store), which reached this node's SDK
 * stream and when, which are past the bound. Pure: the caller feeds it times. The newest change judged decides the
 * verdict: one late change keeps the node degraded until a later one arrives in time.
 */
export class CanaryWatch {
  private readonly pending = new Map<number, CanaryChange>();
  private readonly overdue = new Set<number>();
  /** (version, first time seen) of each version the stream reached, ascending. */
  private readonly arrivals: Array<{ version: number; at: number }> = [];
  private newestSeen = 0;
  private judged: { change: CanaryChange; ok: boolean; ms: number; arrived: boolean } | undefined;
  private newestAskedAt: number | undefined;

  constructor(
    private readonly options: CanaryWatchOptions,
    private readonly startedAt: number,
  ) {}

  /** The store says the canary wrote `change`. Already seen on the stream: judged at once. */
  written(change: CanaryChange): CanaryOutcome[] {
    if (this.pending.has(change.version) || (this.judged && change.version <= this.judged.change.version)) return [];
    this.newestAskedAt = Math.max(this.newestAskedAt ?? 0, change.askedAt);
    const arrival = this.arrivals.find((seen) => seen.version >= change.version);
    if (arrival) return [this.arrive(change, arrival.at)];
    this.pending.set(change.version, change);
    return [];
  }

  /** This node's stream served environment version `version` at `at`: every pending change up to it arrived. */
  seen(version: number, at: number): CanaryOutcome[] {
    if (version <= this.newestSeen) return [];
    this.newestSeen = version;
    this.arrivals.push({ version, at });
    if (this.arrivals.length > ARRIVALS_KEPT) this.arrivals.shift();
    const outcomes: CanaryOutcome[] = [];
    for (const change of [...this.pending.values()].sort((a, b) => a.version - b.version)) {
      if (change.version <= version) outcomes.push(this.arrive(change, at));
    }
    return outcomes;
  }

  /** Marks the changes still pending past the bound as overdue (once each). */
  check(now: number): CanaryOutcome[] {
    const outcomes: CanaryOutcome[] = [];
    for (const change of this.pending.values()) {
      const waitedMs = now - change.askedAt;
      if (waitedMs <= this.options.boundMs || this.overdue.has(change.version)) continue;
      this.overdue.add(change.version);
      this.judge(change, false, waitedMs, false);
      outcomes.push({ type: 'overdue', change, waitedMs });
    }
    return outcomes;
  }

  /**
   * Degraded while the newest judged change was late or is overdue, or when no change has been written for three
   * intervals and the bound (the leader cannot write; a late change is said first, being the more specific).
   */
  verdict(now: number): CanaryVerdict {
    const { node, boundMs, intervalMs } = this.options;
    const judged = this.judged;
    if (judged && !judged.ok) {
      const what = `${judged.change.kind} (environment version ${judged.change.version})`;
      return {
        status: 'degraded',
        detail: judged.arrived
          ? `the ${what} reached ${node} after ${judged.ms} ms, over the bound of ${boundMs} ms`
          : `the ${what} has not reached ${node} within ${boundMs} ms`,
      };
    }
    const silentFor = now - (this.newestAskedAt ?? this.startedAt);
    if (silentFor > SILENT_INTERVALS * intervalMs + boundMs) {
      return {
        status: 'degraded',
        detail: `no canary change written for ${silentFor} ms (the scheduler's leader writes one every ${intervalMs} ms)`,
      };
    }
    if (!judged) return { status: 'up', detail: `waiting for the first canary change on ${node}` };
    const what = `${judged.change.kind} (environment version ${judged.change.version})`;
    return { status: 'up', detail: `last ${what} reached ${node} in ${judged.ms} ms (bound ${boundMs} ms)` };
  }

  private arrive(change: CanaryChange, at: number): CanaryOutcome {
    this.pending.delete(change.version);
    this.overdue.delete(change.version);
    const propagationMs = Math.max(0, at - change.askedAt);
    const late = propagationMs > this.options.boundMs;
    this.judge(change, !late, propagationMs, true);
    return { type: 'arrived', change, propagationMs, late };
  }

  private judge(change: CanaryChange, ok: boolean, ms: number, arrived: boolean): void {
    if (this.judged && change.version < this.judged.change.version) return;
    this.judged = { change, ok, ms, arrived };
  }
}
