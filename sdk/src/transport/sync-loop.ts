import type { ResolvedOptions } from '../client/client-options.js';
import { Backoff } from './backoff.js';
import type { ServiceError } from './http.js';
import { pollSnapshot } from './poll-snapshot.js';
import { sleep } from './sleep.js';
import type { SseEvent } from './sse-parser.js';
import { runStream } from './stream-connection.js';

/** What the loop needs from the client. */
export interface SyncTarget {
  /** The version held, sent as `Last-Event-ID` / `If-None-Match`. */
  version(): number | undefined;
  /** A snapshot or patch arrived (stream event, or a polled snapshot as `snapshot`). */
  received(event: SseEvent | { event: 'snapshot'; data: unknown }): void;
  /** The service confirmed the version held is current (a 304, or a resumed stream with nothing missed). */
  confirmed(): void;
  error(error: Error): void;
  /** The key was refused: the loop has stopped for good. */
  fatal(error: ServiceError): void;
}

/**
 * Keeps the flags in sync: streams first; after `streamFailuresBeforePolling` consecutive streams that the
 * service answered without a working event stream, it polls the snapshot (with ETag) for
 * `streamRetryIntervalMs`, then tries to stream again. An unreachable service is retried by streaming. Failures back off
 * exponentially with jitter. Returns when `signal` aborts or the key is refused. Never throws.
 */
export async function runSyncLoop(options: ResolvedOptions, signal: AbortSignal, target: SyncTarget): Promise<void> {
  const backoff = new Backoff(options.initialRetryDelayMs, options.maxRetryDelayMs);
  let unsupported = 0;
  let pollUntil = options.mode === 'poll' ? Number.POSITIVE_INFINITY : 0;
  while (!signal.aborted) {
    let delay: number;
    if (Date.now() >= pollUntil) {
      const outcome = await runStream(options, target.version(), signal, {
        event: (event) => target.received(event),
        error: (error) => target.error(error),
        fatal: (error) => target.fatal(error),
      });
      if (outcome === 'fatal' || signal.aborted) return;
      if (outcome === 'delivered') {
        backoff.reset();
        unsupported = 0;
      } else if (outcome === 'unsupported') {
        // The service answers but streaming does not work (proxy, old node): polling can help.
        // An unreachable service ('network') cannot be polled either, so that only backs off.
        unsupported += 1;
      }
      if (unsupported >= options.streamFailuresBeforePolling) {
        unsupported = 0;
        pollUntil = Date.now() + options.streamRetryIntervalMs;
        continue;
      }
      delay = backoff.next();
    } else {
      const result = await pollSnapshot(options, target.version(), signal);
      if (signal.aborted) return;
      if (result.kind === 'failed') {
        if (result.error.fatal) return target.fatal(result.error);
        target.error(result.error);
        delay = backoff.next();
      } else {
        if (result.kind === 'snapshot') target.received({ event: 'snapshot', data: result.value });
        else target.confirmed();
        backoff.reset();
        delay = options.pollIntervalMs;
      }
    }
    if (delay > 0) await sleep(delay, signal);
  }
}
