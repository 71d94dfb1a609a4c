import type { BreakerEvent, BreakerNotifier, TripFigures } from '../domain/breaker-events.js';
import { nextCoolDown, type BreakerRecord } from '../domain/breaker-state.js';
import type { BreakerFlags, BreakerStore, BreakerWrite, FlagBreakerConfig } from './breaker-ports.js';

/** A trip's figures with when it happened and the reason it gave. */
export type TripDetails = TripFigures & { at: string; reason: string };

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * The breaker's moves between states, each one a version-based write through the flags context followed by
 * the record and the event: open (killed) → probing (after the cool-down) → closed (healthy probe: pre-trip
 * config restored) or open again (failing probe: cool-down doubled). A write that meets a newer version than
 * the breaker's own means a person (or another node) acted: the breaker lets go of the flag.
 */
export class BreakerTransitions {
  constructor(
    private readonly flags: BreakerFlags,
    private readonly store: BreakerStore,
    private readonly notifier: BreakerNotifier,
    private readonly now: () => Date,
  ) {}

  /** The breaker's kill committed: keep what recovery needs, say so. */
  async opened(kill: BreakerWrite, trip: TripDetails, openedAt: Date): Promise<void> {
    const coolDownMs = kill.autoRecover?.coolDownMs ?? null;
    this.emit('breaker.tripped', kill, trip.reason, {
      trip: strip(trip),
      ...(coolDownMs === null ? {} : { coolDownMs }),
    });
    await this.store.save({
      environmentId: kill.ref.environmentId,
      flagKey: kill.ref.flagKey,
      state: 'open',
      preTripVersion: kill.version - 1,
      breakerVersion: kill.version,
      coolDownMs,
      dueAt: coolDownMs === null ? null : new Date(openedAt.getTime() + coolDownMs),
      probeSince: null,
      probeCalls: 0,
      probeFailures: 0,
      openedAt,
      lastTrip: trip,
    });
  }

  /** The cool-down is over: serve the pre-trip config to probePercent% of contexts. */
  async startProbe(record: BreakerRecord): Promise<void> {
    const config = await this.ownConfig(record);
    if (!config) return;
    const auto = config.autoRecover;
    if (!auto) return this.store.save({ ...record, dueAt: null }); // recovery switched off meanwhile: stay killed
    const since = this.now();
    const reason = `probing: ${auto.probePercent}% of contexts get the pre-trip config for ${seconds(auto.probeWindowMs)}`;
    const write = await this.flags.probe(
      config.ref,
      record.breakerVersion,
      { percent: auto.probePercent, since: since.toISOString() },
      reason,
    );
    if (write === 'stale') return this.store.drop(record.environmentId, record.flagKey, record.breakerVersion);
    await this.store.save({
      ...record,
      state: 'probing',
      breakerVersion: write.version,
      probeSince: since,
      dueAt: new Date(since.getTime() + auto.probeWindowMs),
      probeCalls: 0,
      probeFailures: 0,
    });
    this.emit('breaker.probing', write, reason, { probePercent: auto.probePercent });
  }

  /** The probe window is over: restore the pre-trip config when the probes were healthy, else kill again. */
  async judgeProbe(record: BreakerRecord): Promise<void> {
    const config = await this.ownConfig(record);
    if (!config) return;
    const auto = config.autoRecover;
    if (record.probeCalls === 0 && auto) {
      // No probe call reported yet (no traffic, or SDK batches still on their way): watch one more window.
      // Only the due time moves: a save of this read would overwrite probe calls another node records meanwhile.
      const dueAt = new Date(this.now().getTime() + auto.probeWindowMs);
      return this.store.postpone(record.environmentId, record.flagKey, record.breakerVersion, dueAt);
    }
    const ratio = record.probeCalls > 0 ? record.probeFailures / record.probeCalls : 0;
    const figures = `${Math.round(ratio * 100)}% of ${record.probeCalls} probe calls failed`;
    if (!auto || ratio >= config.failureRatio) return this.probeFailed(record, config, `probe failed: ${figures}`);
    const reason = `recovered: ${figures}; the config of version ${record.preTripVersion} restored`;
    const write =
      record.preTripVersion === null
        ? 'stale'
        : await this.flags.recover(config.ref, record.breakerVersion, record.preTripVersion, reason);
    await this.store.drop(record.environmentId, record.flagKey, record.breakerVersion);
    if (write !== 'stale') this.emit('breaker.recovered', write, reason, {});
  }

  /** A probe failed (its window, or a trip during it): kill again, and wait twice as long (up to the maximum). */
  async probeFailed(
    record: BreakerRecord,
    config: FlagBreakerConfig,
    reason: string,
    trip?: TripDetails,
  ): Promise<void> {
    const write = await this.flags.rekill(config.ref, record.breakerVersion, reason);
    if (write === 'stale') return this.store.drop(record.environmentId, record.flagKey, record.breakerVersion);
    const auto = config.autoRecover;
    const coolDownMs = auto ? nextCoolDown(record.coolDownMs ?? auto.coolDownMs, auto) : null;
    const now = this.now();
    await this.store.save({
      ...record,
      state: 'open',
      breakerVersion: write.version,
      coolDownMs,
      dueAt: coolDownMs === null ? null : new Date(now.getTime() + coolDownMs),
      probeSince: null,
      probeCalls: 0,
      probeFailures: 0,
      openedAt: now,
      lastTrip: trip ?? record.lastTrip,
    });
    this.emit('breaker.tripped', write, reason, {
      ...(trip ? { trip: strip(trip) } : {}),
      ...(coolDownMs === null ? {} : { coolDownMs }),
    });
  }

  /** The flag's config when it is still as the breaker last wrote it; otherwise the record is dropped. */
  private async ownConfig(record: BreakerRecord): Promise<FlagBreakerConfig | null> {
    const config = await this.flags.current(record.environmentId, record.flagKey);
    if (config && config.version === record.breakerVersion && config.killed) return config;
    await this.store.drop(record.environmentId, record.flagKey, record.breakerVersion);
    return null;
  }

  private emit(type: BreakerEvent['type'], write: BreakerWrite, reason: string, extra: Partial<BreakerEvent>): void {
    this.notifier.emit({
      type,
      at: this.now().toISOString(),
      environmentId: write.ref.environmentId,
      projectKey: write.ref.projectKey,
      environmentKey: write.ref.environmentKey,
      flagKey: write.ref.flagKey,
      version: write.version,
      reason,
      ...extra,
    });
  }
}

function strip(trip: TripDetails): TripFigures {
  const { at: _at, reason: _reason, ...figures } = trip;
  return figures;
}
