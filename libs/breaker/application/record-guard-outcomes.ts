import type { GuardOutcome } from '../domain/trip.js';
import type { BreakerFlags, BreakerStore, OutcomeMinute, ProbeOutcome } from './breaker-ports.js';

/** Counters guard reports feed (Prometheus on the node that received them). */
export interface GuardMetrics {
  guarded(environmentId: string, flag: string, calls: number, failures: number, timeouts: number): void;
}

const MINUTE = 60_000;

/**
 * Records the guard outcomes SDKs report: per flag and minute, summed in memory and added to Postgres in one
 * statement every `flushMs` (a fleet's 10 s batches cost one write per second, not one per request). Only
 * flags the environment has are kept, so made-up names grow neither the table nor /metrics. Probe outcomes
 * also count towards the flag's probing record, which decides whether it recovers.
 */
export class RecordGuardOutcomes {
  private minutes = new Map<string, OutcomeMinute>();
  private probes: ProbeOutcome[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly flags: BreakerFlags,
    private readonly store: BreakerStore,
    private readonly metrics: GuardMetrics,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly flushMs = 1000,
  ) {}

  async execute(environmentId: string, outcomes: readonly GuardOutcome[]): Promise<void> {
    for (const outcome of outcomes) {
      if (outcome.calls === 0 || !(await this.flags.hasFlag(environmentId, outcome.flag))) continue;
      this.metrics.guarded(environmentId, outcome.flag, outcome.calls, outcome.failures, outcome.timeouts);
      const minute = new Date(Math.floor(outcome.windowStart.getTime() / MINUTE) * MINUTE);
      const key = `${environmentId}\u0000${outcome.flag}\u0000${minute.getTime()}`;
      const row = this.minutes.get(key) ?? {
        environmentId,
        flagKey: outcome.flag,
        minute,
        calls: 0,
        failures: 0,
        timeouts: 0,
        probeCalls: 0,
        probeFailures: 0,
      };
      row.calls += outcome.calls;
      row.failures += outcome.failures;
      row.timeouts += outcome.timeouts;
      if (outcome.probe) {
        row.probeCalls += outcome.calls;
        row.probeFailures += outcome.failures;
        this.probes.push({ ...outcome, environmentId });
      }
      this.minutes.set(key, row);
    }
    if (this.minutes.size > 0 && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending now (also at shutdown). Never rejects; failures go to `onError`. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.minutes.size === 0) return this.writing;
    const minutes = [...this.minutes.values()];
    const probes = this.probes;
    this.minutes = new Map();
    this.probes = [];
    this.writing = this.writing.then(() => this.store.recordOutcomes(minutes, probes)).catch(this.onError);
    return this.writing;
  }
}
