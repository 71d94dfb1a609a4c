import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const postgresUrl = optionalText.refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
  message: 'must be a postgres:// or postgresql:// URL',
});

const redisUrl = optionalText.refine((value) => value === undefined || /^rediss?:\/\//.test(value), {
  message: 'must be a redis:// or rediss:// URL',
});

/** The one configuration schema: every environment variable the service reads. */
export const appConfigSchema = z.object({
  PORT: port(4242),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl,
  DATA_DIR: z.string().trim().min(1).default('.switchyard'),
  EMBEDDED_PG_PORT: port(54329),
  REDIS_URL: redisUrl,
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  TRUST_PROXY: optionalText.refine((value) => value === undefined || validTrustProxy(value), {
    message:
      'must be true, false, a hop count, or a comma-separated list of proxy addresses/CIDRs (or loopback, linklocal, uniquelocal)',
  }),
  SSE_HEARTBEAT_MS: z.coerce.number().int().min(10).max(600_000).default(15_000),
  DELIVERY_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  NODE_ID: optionalText,
  SSE_MAX_STREAMS_PER_KEY: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  CHANGE_LOG_RETENTION_VERSIONS: z.coerce.number().int().min(1).max(1_000_000_000).default(10_000),
  CHANGE_LOG_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(365 * 86_400_000)
    .default(86_400_000),
  CHANGE_LOG_PRUNE_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  WEBHOOK_SENDERS: z.coerce.number().int().min(0).max(256).default(8),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(10).max(120_000).default(10_000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(86_400_000).default(10_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(3_600_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(30),
  WEBHOOK_RETRY_FOR_MS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 86_400_000)
    .default(86_400_000),
  WEBHOOK_DELIVERY_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .max(365 * 86_400_000)
    .default(7 * 86_400_000),
  SCHEDULER_TICK_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  GAME_DAY_MIN_DURATION_MS: z.coerce.number().int().min(100).max(900_000).default(10_000),
  METRICS_MAX_EVALUATION_SERIES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  CANARY_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((value) => value === 0 || (value >= 100 && value <= 86_400_000), {
      message: 'must be 0 (the canary off) or an interval of 100 to 86400000 ms',
    })
    .default(30_000),
  CANARY_BOUND_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  CANARY_ALERT_URL: optionalText.refine((value) => value === undefined || /^https?:\/\/\S+$/.test(value), {
    message: 'must be an http:// or https:// URL',
  }),
  METRICS_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 16, {
    message: 'must be at least 16 characters',
  }),
  SWITCHYARD_ADMIN_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 16, {
    message: 'must be at least 16 characters',
  }),
});

/** Validated configuration, with DATA_DIR made absolute. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  redisUrl: string | undefined;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  adminToken: string | undefined;
  /**
   * Which proxies to believe for the client address (failed-login limits, logs): none (false), a hop count, or
   * addresses/CIDRs/range names. The client is the rightmost X-Forwarded-For address that is not trusted.
   */
  trustProxy: false | number | string[];
  /** Interval of SSE heartbeat comments on SDK streams. */
  sseHeartbeatMs: number;
  /** Change-log polling while the bus is degraded; also how often open streams' SDK keys are re-checked. */
  deliveryPollMs: number;
  /** This node's name in the SDK instance registry (default host:pid:random). */
  nodeId: string | undefined;
  /** SDK streams one SDK key may hold open on this node; beyond it, 429. */
  sseMaxStreamsPerKey: number;
  /** The change log keeps, per environment, at most this many newest versions... */
  changeLogRetentionVersions: number;
  /** ...and no row older than this (ms); older resumes get a fresh snapshot. */
  changeLogRetentionMs: number;
  /** How often this node prunes the change log. */
  changeLogPruneIntervalMs: number;
  /** Webhook sends in flight on this node at most; 0: this node sends no webhooks (others do). */
  webhookSenders: number;
  /** How often this node looks for alerts to dispatch and deliveries that are due. */
  webhookPollMs: number;
  /** Each webhook attempt is abandoned after this long. */
  webhookTimeoutMs: number;
  /** Retry back-off: the first delay, the longest one, attempts at most, and for how long after the event. */
  webhookRetryBaseMs: number;
  webhookRetryMaxMs: number;
  webhookMaxAttempts: number;
  webhookRetryForMs: number;
  /** Sent and failed deliveries are deleted this long after they completed. */
  webhookDeliveryRetentionMs: number;
  /** Interval of the scheduler's ticks (breaker recovery, pruning); also how soon a standby node takes over. */
  schedulerTickMs: number;
  /** The shortest game-day attack accepted (tests lower it; people keep 10 s or more). */
  gameDayMinDurationMs: number;
  /** Series of the per-flag evaluation counter in /metrics, at most. */
  metricsMaxEvaluationSeries: number;
  /** The scheduler's leader kills and restores the canary's flag this often; 0 turns the canary off. */
  canaryIntervalMs: number;
  /** A canary change must reach each node's SDK stream within this long, or the node's canary is degraded. */
  canaryBoundMs: number;
  /** The operator's webhook for canary alerts (degraded, recovered), POSTed as JSON. */
  canaryAlertUrl: string | undefined;
  /** When set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
}

/** A configuration problem; its message names the variable and what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Validates the environment once, at start. Throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = appConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const value = env[name];
      const secret = name === 'SWITCHYARD_ADMIN_TOKEN' || name === 'METRICS_TOKEN';
      const shown = secret || value === undefined ? '' : ` (got "${value}")`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: resolve(c.DATA_DIR),
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    redisUrl: c.REDIS_URL,
    logLevel: c.LOG_LEVEL,
    adminToken: c.SWITCHYARD_ADMIN_TOKEN,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    sseHeartbeatMs: c.SSE_HEARTBEAT_MS,
    deliveryPollMs: c.DELIVERY_POLL_MS,
    nodeId: c.NODE_ID,
    sseMaxStreamsPerKey: c.SSE_MAX_STREAMS_PER_KEY,
    changeLogRetentionVersions: c.CHANGE_LOG_RETENTION_VERSIONS,
    changeLogRetentionMs: c.CHANGE_LOG_RETENTION_MS,
    changeLogPruneIntervalMs: c.CHANGE_LOG_PRUNE_INTERVAL_MS,
    webhookSenders: c.WEBHOOK_SENDERS,
    webhookPollMs: c.WEBHOOK_POLL_MS,
    webhookTimeoutMs: c.WEBHOOK_TIMEOUT_MS,
    webhookRetryBaseMs: c.WEBHOOK_RETRY_BASE_MS,
    webhookRetryMaxMs: c.WEBHOOK_RETRY_MAX_MS,
    webhookMaxAttempts: c.WEBHOOK_MAX_ATTEMPTS,
    webhookRetryForMs: c.WEBHOOK_RETRY_FOR_MS,
    webhookDeliveryRetentionMs: c.WEBHOOK_DELIVERY_RETENTION_MS,
    schedulerTickMs: c.SCHEDULER_TICK_MS,
    gameDayMinDurationMs: c.GAME_DAY_MIN_DURATION_MS,
    metricsMaxEvaluationSeries: c.METRICS_MAX_EVALUATION_SERIES,
    canaryIntervalMs: c.CANARY_INTERVAL_MS,
    canaryBoundMs: c.CANARY_BOUND_MS,
    canaryAlertUrl: c.CANARY_ALERT_URL,
    metricsToken: c.METRICS_TOKEN,
  };
}

/**
 * What `TRUST_PROXY=true` trusts: proxies on loopback, link-local and private addresses (proxy-addr's names).
 * Never "every hop", which would make the leftmost X-Forwarded-For address, the one a client writes, the client.
 */
export const TRUST_PROXY_TRUE = ['loopback', 'linklocal', 'uniquelocal'];

const RANGE_NAMES = new Set(TRUST_PROXY_TRUE);

function validTrustProxy(value: string): boolean {
  if (value === 'true' || value === 'false' || /^\d{1,2}$/.test(value)) return true;
  return value.split(',').every((entry) => {
    const item = entry.trim();
    if (RANGE_NAMES.has(item)) return true;
    const [address, bits, extra] = item.split('/');
    if (extra !== undefined || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return false;
    return isIP(address ?? '') !== 0;
  });
}

function parseTrustProxy(value: string | undefined): false | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return [...TRUST_PROXY_TRUE];
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}
