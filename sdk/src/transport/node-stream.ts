import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ResolvedOptions } from '../client/client-options.js';
import { networkError, ServiceError, statusError } from './http.js';
import { SseParser } from './sse-parser.js';
import type { StreamHandlers, StreamOutcome } from './stream-connection.js';

/**
 * Opens `GET /sdk/v1/stream` with `node:http`/`node:https` and parses the raw bytes (no web streams: a process
 * hosting hundreds of clients pays their per-chunk cost once per client and event). Same contract as the fetch
 * transport: hands events over until the stream ends, goes silent for `streamReadTimeoutMs`, or `signal`
 * aborts; reports failures through `handlers`; never throws, and leaves no socket or timer behind.
 */
export function runNodeStream(
  options: ResolvedOptions,
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  handlers: StreamHandlers,
): Promise<StreamOutcome> {
  return new Promise((resolve) => {
    let request: ClientRequest | undefined;
    let response: IncomingMessage | undefined;
    let delivered = false;
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const settle = (outcome: StreamOutcome, error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      signal.removeEventListener('abort', onAbort);
      request?.destroy();
      if (error && !signal.aborted) handlers.error(error);
      resolve(outcome);
    };
    const ended = () => (delivered ? 'delivered' : 'unsupported');
    const broke = (reason: string) =>
      settle(
        response ? ended() : 'network',
        response
          ? new ServiceError(`the event stream ${reason}`)
          : networkError('GET /sdk/v1/stream', new Error(reason)),
      );
    const arm = (ms: number) => {
      clearTimeout(idle);
      idle = setTimeout(() => broke(response ? 'went silent for too long' : 'timed out'), ms);
      idle.unref();
    };
    const onAbort = () => settle(response ? ended() : 'network');
    if (signal.aborted) return resolve('network');
    signal.addEventListener('abort', onAbort, { once: true });
    arm(options.requestTimeoutMs);
    try {
      request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { headers, agent: false });
    } catch (error) {
      return settle('network', networkError('GET /sdk/v1/stream', error));
    }
    request.on('error', (error) =>
      response ? broke(`broke: ${error.message}`) : settle('network', networkError('GET /sdk/v1/stream', error)),
    );
    request.on('response', (res) => {
      response = res;
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        res.resume();
        const error = statusError('GET /sdk/v1/stream', status);
        if (!error.fatal) return settle('unsupported', error);
        settle('fatal');
        return handlers.fatal(error);
      }
      const type = res.headers['content-type'] ?? '';
      if (!type.startsWith('text/event-stream')) {
        res.resume();
        return settle(
          'unsupported',
          new ServiceError(`GET /sdk/v1/stream answered ${type || 'no content type'}, not an event stream`),
        );
      }
      const parser = new SseParser((event) => {
        delivered = true;
        handlers.event(event);
      });
      arm(options.streamReadTimeoutMs);
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        // The same timer, restarted (no new timer per chunk: hundreds of clients in a process get every frame).
        idle?.refresh();
        try {
          parser.pushBytes(chunk);
        } catch (error) {
          broke(`broke: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
      res.on('end', () => settle(ended(), new ServiceError('the event stream was closed by the service')));
      res.on('error', (error) => broke(`broke: ${error.message}`));
      res.on('close', () => broke('broke: the connection was lost'));
    });
    request.end();
  });
}
