import type { Kill } from '@switchyard/evaluation';
import type { Actor } from '@switchyard/kernel';
import {
  BreakerFlags,
  BreakerStore,
  type BreakerWrite,
  type FlagBreakerConfig,
  type FlagRef,
  type OutcomeMinute,
  type ProbeOutcome,
  type TripSighting,
} from '../application/breaker-ports.js';
import type { AutoRecover, BreakerRecord } from '../domain/breaker-state.js';
import type { ReportingInstance, Trip } from '../domain/trip.js';

interface FakeFlag {
  versions: Array<{ killed: Kill | null; label: string }>;
  autoRecover: AutoRecover | null;
}

/** Flags in memory: each write appends a version, so tests compare what recovery restored. */
export class InMemoryBreakerFlags extends BreakerFlags {
  readonly flags = new Map<string, FakeFlag>();

  add(flagKey: string, autoRecover: AutoRecover | null, label = 'targeting v1'): void {
    this.flags.set(flagKey, { versions: [{ killed: null, label }], autoRecover });
  }

  /** A person's write (an edit, a restore): a new version the breaker did not write. */
  personWrites(flagKey: string, killed: Kill | null, label = 'edited'): void {
    this.flags.get(flagKey)!.versions.push({ killed, label });
  }

  version(flagKey: string): number {
    return this.flags.get(flagKey)!.versions.length;
  }

  latest(flagKey: string) {
    return this.flags.get(flagKey)!.versions.at(-1)!;
  }

  async kill(environmentId: string, flagKey: string, reason: string): Promise<BreakerWrite | null> {
    const flag = this.flags.get(flagKey);
    if (!flag) return null;
    const changed = this.latest(flagKey).killed === null;
    if (changed) this.push(flagKey, { at: 'now', by: 'breaker', kind: 'breaker', reason });
    return { ...(await this.current(environmentId, flagKey))!, changed };
  }

  async current(environmentId: string, flagKey: string): Promise<FlagBreakerConfig | null> {
    const flag = this.flags.get(flagKey);
    if (!flag) return null;
    return {
      ref: ref(environmentId, flagKey),
      version: flag.versions.length,
      killed: this.latest(flagKey).killed,
      autoRecover: flag.autoRecover,
      failureRatio: 0.5,
      settings: null,
    };
  }

  async byKeys(_project: string, _environment: string, flagKey: string): Promise<FlagBreakerConfig> {
    return (await this.current('env-1', flagKey))!;
  }

  async probe(r: FlagRef, baseVersion: number, probe: { percent: number; since: string }) {
    if (this.version(r.flagKey) !== baseVersion || !this.latest(r.flagKey).killed) return 'stale' as const;
    this.push(r.flagKey, { ...this.latest(r.flagKey).killed!, probe });
    return this.written(r);
  }

  async recover(r: FlagRef, baseVersion: number, preTripVersion: number) {
    if (this.version(r.flagKey) !== baseVersion) return 'stale' as const;
    const old = this.flags.get(r.flagKey)!.versions[preTripVersion - 1]!;
    this.flags.get(r.flagKey)!.versions.push({ killed: null, label: old.label });
    return this.written(r);
  }

  async rekill(r: FlagRef, baseVersion: number, reason: string) {
    if (this.version(r.flagKey) !== baseVersion) return 'stale' as const;
    this.push(r.flagKey, { at: 'now', by: 'breaker', kind: 'breaker', reason });
    return this.written(r);
  }

  async pin(r: FlagRef, actor: Actor, reason: string): Promise<BreakerWrite> {
    this.push(r.flagKey, { at: 'now', by: actor.name, reason });
    return this.written(r);
  }

  async hasFlag(_environmentId: string, flagKey: string): Promise<boolean> {
    return this.flags.has(flagKey);
  }

  private push(flagKey: string, killed: Kill): void {
    this.flags.get(flagKey)!.versions.push({ killed, label: this.latest(flagKey).label });
  }

  private async written(r: FlagRef): Promise<BreakerWrite> {
    return { ...(await this.current(r.environmentId, r.flagKey))!, changed: true };
  }
}

/** The breaker's records in memory. */
export class InMemoryBreakerStore extends BreakerStore {
  readonly tripsSeen: Array<{ instance: string; flag: string }> = [];
  readonly records = new Map<string, BreakerRecord>();
  readonly outcomeMinutes: OutcomeMinute[] = [];

  async recordTrip(_environmentId: string, instance: ReportingInstance, trip: Trip): Promise<void> {
    this.tripsSeen.push({ instance: instance.id, flag: trip.flag });
  }

  async recordOutcomes(minutes: OutcomeMinute[], probes: ProbeOutcome[]): Promise<void> {
    this.outcomeMinutes.push(...minutes);
    for (const probe of probes) {
      const record = this.records.get(probe.flag);
      if (record?.state !== 'probing' || probe.windowStart < record.probeSince!) continue;
      record.probeCalls += probe.calls;
      record.probeFailures += probe.failures;
    }
  }

  async save(record: BreakerRecord): Promise<void> {
    this.records.set(record.flagKey, { ...record });
  }

  async postpone(_environmentId: string, flagKey: string, breakerVersion: number, dueAt: Date): Promise<void> {
    const record = this.records.get(flagKey);
    if (record?.breakerVersion === breakerVersion) record.dueAt = dueAt;
  }

  async drop(_environmentId: string, flagKey: string, breakerVersion: number): Promise<void> {
    if (this.records.get(flagKey)?.breakerVersion === breakerVersion) this.records.delete(flagKey);
  }

  async find(_environmentId: string, flagKey: string): Promise<BreakerRecord | null> {
    const record = this.records.get(flagKey);
    return record ? { ...record } : null;
  }

  async due(now: Date, limit: number): Promise<BreakerRecord[]> {
    return [...this.records.values()]
      .filter((r) => r.dueAt !== null && r.dueAt <= now && r.state !== 'pinned')
      .slice(0, limit)
      .map((r) => ({ ...r }));
  }

  async minutes(): Promise<OutcomeMinute[]> {
    return this.outcomeMinutes;
  }

  async trips(): Promise<TripSighting[]> {
    return [];
  }

  async prune(): Promise<number> {
    return 0;
  }

  async states() {
    return [...this.records.values()].map((r) => ({
      environmentId: r.environmentId,
      flagKey: r.flagKey,
      state: r.state,
    }));
  }
}

function ref(environmentId: string, flagKey: string): FlagRef {
  return { environmentId, projectKey: 'shop', environmentKey: 'prod', flagKey };
}
