import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnModuleInit,
} from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { PruneChangeLog } from '../flags/application/prune-change-log.js';
import { FlagsModule } from '../flags/flags.module.js';
import { HealthIndicatorRegistry } from '../kernel/observability/health-indicator-registry.js';
import { MetricsRegistry } from '../kernel/observability/metrics-registry.js';
import { AccessRevokedCredentials } from './adapters/access-revoked-credentials.js';
import { AuthenticateKeyCheck } from './adapters/authenticate-key-check.js';
import { FlagsConfigProposals } from './adapters/flags-config-proposals.js';
import { FlagsDeliverySource, NotifierCommittedChanges } from './adapters/flags-delivery-source.js';
import { ConfigProposals } from './application/config-proposals.js';
import {
  ChangeBus,
  CommittedChanges,
  DeliverySource,
  InstanceRegistry,
  RevokedCredentials,
  SdkKeyCheck,
} from './application/delivery-ports.js';
import { EstimateRampImpact } from './application/estimate-ramp-impact.js';
import { GetDeliveryStatus } from './application/get-delivery-status.js';
import { RecentContextStore } from './application/recent-context-store.js';
import { RecordRecentContexts } from './application/record-recent-contexts.js';
import { RecordSdkReport } from './application/record-sdk-report.js';
import { RevocationRelay } from './application/revocation-relay.js';
import { SnapshotCache } from './application/snapshot-cache.js';
import { StreamHub } from './application/stream-hub.js';
import { InProcessChangeBus } from './bus/in-process-change-bus.js';
import { RedisChangeBus } from './bus/redis-change-bus.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { SqlInstanceRegistry } from './persistence/sql-instance-registry.js';
import { SqlRecentContextStore } from './persistence/sql-recent-context-store.js';

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

const OPTIONS = Symbol('DELIVERY_OPTIONS');
const NODE_ID = Symbol('DELIVERY_NODE_ID');
const log = new Logger('Delivery');

/** Wires committed changes to the bus and the bus to the streams; registers the readiness check. */
@Injectable()
class DeliveryLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  private unsubscribe: (() => void) | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private pruning = false;

  constructor(
    private readonly hub: StreamHub,
    private readonly bus: ChangeBus,
    private readonly changes: CommittedChanges,
    private readonly cache: SnapshotCache,
    private readonly reports: RecordSdkReport,
    private readonly contexts: RecordRecentContexts,
    private readonly health: HealthIndicatorRegistry,
    private readonly pruneChangeLog: PruneChangeLog,
    private readonly revocations: RevocationRelay,
    @Inject(OPTIONS) private readonly options: DeliveryOptions,
  ) {}

  onModuleInit(): void {
    if (this.bus instanceof RedisChangeBus) this.bus.start();
    this.hub.start();
    this.revocations.start();
    // This node's own commits reach its streams at once, whatever the bus does; the bus tells the others.
    this.unsubscribe = this.changes.subscribe((change) => {
      this.cache.invalidate(change.environmentId);
      void this.hub.receive(change);
      void this.bus.publish(change);
    });
    this.pruneTimer = setInterval(() => void this.prune(), this.options.changeLogPruneIntervalMs ?? 60_000);
    this.pruneTimer.unref();
    const pollMs = this.options.pollMs ?? 2000;
    this.health.register('bus', async () =>
      this.bus.state() === 'up'
        ? { status: 'up', detail: this.options.redisUrl ? 'redis' : 'in-process' }
        : { status: 'degraded', detail: `Redis unreachable: catching up from the change log every ${pollMs} ms` },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.pruneTimer);
    this.unsubscribe?.();
    this.revocations.stop();
    this.hub.shutdown();
    await this.reports.flush();
    await this.contexts.flush();
    await this.bus.close();
  }

  /** One pruning run at a time on this node; other nodes may run theirs (they skip each other's rows). */
  private async prune(): Promise<void> {
    if (this.pruning) return;
    this.pruning = true;
    try {
      const deleted = await this.pruneChangeLog.execute(
        this.options.changeLogRetention ?? { keepVersions: 10_000, maxAgeMs: 86_400_000 },
      );
      if (deleted > 0) log.debug(`pruned ${deleted} change-log rows`);
    } catch (error) {
      log.warn(`pruning the change log failed; will retry: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.pruning = false;
    }
  }
}

/** The delivery context: snapshot cache, SSE stream hub, change bus, SDK instance registry. */
@Module({})
export class DeliveryModule {
  static forRoot(options: DeliveryOptions): DynamicModule {
    const nodeId = options.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(2).toString('hex')}`;
    let lastBusError = 0;
    const busError = (error: Error) => {
      if (Date.now() - lastBusError < 5000) return;
      lastBusError = Date.now();
      log.warn(`change bus: ${error.message}`);
    };
    return {
      module: DeliveryModule,
      imports: [FlagsModule, AccessModule],
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: NODE_ID, useValue: nodeId },
        { provide: DeliverySource, useClass: FlagsDeliverySource },
        { provide: CommittedChanges, useClass: NotifierCommittedChanges },
        { provide: SdkKeyCheck, useClass: AuthenticateKeyCheck },
        { provide: InstanceRegistry, useClass: SqlInstanceRegistry },
        {
          provide: ChangeBus,
          useFactory: () =>
            options.redisUrl ? new RedisChangeBus(options.redisUrl, busError) : new InProcessChangeBus(),
        },
        {
          provide: StreamHub,
          inject: [DeliverySource, ChangeBus, SdkKeyCheck],
          useFactory: (source: DeliverySource, bus: ChangeBus, keys: SdkKeyCheck) =>
            new StreamHub(
              source,
              bus,
              keys,
              {
                heartbeatMs: options.heartbeatMs ?? 15_000,
                catchUpMs: options.pollMs ?? 2_000,
                safetyCatchUpMs: 15_000,
                revalidateMs: options.pollMs ?? 2_000,
                maxStreamsPerKey: options.maxStreamsPerKey ?? 1_000,
              },
              (message, error) => log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
            ),
        },
        { provide: RevokedCredentials, useClass: AccessRevokedCredentials },
        {
          provide: RevocationRelay,
          inject: [ChangeBus, RevokedCredentials, StreamHub],
          useFactory: (bus: ChangeBus, credentials: RevokedCredentials, hub: StreamHub) =>
            new RevocationRelay(bus, credentials, hub, { sweepMs: options.pollMs ?? 2_000 }, (message, error) =>
              log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
            ),
        },
        {
          provide: SnapshotCache,
          inject: [DeliverySource, ChangeBus],
          useFactory: (s: DeliverySource, b: ChangeBus) => new SnapshotCache(s, b),
        },
        {
          provide: DeliveryMetrics,
          inject: [MetricsRegistry, StreamHub, ChangeBus, InstanceRegistry],
          useFactory: (m: MetricsRegistry, h: StreamHub, b: ChangeBus, r: InstanceRegistry) =>
            new DeliveryMetrics(m, h, b, r, options.maxEvaluationSeries),
        },
        {
          provide: RecordSdkReport,
          inject: [InstanceRegistry, SnapshotCache, DeliveryMetrics],
          useFactory: (r: InstanceRegistry, cache: SnapshotCache, m: DeliveryMetrics) =>
            new RecordSdkReport(
              r,
              async (environmentId) => (await cache.get(environmentId))?.variants ?? null,
              m,
              nodeId,
              (error) =>
                log.warn(`recording SDK reports failed: ${error instanceof Error ? error.message : String(error)}`),
            ),
        },
        {
          provide: GetDeliveryStatus,
          inject: [DeliverySource, InstanceRegistry],
          useFactory: (s: DeliverySource, r: InstanceRegistry) => new GetDeliveryStatus(s, r),
        },
        { provide: RecentContextStore, useClass: SqlRecentContextStore },
        { provide: ConfigProposals, useClass: FlagsConfigProposals },
        {
          provide: RecordRecentContexts,
          inject: [RecentContextStore],
          useFactory: (store: RecentContextStore) =>
            new RecordRecentContexts(store, (error) =>
              log.warn(`recording recent contexts failed: ${error instanceof Error ? error.message : String(error)}`),
            ),
        },
        {
          provide: EstimateRampImpact,
          inject: [ConfigProposals, RecentContextStore],
          useFactory: (p: ConfigProposals, s: RecentContextStore) => new EstimateRampImpact(p, s),
        },
        DeliveryLifecycle,
      ],
      exports: [StreamHub, SnapshotCache, RecordSdkReport, GetDeliveryStatus, RecordRecentContexts, EstimateRampImpact],
    };
  }
}
