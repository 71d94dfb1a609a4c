import type { BreakerNotifier } from '../domain/breaker-events.js';
import { tripReason, type ReportingInstance, type Trip } from '../domain/trip.js';
import type { BreakerFlags, BreakerStore, BreakerWrite } from './breaker-ports.js';

/**
 * A reported trip kills the flag in the instance's environment (actor `breaker`, the trip's figures as the
 * reason), unless it is killed already: a fleet tripping at once makes one kill (KillFlag joins the burst and
 * the environment's row lock serialises nodes, so later trips find it killed and write nothing). The trip is
 * kept for the breaker view; the first kill opens the flag's breaker record and emits `breaker.tripped`.
 */
export class RecordTrips {
  constructor(
    private readonly flags: BreakerFlags,
    private readonly store: BreakerStore,
    private readonly notifier: BreakerNotifier,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(environmentId: string, instance: ReportingInstance, trips: readonly Trip[]): Promise<void> {
    const byFlag = new Map<string, Trip>();
    for (const trip of trips) if (!byFlag.has(trip.flag)) byFlag.set(trip.flag, trip);
    for (const trip of byFlag.values()) await this.record(environmentId, instance, trip);
  }

  private async record(environmentId: string, instance: ReportingInstance, trip: Trip): Promise<void> {
    const reason = tripReason(trip, instance);
    // The kill first: it is what the fleet waits for; the history can follow.
    const kill = await this.flags.kill(environmentId, trip.flag, reason);
    if (!kill) return; // a flag the environment does not have: nothing to kill, nothing kept
    if (kill.changed) await this.opened(environmentId, instance, trip, reason, kill);
    await this.store.recordTrip(environmentId, instance, trip);
  }

  private async opened(
    environmentId: string,
    instance: ReportingInstance,
    trip: Trip,
    reason: string,
    kill: BreakerWrite,
  ): Promise<void> {
    const now = this.now();
    const figures = {
      calls: trip.calls,
      failures: trip.failures,
      timeouts: trip.timeouts,
      failureRatio: trip.failureRatio,
      windowMs: trip.windowMs,
      probe: trip.probe,
      instance: { id: instance.id, appName: instance.appName, hostname: instance.hostname ?? null },
    };
    const coolDownMs = kill.autoRecover?.coolDownMs ?? null;
    this.notifier.emit({
      type: 'breaker.tripped',
      at: now.toISOString(),
      environmentId,
      projectKey: kill.ref.projectKey,
      environmentKey: kill.ref.environmentKey,
      flagKey: trip.flag,
      version: kill.version,
      reason,
      trip: figures,
      ...(coolDownMs === null ? {} : { coolDownMs }),
    });
    await this.store.open({
      environmentId,
      flagKey: trip.flag,
      state: 'open',
      preTripVersion: kill.version - 1,
      breakerVersion: kill.version,
      coolDownMs,
      dueAt: coolDownMs === null ? null : new Date(now.getTime() + coolDownMs),
      probeSince: null,
      probeCalls: 0,
      probeFailures: 0,
      openedAt: now,
      lastTrip: { ...figures, at: trip.at.toISOString(), reason },
    });
  }
}
