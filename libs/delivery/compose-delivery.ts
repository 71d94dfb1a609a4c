import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { HealthIndicatorRegistry, MetricsRegistry } from '@switchyard/kernel';
import { ChangeLogPruning } from './application/change-log-pruning.js';
import type { ConfigProposals } from './application/config-proposals.js';
import type {
  ChangeBus,
  ChangeLogPruner,
  CommittedChanges,
  DeliverySource,
  InstanceRegistry,
  RevokedCredentials,
  SdkKeyCheck,
} from './application/delivery-ports.js';
import { EstimateRampImpact } from './application/estimate-ramp-impact.js';
import type { ActivityFlags, FlagActivityStore } from './application/flag-activity-ports.js';
import { GetFlagActivity } from './application/get-flag-activity.js';
import { GetLastEvaluations } from './application/get-last-evaluations.js';
import { GetDeliveryStatus } from './application/get-delivery-status.js';
import { GetSdkKeyUsage } from './application/get-sdk-key-usage.js';
import { ListSdkInstances } from './application/list-sdk-instances.js';
import type { RecentContextStore } from './application/recent-context-store.js';
import { RecordRecentContexts } from './application/record-recent-contexts.js';
import { RecordFlagActivity } from './application/record-flag-activity.js';
import { RecordSdkReport } from './application/record-sdk-report.js';
import { RevocationRelay } from './application/revocation-relay.js';
import { SnapshotCache } from './application/snapshot-cache.js';
import { StreamHub } from './application/stream-hub.js';
import { InProcessChangeBus } from './bus/in-process-change-bus.js';
import { RedisChangeBus } from './bus/redis-change-bus.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { sseFrames } from './transport/sse-frames.js';

/** How delivery runs on this node. */
export interface DeliveryOptions {
  /** Redis for the bus between nodes; without it, an in-process bus (single node). */
  redisUrl?: string;
  /** SSE heartbeat interval (default 15 000 ms). */
  heartbeatMs?: number;
  /** Change-log polling while the bus is degraded, and SDK-key re-checks of open streams (default 2 000 ms). */
  pollMs?: number;
  /** This node's name in the instance registry (default host:pid:random). */
  nodeId?: string;
  /** Series of the per-flag evaluation counter this node exposes at most (default 10 000). */
  maxEvaluationSeries?: number;
  /** SDK streams one key may hold open on this node (default 1 000); beyond it, 429. */
  maxStreamsPerKey?: number;
  /** Change-log retention: newest versions kept per environment, and maximum age (default 10 000 and a day). */
  changeLogRetention?: { keepVersions: number; maxAgeMs: number };
  /** How often this node prunes the change log (default 60 000 ms). */
  changeLogPruneIntervalMs?: number;
}

/** Where delivery logs what it survives (a failed write, the bus going away). */
export interface DeliveryLog {
  warn(message: string): void;
  debug(message: string): void;
}

/** What delivery needs from outside: the other contexts (through its ports), its stores, the platform. */
export interface DeliveryPorts {
  source: DeliverySource;
  committedChanges: CommittedChanges;
  sdkKeys: SdkKeyCheck;
  revokedCredentials: RevokedCredentials;
  proposals: ConfigProposals;
  changeLog: ChangeLogPruner;
  instances: InstanceRegistry;
  recentContexts: RecentContextStore;
  activity: FlagActivityStore;
  activityFlags: ActivityFlags;
  metrics: MetricsRegistry;
  health: HealthIndicatorRegistry;
  log: DeliveryLog;
}

/** The delivery context of one node, ready to start: what transports use, and its lifecycle. */
export interface Delivery {
  readonly bus: ChangeBus;
  readonly hub: StreamHub;
  readonly snapshots: SnapshotCache;
  readonly recordSdkReport: RecordSdkReport;
  readonly recordFlagActivity: RecordFlagActivity;
  readonly getFlagActivity: GetFlagActivity;
  readonly getLastEvaluations: GetLastEvaluations;
  readonly recordRecentContexts: RecordRecentContexts;
  readonly getDeliveryStatus: GetDeliveryStatus;
  readonly getSdkKeyUsage: GetSdkKeyUsage;
  readonly listSdkInstances: ListSdkInstances;
  readonly estimateRampImpact: EstimateRampImpact;
  /** Connects the bus, starts the timers, relays committed changes and revocations, registers the health check. */
  start(): void;
  /** Stops all of it, ends the streams and writes what is still buffered. */
  stop(): Promise<void>;
}

/** A bus error repeats on every reconnect attempt: log one every this many ms at most. */
const BUS_ERROR_LOG_INTERVAL_MS = 5_000;

/** Builds the delivery context from its options and ports: the one place its parts are wired. */
export function composeDelivery(options: DeliveryOptions, ports: DeliveryPorts): Delivery {
  const { log } = ports;
  const warn = (message: string, error: unknown) =>
    log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`);
  const nodeId = options.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(2).toString('hex')}`;
  const pollMs = options.pollMs ?? 2_000;

  let lastBusError = 0;
  const bus: ChangeBus = options.redisUrl
    ? new RedisChangeBus(options.redisUrl, (error) => {
        if (Date.now() - lastBusError < BUS_ERROR_LOG_INTERVAL_MS) return;
        lastBusError = Date.now();
        log.warn(`change bus: ${error.message}`);
      })
    : new InProcessChangeBus();
  const hub = new StreamHub(
    ports.source,
    bus,
    ports.sdkKeys,
    sseFrames,
    {
      heartbeatMs: options.heartbeatMs ?? 15_000,
      catchUpMs: pollMs,
      safetyCatchUpMs: 15_000,
      revalidateMs: pollMs,
      maxStreamsPerKey: options.maxStreamsPerKey ?? 1_000,
    },
    warn,
  );
  const revocations = new RevocationRelay(bus, ports.revokedCredentials, hub, { sweepMs: pollMs }, warn);
  const snapshots = new SnapshotCache(ports.source, bus);
  const metrics = new DeliveryMetrics(ports.metrics, hub, bus, ports.instances, options.maxEvaluationSeries);
  const recordFlagActivity = new RecordFlagActivity(ports.activity, (error) =>
    warn('recording flag activity failed', error),
  );
  const recordSdkReport = new RecordSdkReport(
    ports.instances,
    async (environmentId) => (await snapshots.get(environmentId))?.variants ?? null,
    metrics,
    nodeId,
    (error) => warn('recording SDK reports failed', error),
    undefined,
    recordFlagActivity,
  );
  const recordRecentContexts = new RecordRecentContexts(ports.recentContexts, (error) =>
    warn('recording recent contexts failed', error),
  );
  const pruning = new ChangeLogPruning(
    ports.changeLog,
    {
      retention: options.changeLogRetention ?? { keepVersions: 10_000, maxAgeMs: 86_400_000 },
      intervalMs: options.changeLogPruneIntervalMs ?? 60_000,
    },
    (deleted) => log.debug(`pruned ${deleted} change-log rows`),
    warn,
  );
  let unsubscribe: (() => void) | undefined;

  return {
    bus,
    hub,
    snapshots,
    recordSdkReport,
    recordFlagActivity,
    getFlagActivity: new GetFlagActivity(ports.activityFlags, ports.activity),
    getLastEvaluations: new GetLastEvaluations(ports.source, ports.activity),
    recordRecentContexts,
    getDeliveryStatus: new GetDeliveryStatus(ports.source, ports.instances),
    getSdkKeyUsage: new GetSdkKeyUsage(ports.instances),
    listSdkInstances: new ListSdkInstances(ports.source, ports.instances),
    estimateRampImpact: new EstimateRampImpact(ports.proposals, ports.recentContexts),
    start() {
      bus.start();
      hub.start();
      revocations.start();
      // The bus tells the other nodes first (one publish, before this node's own fan-out, which can wait a few
      // microseconds); this node's commits reach its streams at once, whatever the bus does.
      unsubscribe = ports.committedChanges.subscribe((change) => {
        void bus.publish(change);
        snapshots.invalidate(change.environmentId);
        void hub.receive(change);
      });
      pruning.start();
      ports.health.register('bus', async () =>
        bus.state() === 'up'
          ? { status: 'up', detail: bus.kind }
          : { status: 'degraded', detail: `Redis unreachable: catching up from the change log every ${pollMs} ms` },
      );
    },
    async stop() {
      pruning.stop();
      unsubscribe?.();
      revocations.stop();
      hub.shutdown();
      await recordSdkReport.flush();
      await recordFlagActivity.flush();
      await recordRecentContexts.flush();
      await bus.stop();
    },
  };
}
