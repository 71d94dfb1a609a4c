import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4242, host: '0.0.0.0', embeddedPgPort: 54329, logLevel: 'info' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/\.switchyard$/);
  });

  it('reads TRUST_PROXY as off, a hop count or a list of proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1,::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'loopback,10.1.2.3' }).trustProxy).toEqual(['loopback', '10.1.2.3']);
  });

  it('reads TRUST_PROXY=true as the loopback, link-local and private ranges, never as "trust every hop"', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toEqual(['loopback', 'linklocal', 'uniquelocal']);
  });

  it('refuses a TRUST_PROXY that is no address, CIDR or range name', () => {
    for (const bad of ['everyone', '10.0.0.0/8,nope', '999.1.1.1', '10.0.0.0/8/1', '123']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' }).databaseUrl).toBeUndefined();
  });

  it('names every bad variable and the value it got', () => {
    expect(() => loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('"99999"');
      expect(message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('never repeats a bad admin token in its message', () => {
    expect(() => loadConfig({ SWITCHYARD_ADMIN_TOKEN: 'short-secret' })).toThrow(
      /SWITCHYARD_ADMIN_TOKEN: must be at least 16/,
    );
    expect(() => loadConfig({ SWITCHYARD_ADMIN_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('bounds streams, the change log and /metrics by default, and reads the bounds and the metrics token', () => {
    expect(loadConfig({})).toMatchObject({
      sseMaxStreamsPerKey: 1000,
      changeLogRetentionVersions: 10_000,
      changeLogRetentionMs: 86_400_000,
      changeLogPruneIntervalMs: 60_000,
      metricsMaxEvaluationSeries: 10_000,
      metricsToken: undefined,
    });
    expect(
      loadConfig({
        SSE_MAX_STREAMS_PER_KEY: '2',
        CHANGE_LOG_RETENTION_VERSIONS: '50',
        CHANGE_LOG_RETENTION_MS: '3600000',
        CHANGE_LOG_PRUNE_INTERVAL_MS: '1000',
        METRICS_MAX_EVALUATION_SERIES: '100',
        METRICS_TOKEN: 'metrics-token-0123456789',
      }),
    ).toMatchObject({
      sseMaxStreamsPerKey: 2,
      changeLogRetentionVersions: 50,
      changeLogRetentionMs: 3_600_000,
      changeLogPruneIntervalMs: 1000,
      metricsMaxEvaluationSeries: 100,
      metricsToken: 'metrics-token-0123456789',
    });
    expect(() => loadConfig({ SSE_MAX_STREAMS_PER_KEY: '0' })).toThrow(/SSE_MAX_STREAMS_PER_KEY/);
    expect(() => loadConfig({ CHANGE_LOG_RETENTION_VERSIONS: 'all' })).toThrow(/CHANGE_LOG_RETENTION_VERSIONS/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(/METRICS_TOKEN: must be at least 16/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('sends webhooks 8 at a time with 10 s attempts retried for 24 h by default, and reads every bound', () => {
    expect(loadConfig({})).toMatchObject({
      webhookSenders: 8,
      webhookPollMs: 1000,
      webhookTimeoutMs: 10_000,
      webhookRetryBaseMs: 10_000,
      webhookRetryMaxMs: 3_600_000,
      webhookMaxAttempts: 30,
      webhookRetryForMs: 86_400_000,
      webhookDeliveryRetentionMs: 604_800_000,
    });
    expect(
      loadConfig({
        WEBHOOK_SENDERS: '0',
        WEBHOOK_POLL_MS: '50',
        WEBHOOK_TIMEOUT_MS: '200',
        WEBHOOK_RETRY_BASE_MS: '20',
        WEBHOOK_RETRY_MAX_MS: '100',
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_RETRY_FOR_MS: '60000',
        WEBHOOK_DELIVERY_RETENTION_MS: '3600000',
      }),
    ).toMatchObject({
      webhookSenders: 0,
      webhookPollMs: 50,
      webhookTimeoutMs: 200,
      webhookRetryBaseMs: 20,
      webhookRetryMaxMs: 100,
      webhookMaxAttempts: 3,
      webhookRetryForMs: 60_000,
      webhookDeliveryRetentionMs: 3_600_000,
    });
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: '0' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
    expect(() => loadConfig({ WEBHOOK_MAX_ATTEMPTS: 'many' })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
  });

  it('ticks the scheduler every second by default, and reads a shorter tick', () => {
    expect(loadConfig({}).schedulerTickMs).toBe(1000);
    expect(loadConfig({ SCHEDULER_TICK_MS: '50' }).schedulerTickMs).toBe(50);
    expect(() => loadConfig({ SCHEDULER_TICK_MS: '0' })).toThrow(/SCHEDULER_TICK_MS/);
  });

  it('runs the canary every 30 s with a 5 s bound by default; 0 turns it off; bad values name the variable', () => {
    expect(loadConfig({})).toMatchObject({ canaryIntervalMs: 30_000, canaryBoundMs: 5_000, canaryAlertUrl: undefined });
    expect(
      loadConfig({ CANARY_INTERVAL_MS: '0', CANARY_BOUND_MS: '250', CANARY_ALERT_URL: 'https://chat.example/hook' }),
    ).toMatchObject({ canaryIntervalMs: 0, canaryBoundMs: 250, canaryAlertUrl: 'https://chat.example/hook' });
    for (const bad of ['50', '-1', 'often', '1.5', '86400001']) {
      expect(() => loadConfig({ CANARY_INTERVAL_MS: bad })).toThrow(
        new RegExp(`CANARY_INTERVAL_MS: .*\\(got "${bad.replace('.', '\\.')}"\\)`),
      );
    }
    expect(() => loadConfig({ CANARY_INTERVAL_MS: '50' })).toThrow(/must be 0 \(the canary off\) or an interval/);
    expect(() => loadConfig({ CANARY_BOUND_MS: '0' })).toThrow(/CANARY_BOUND_MS/);
    expect(() => loadConfig({ CANARY_ALERT_URL: 'chat.example/hook' })).toThrow(/CANARY_ALERT_URL: must be an http/);
  });
});
