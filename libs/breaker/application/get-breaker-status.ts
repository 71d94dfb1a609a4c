import type { Kill } from '@switchyard/evaluation';
import type { BreakerRecord, BreakerStateName } from '../domain/breaker-state.js';
import type { BreakerFlags, BreakerStore, FlagBreakerConfig, TripSighting } from './breaker-ports.js';
import type { TripDetails } from './breaker-transitions.js';

/** One minute of the failure-rate series. */
export interface BreakerMinute {
  /** ISO-8601 UTC, the minute's start. */
  minute: string;
  calls: number;
  failures: number;
  timeouts: number;
  /** failures / calls, null when there were no calls. */
  failureRate: number | null;
  probeCalls: number;
  probeFailures: number;
}

/** A flag's breaker in one environment: state, last trip and who tripped, the last hour's failure rates. */
export interface BreakerStatus {
  flagKey: string;
  environmentKey: string;
  state: BreakerStateName;
  /** The flag's config version now. */
  version: number;
  killed: Kill | null;
  /** The config's breaker settings (null: the SDK defaults). */
  settings: Record<string, unknown> | null;
  /** The current cool-down (doubles after each failing probe), null without auto-recovery. */
  coolDownMs: number | null;
  /** When the scheduler starts the next probe (open) or judges the current one (probing). */
  nextActionAt: string | null;
  probe: { percent: number; since: string; calls: number; failures: number } | null;
  /** The config version a healthy probe restores. */
  preTripVersion: number | null;
  lastTrip: (TripDetails & { instances: TripSighting[] }) | null;
  /** The last hour, one entry a minute, oldest first (minutes without reports are zeros). */
  series: BreakerMinute[];
}

const MINUTE = 60_000;
const INSTANCES_SHOWN = 100;

/** The breaker view of a flag (GET …/flags/:flag/breaker). */
export class GetBreakerStatus {
  constructor(
    private readonly flags: BreakerFlags,
    private readonly store: BreakerStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(projectKey: string, environmentKey: string, flagKey: string): Promise<BreakerStatus> {
    const config = await this.flags.byKeys(projectKey, environmentKey, flagKey);
    const environmentId = config.ref.environmentId;
    const record = await this.store.find(environmentId, flagKey);
    const current = record && record.breakerVersion === config.version && config.killed ? record : null;
    const now = this.now().getTime();
    const from = Math.floor(now / MINUTE) * MINUTE - 59 * MINUTE;
    const minutes = await this.store.minutes(environmentId, flagKey, new Date(from));
    const lastTrip = record?.lastTrip ?? null;
    const instances = lastTrip
      ? await this.store.trips(environmentId, flagKey, new Date(record!.openedAt.getTime() - 5_000), INSTANCES_SHOWN)
      : [];
    return {
      flagKey,
      environmentKey,
      state: stateOf(config, current),
      version: config.version,
      killed: config.killed,
      settings: config.settings,
      coolDownMs: current?.coolDownMs ?? null,
      nextActionAt: current?.dueAt?.toISOString() ?? null,
      probe:
        current?.state === 'probing' && config.killed?.probe
          ? { ...config.killed.probe, calls: current.probeCalls, failures: current.probeFailures }
          : null,
      preTripVersion: current?.preTripVersion ?? null,
      lastTrip: lastTrip ? { ...lastTrip, instances } : null,
      series: Array.from({ length: 60 }, (_, index) => {
        const at = from + index * MINUTE;
        const row = minutes.find((m) => m.minute.getTime() === at);
        return {
          minute: new Date(at).toISOString(),
          calls: row?.calls ?? 0,
          failures: row?.failures ?? 0,
          timeouts: row?.timeouts ?? 0,
          failureRate: row && row.calls > 0 ? row.failures / row.calls : null,
          probeCalls: row?.probeCalls ?? 0,
          probeFailures: row?.probeFailures ?? 0,
        };
      }),
    };
  }
}

/** closed: serving (or killed by a person, not the breaker); open: killed by the breaker; probing; pinned. */
function stateOf(config: FlagBreakerConfig, record: BreakerRecord | null): BreakerStateName {
  if (!config.killed) return 'closed';
  if (record) return record.state;
  if (config.killed.probe) return 'probing';
  const kind = (config.killed as { kind?: string }).kind;
  return kind === 'breaker' || config.killed.by === 'breaker' ? 'open' : 'closed';
}
