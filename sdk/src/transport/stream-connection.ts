import type { ResolvedOptions } from '../client/client-options.js';
import { networkError, sdkHeaders, ServiceError, statusError } from './http.js';
import { runNodeStream } from './node-stream.js';
import { SseParser, type SseEvent } from './sse-parser.js';

/** How one stream connection ended. */
export type StreamOutcome = 'delivered' | 'network' | 'unsupported' | 'fatal';

/** What a connection reports to its owner. */
export interface StreamHandlers {
  event(event: SseEvent): void;
  error(error: Error): void;
  fatal(error: ServiceError): void;
}

/**
 * Opens `GET /sdk/v1/stream`, parses the SSE framing and hands events over until the stream ends, goes silent
 * for `streamReadTimeoutMs`, or `signal` aborts. Never throws. With the default `fetch` on an http(s) URL the
 * stream is read with `node:http` (several times cheaper per event than fetch's web streams); a `fetch` passed
 * in options is used as given.
 */
export function runStream(
  options: ResolvedOptions,
  lastEventId: number | undefined,
  signal: AbortSignal,
  handlers: StreamHandlers,
): Promise<StreamOutcome> {
  const headers = sdkHeaders(options, { accept: 'text/event-stream', 'cache-control': 'no-cache' });
  if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
  const url = URL.parse(`${options.baseUrl}/sdk/v1/stream`);
  if (url && options.fetch === globalThis.fetch && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return runNodeStream(options, url, headers, signal, handlers);
  }
  return runFetchStream(options, headers, signal, handlers);
}

async function runFetchStream(
  options: ResolvedOptions,
  headers: Record<string, string>,
  signal: AbortSignal,
  handlers: StreamHandlers,
): Promise<StreamOutcome> {
  const local = new AbortController();
  const combined = AbortSignal.any([signal, local.signal]);
  let idle: NodeJS.Timeout | undefined;
  const arm = (ms: number) => {
    clearTimeout(idle);
    idle = setTimeout(() => local.abort(), ms);
    idle.unref();
  };
  arm(options.requestTimeoutMs);
  let delivered = false;
  try {
    let response: Response;
    try {
      response = await options.fetch(`${options.baseUrl}/sdk/v1/stream`, { headers, signal: combined });
    } catch (error) {
      if (!signal.aborted) handlers.error(networkError('GET /sdk/v1/stream', error));
      return 'network';
    }
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      const error = statusError('GET /sdk/v1/stream', response.status);
      if (error.fatal) {
        handlers.fatal(error);
        return 'fatal';
      }
      handlers.error(error);
      return 'unsupported';
    }
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/event-stream')) {
      await response.body.cancel().catch(() => undefined);
      handlers.error(new ServiceError(`GET /sdk/v1/stream answered ${type || 'no content type'}, not an event stream`));
      return 'unsupported';
    }
    const parser = new SseParser((event) => {
      delivered = true;
      handlers.event(event);
    });
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    arm(options.streamReadTimeoutMs);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm(options.streamReadTimeoutMs);
        parser.push(decoder.decode(value, { stream: true }));
      }
      if (!signal.aborted) handlers.error(new ServiceError('the event stream was closed by the service'));
    } catch (error) {
      if (!signal.aborted) {
        const reason = local.signal.aborted ? 'went silent for too long' : 'broke';
        handlers.error(
          new ServiceError(`the event stream ${reason}: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    } finally {
      reader.releaseLock();
      await response.body.cancel().catch(() => undefined);
    }
    return delivered ? 'delivered' : 'unsupported';
  } finally {
    clearTimeout(idle);
    local.abort();
  }
}
