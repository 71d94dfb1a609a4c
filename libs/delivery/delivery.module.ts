import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnModuleInit,
} from '@nestjs/common';
import { AccessModule } from '@switchyard/access';
import { FlagsModule } from '@switchyard/flags';
import { LeaderTicker } from '@switchyard/database';
import { composedProviders, HealthIndicatorRegistry, MetricsRegistry } from '@switchyard/kernel';
import { FlagsActivityFlags } from './adapters/flags-activity-flags.js';
import { AccessRevokedCredentials } from './adapters/access-revoked-credentials.js';
import { AuthenticateKeyCheck } from './adapters/authenticate-key-check.js';
import { FlagsChangeLogPruner } from './adapters/flags-change-log-pruner.js';
import { FlagsConfigProposals } from './adapters/flags-config-proposals.js';
import { FlagsDeliverySource, NotifierCommittedChanges } from './adapters/flags-delivery-source.js';
import { EstimateRampImpact } from './application/estimate-ramp-impact.js';
import type { FlagActivityStore } from './application/flag-activity-ports.js';
import { GetDeliveryStatus } from './application/get-delivery-status.js';
import { GetFlagActivity } from './application/get-flag-activity.js';
import { GetLastEvaluations } from './application/get-last-evaluations.js';
import { GetSdkKeyUsage } from './application/get-sdk-key-usage.js';
import { ListSdkInstances } from './application/list-sdk-instances.js';
import { RecordRecentContexts } from './application/record-recent-contexts.js';
import { RecordSdkReport } from './application/record-sdk-report.js';
import { SnapshotCache } from './application/snapshot-cache.js';
import { StreamHub } from './application/stream-hub.js';
import { composeDelivery, type Delivery, type DeliveryOptions, type DeliveryPorts } from './compose-delivery.js';
import { SqlFlagActivityStore } from './persistence/sql-flag-activity-store.js';
import { SqlInstanceRegistry } from './persistence/sql-instance-registry.js';
import { SqlRecentContextStore } from './persistence/sql-recent-context-store.js';

export type { DeliveryOptions } from './compose-delivery.js';

const DELIVERY = Symbol('DELIVERY');

/** Delivery's ports as Nest resolves them: the adapters over the other contexts, its stores, the platform. */
@Injectable()
class NestDeliveryPorts implements DeliveryPorts {
  readonly log = new Logger('Delivery');

  constructor(
    readonly source: FlagsDeliverySource,
    readonly committedChanges: NotifierCommittedChanges,
    readonly sdkKeys: AuthenticateKeyCheck,
    readonly revokedCredentials: AccessRevokedCredentials,
    readonly proposals: FlagsConfigProposals,
    readonly changeLog: FlagsChangeLogPruner,
    readonly instances: SqlInstanceRegistry,
    readonly recentContexts: SqlRecentContextStore,
    readonly activity: SqlFlagActivityStore,
    readonly activityFlags: FlagsActivityFlags,
    readonly metrics: MetricsRegistry,
    readonly health: HealthIndicatorRegistry,
  ) {}
}

/**
 * Starts the composed context with the app and stops it before the app (and its database) goes; prunes flag
 * activity every minute on the scheduler's leader.
 */
@Injectable()
class DeliveryLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  private readonly log = new Logger('Delivery');
  private unregister: (() => void) | undefined;

  constructor(
    @Inject(DELIVERY) private readonly delivery: Delivery,
    private readonly ticker: LeaderTicker,
    private readonly activity: SqlFlagActivityStore,
  ) {}

  onModuleInit(): void {
    this.delivery.start();
    this.unregister = this.ticker.register('flag-activity-prune', (now) => this.prune(this.activity, now), {
      everyMs: 60_000,
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    this.unregister?.();
    return this.delivery.stop();
  }

  private async prune(store: FlagActivityStore, now: Date): Promise<void> {
    const deleted = await store.prune(now);
    if (deleted > 0) this.log.debug(`pruned ${deleted} flag-activity rows`);
  }
}

const EXPOSED = {
  hub: StreamHub,
  snapshots: SnapshotCache,
  recordSdkReport: RecordSdkReport,
  recordRecentContexts: RecordRecentContexts,
  getDeliveryStatus: GetDeliveryStatus,
  getFlagActivity: GetFlagActivity,
  getLastEvaluations: GetLastEvaluations,
  getSdkKeyUsage: GetSdkKeyUsage,
  listSdkInstances: ListSdkInstances,
  estimateRampImpact: EstimateRampImpact,
};

/** The delivery context (snapshot cache, SSE stream hub, change bus, SDK instance registry), built by composeDelivery. */
@Module({})
export class DeliveryModule {
  static forRoot(options: DeliveryOptions): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [FlagsModule, AccessModule],
      providers: [
        FlagsDeliverySource,
        NotifierCommittedChanges,
        AuthenticateKeyCheck,
        AccessRevokedCredentials,
        FlagsConfigProposals,
        FlagsChangeLogPruner,
        SqlInstanceRegistry,
        SqlRecentContextStore,
        SqlFlagActivityStore,
        FlagsActivityFlags,
        NestDeliveryPorts,
        {
          provide: DELIVERY,
          inject: [NestDeliveryPorts],
          useFactory: (ports: DeliveryPorts) => composeDelivery(options, ports),
        },
        ...composedProviders<Delivery>(DELIVERY, EXPOSED),
        DeliveryLifecycle,
      ],
      exports: Object.values(EXPOSED),
    };
  }
}
