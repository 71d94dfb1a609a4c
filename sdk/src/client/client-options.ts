import { hostname } from 'node:os';

/** What `createClient` accepts. Only `sdkKey`, `baseUrl` and `appName` are required. */
export interface ClientOptions {
  /** The environment's SDK key (`sdk_...`). Never logged. */
  sdkKey: string;
  /** The flag service's base URL, e.g. `https://flags.internal:8080`. */
  baseUrl: string;
  /** This service's name, shown in the delivery view. */
  appName: string;
  /** `stream` (default) falls back to polling when streaming fails; `poll` never streams. */
  mode?: 'stream' | 'poll';
  /** Polling interval while streaming is unavailable (default 30 000 ms). */
  pollIntervalMs?: number;
  /** How long to poll before trying to stream again (default 60 000 ms). */
  streamRetryIntervalMs?: number;
  /** Consecutive streams answered without a working event stream before falling back to polling (default 2). */
  streamFailuresBeforePolling?: number;
  /** First reconnect delay's upper bound (default 500 ms); doubles per failure, with jitter. */
  initialRetryDelayMs?: number;
  /** Reconnect delay cap (default 30 000 ms). */
  maxRetryDelayMs?: number;
  /** A stream silent for this long (no event, no heartbeat) is reconnected (default 45 000 ms). */
  streamReadTimeoutMs?: number;
  /** Timeout of one snapshot or events request (default 10 000 ms). */
  requestTimeoutMs?: number;
  /** A file to keep the last good snapshot in, for cold starts while the service is down. */
  cacheFile?: string;
  /** Interval between event flushes (default 10 000 ms). */
  flushIntervalMs?: number;
  /** Interval between flushes of dark-launch reports while a dark launch records calls (default 2 000 ms). */
  darkLaunchFlushIntervalMs?: number;
  /** Delay before flushing after a version was applied, so acks arrive promptly (default 1 000 ms, ±50% jitter). */
  ackFlushDelayMs?: number;
  /** Distinct (flag, variant) counters and pending acks kept between flushes (default 1 000 each). */
  maxBufferedEvents?: number;
  /**
   * Distinct contexts (by key) sampled per flush and sent with the events batch, so the admin UI can show how
   * many recent contexts a ramp would affect (default 100; 0 turns sampling off). The first contexts of each
   * flush window are kept; sampling costs at most one copy per new key, up to this many per window.
   */
  contextSampleSize?: number;
  /**
   * Attribute names never sent to the service in sampled contexts (e.g. `['email', 'ip']`). The context key is
   * always sent (it identifies the context); keep personal data out of keys, or set `contextSampleSize: 0`.
   */
  privateAttributes?: string[];
  /** Disable evaluation counting and acks entirely (default true = send them). */
  sendEvents?: boolean;
  /** An id for this SDK instance (default: a random UUID). */
  instanceId?: string;
  /** This host's name, in reports and in a trip's kill reason ("… on checkout@host-3"; default `os.hostname()`). */
  hostname?: string;
  /**
   * The longest wait a fault flag may inject in this process (ms, default 30 000; 0 refuses every latency). A
   * fault spec whose `latencyMs + jitterMs` is above it is refused whole: nothing injected, counted in
   * `faultStats().refused`, told to `onError` once per flag and variant.
   */
  maxFaultLatencyMs?: number;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /**
   * Called with every background error, including those raised while the client is being constructed (a
   * corrupt cache file), before any `error` listener can exist. Its own exceptions are swallowed. (Errors
   * raised while no `error` listener exists are also kept and delivered to the first one added.)
   */
  onError?: (error: Error) => void;
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<ClientOptions, 'cacheFile' | 'onError'>> &
  Pick<ClientOptions, 'cacheFile' | 'onError'>;

const positive = [
  'pollIntervalMs',
  'streamRetryIntervalMs',
  'streamFailuresBeforePolling',
  'initialRetryDelayMs',
  'maxRetryDelayMs',
  'streamReadTimeoutMs',
  'requestTimeoutMs',
  'flushIntervalMs',
  'ackFlushDelayMs',
  'darkLaunchFlushIntervalMs',
  'maxBufferedEvents',
] as const;

/** The host's name, or `unknown` when the system will not say. */
function systemHostname(): string {
  try {
    return hostname() || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Validates options and fills defaults; throws a `TypeError` naming the bad option. Construction time only. */
export function resolveOptions(options: ClientOptions, newId: () => string): ResolvedOptions {
  if (!options || typeof options !== 'object') throw new TypeError('createClient: options object required');
  const fail = (message: string): never => {
    throw new TypeError(`createClient: ${message}`);
  };
  if (typeof options.sdkKey !== 'string' || options.sdkKey.trim() === '') fail('sdkKey must be a non-empty string');
  if (typeof options.appName !== 'string' || options.appName.trim() === '') fail('appName must be a non-empty string');
  let url: URL | undefined;
  try {
    url = new URL(options.baseUrl);
  } catch {
    fail(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
  }
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') fail('baseUrl must use http or https');
  if (options.mode !== undefined && options.mode !== 'stream' && options.mode !== 'poll') {
    fail(`mode must be 'stream' or 'poll'`);
  }
  for (const name of positive) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
      fail(`${name} must be a positive number`);
    }
  }
  const sampleSize = options.contextSampleSize;
  if (sampleSize !== undefined && (typeof sampleSize !== 'number' || !Number.isInteger(sampleSize) || sampleSize < 0)) {
    fail('contextSampleSize must be a non-negative integer');
  }
  const hidden = options.privateAttributes;
  if (
    hidden !== undefined &&
    (!Array.isArray(hidden) || !hidden.every((name) => typeof name === 'string' && name !== ''))
  ) {
    fail('privateAttributes must be an array of attribute names');
  }
  if (options.cacheFile !== undefined && (typeof options.cacheFile !== 'string' || options.cacheFile === '')) {
    fail('cacheFile must be a non-empty path');
  }
  if (options.onError !== undefined && typeof options.onError !== 'function') fail('onError must be a function');
  if (options.hostname !== undefined && (typeof options.hostname !== 'string' || options.hostname.trim() === '')) {
    fail('hostname must be a non-empty string');
  }
  const maxFault = options.maxFaultLatencyMs;
  if (maxFault !== undefined && (typeof maxFault !== 'number' || !Number.isFinite(maxFault) || maxFault < 0)) {
    fail('maxFaultLatencyMs must be a number of ms, 0 or more');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') fail('no fetch available: pass options.fetch or use Node >= 20');
  return {
    sdkKey: options.sdkKey,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    appName: options.appName,
    mode: options.mode ?? 'stream',
    pollIntervalMs: options.pollIntervalMs ?? 30_000,
    streamRetryIntervalMs: options.streamRetryIntervalMs ?? 60_000,
    streamFailuresBeforePolling: options.streamFailuresBeforePolling ?? 2,
    initialRetryDelayMs: options.initialRetryDelayMs ?? 500,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    streamReadTimeoutMs: options.streamReadTimeoutMs ?? 45_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    cacheFile: options.cacheFile,
    flushIntervalMs: options.flushIntervalMs ?? 10_000,
    ackFlushDelayMs: options.ackFlushDelayMs ?? 1_000,
    darkLaunchFlushIntervalMs: options.darkLaunchFlushIntervalMs ?? 2_000,
    maxBufferedEvents: options.maxBufferedEvents ?? 1_000,
    sendEvents: options.sendEvents ?? true,
    contextSampleSize: sampleSize ?? 100,
    privateAttributes: [...(hidden ?? [])],
    instanceId: options.instanceId ?? newId(),
    hostname: (options.hostname ?? systemHostname()).slice(0, 200),
    maxFaultLatencyMs: maxFault ?? 30_000,
    fetch: fetchImpl,
    onError: options.onError,
  };
}
