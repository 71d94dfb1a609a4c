import type { HealthIndicatorRegistry, MetricsRegistry } from '@switchyard/kernel';
import { FetchCanaryAlerts } from './adapters/fetch-canary-alerts.js';
import { openSdkProbeClient } from './adapters/sdk-probe-client.js';
import type {
  CanaryAlerts,
  CanaryChangeStore,
  CanaryFlags,
  CanaryKeys,
  ProbeClientFactory,
} from './application/canary-ports.js';
import { WatchCanary } from './application/watch-canary.js';
import { WriteCanaryChanges } from './application/write-canary-changes.js';
import { CanaryMetrics } from './canary-metrics.js';

/** How the canary runs on this node. */
export interface CanaryOptions {
  /** The leader writes a kill and a restore this often; 0 turns the canary off. */
  intervalMs: number;
  /** A change must reach each node's SDK stream within this many ms. */
  boundMs: number;
  /** The operator's webhook for canary alerts (POSTed JSON); none when undefined. */
  alertUrl?: string;
  /** This node's name (labels, SDK key name, alerts). */
  nodeId: string;
}

/** Where the canary logs what it survives. */
export interface CanaryLog {
  warn(message: string): void;
}

/** What the canary needs from outside. */
export interface CanaryPorts {
  flags: CanaryFlags;
  keys: CanaryKeys;
  store: CanaryChangeStore;
  metrics: MetricsRegistry;
  health: HealthIndicatorRegistry;
  selfUrl: () => string | undefined;
  log: CanaryLog;
  alerts?: CanaryAlerts;
  openClient?: ProbeClientFactory;
}

/** A canary failure repeats every check: log one every this many ms at most. */
const LOG_INTERVAL_MS = 10_000;

/** Builds one node's canary: the leader's writer job and this node's watch, with its health check. */
export function composeCanary(options: CanaryOptions, ports: CanaryPorts) {
  let lastLog = 0;
  const warn = (message: string, error?: unknown) => {
    if (Date.now() - lastLog < LOG_INTERVAL_MS) return;
    lastLog = Date.now();
    ports.log.warn(
      error === undefined ? message : `${message}: ${error instanceof Error ? error.message : String(error)}`,
    );
  };
  const metrics = new CanaryMetrics(ports.metrics, options.nodeId);
  const writer = new WriteCanaryChanges(ports.flags, ports.store, options.nodeId, {
    wrote: (kind) => metrics.wrote(kind),
    failed: (error) => {
      metrics.writeFailed();
      warn('the canary could not write its kill and restore', error);
    },
  });
  const openClient: ProbeClientFactory =
    ports.openClient ??
    ((baseUrl, sdkKey) => openSdkProbeClient(baseUrl, sdkKey, (error) => warn('canary SDK client', error)));
  const watch = new WatchCanary(
    {
      flags: ports.flags,
      keys: ports.keys,
      store: ports.store,
      alerts: ports.alerts ?? new FetchCanaryAlerts(options.alertUrl, (message) => ports.log.warn(message)),
      openClient,
      selfUrl: ports.selfUrl,
      observe: (outcome) => metrics.observe(outcome, Date.now()),
      verdictChanged: (verdict) => metrics.verdict(verdict),
      warn,
    },
    {
      node: options.nodeId,
      intervalMs: options.intervalMs,
      boundMs: options.boundMs,
      checkMs: Math.min(1_000, Math.max(20, Math.floor(options.boundMs / 5))),
    },
  );
  return {
    writer,
    watch,
    start() {
      watch.start();
      ports.health.register('canary', async () => watch.verdict());
    },
    async stop() {
      ports.health.unregister('canary');
      await watch.stop();
    },
  };
}

/** The composed canary of one node. */
export type Canary = ReturnType<typeof composeCanary>;
