import { tripReason, type ReportingInstance, type Trip } from '../domain/trip.js';
import type { BreakerFlags, BreakerStore, BreakerWrite } from './breaker-ports.js';
import type { BreakerTransitions, TripDetails } from './breaker-transitions.js';

/**
 * A reported trip kills the flag in the instance's environment (actor `breaker`, the trip's figures as the
 * reason), unless it is killed already: a fleet tripping at once makes one kill (KillFlag joins the burst and
 * the environment's row lock serialises nodes, so later trips find it killed and write nothing). The trip is
 * kept for the breaker view; the first kill opens the flag's breaker record and emits `breaker.tripped`. A
 * trip while the flag is probing is a failing probe: the flag is killed again at once.
 */
export class RecordTrips {
  constructor(
    private readonly flags: BreakerFlags,
    private readonly store: BreakerStore,
    private readonly transitions: BreakerTransitions,
    private readonly onTrip: (environmentId: string, flag: string) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(environmentId: string, instance: ReportingInstance, trips: readonly Trip[]): Promise<void> {
    const byFlag = new Map<string, Trip>();
    for (const trip of trips) if (!byFlag.has(trip.flag)) byFlag.set(trip.flag, trip);
    for (const trip of byFlag.values()) await this.record(environmentId, instance, trip);
  }

  private async record(environmentId: string, instance: ReportingInstance, trip: Trip): Promise<void> {
    const receivedAt = this.now();
    const reason = tripReason(trip, instance);
    // The kill first: it is what the fleet waits for; the history can follow.
    const kill = await this.flags.kill(environmentId, trip.flag, reason);
    if (!kill) return; // a flag the environment does not have: nothing to kill, nothing kept
    this.onTrip(environmentId, trip.flag);
    const details = detailsOf(trip, instance, reason);
    if (kill.changed) await this.transitions.opened(kill, details, receivedAt);
    else if (kill.killed?.probe) await this.duringProbe(kill, details);
    await this.store.recordTrip(environmentId, instance, trip);
  }

  private async duringProbe(kill: BreakerWrite, trip: TripDetails): Promise<void> {
    const record = await this.store.find(kill.ref.environmentId, kill.ref.flagKey);
    if (record?.state !== 'probing' || record.breakerVersion !== kill.version) return;
    await this.transitions.probeFailed(record, kill, `probe failed: ${trip.reason}`, trip);
  }
}

function detailsOf(trip: Trip, instance: ReportingInstance, reason: string): TripDetails {
  return {
    at: trip.at.toISOString(),
    reason,
    calls: trip.calls,
    failures: trip.failures,
    timeouts: trip.timeouts,
    failureRatio: trip.failureRatio,
    windowMs: trip.windowMs,
    probe: trip.probe,
    instance: { id: instance.id, appName: instance.appName, hostname: instance.hostname ?? null },
  };
}
