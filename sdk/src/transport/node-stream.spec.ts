import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveOptions } from '../client/client-options.js';
import type { ServiceError } from './http.js';
import type { SseEvent } from './sse-parser.js';
import { runStream, type StreamOutcome } from './stream-connection.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(
  handler: Handler,
): Promise<{ server: Server; url: string; headers: Promise<IncomingMessage['headers']> }> {
  let seen!: (headers: IncomingMessage['headers']) => void;
  const headers = new Promise<IncomingMessage['headers']>((resolve) => (seen = resolve));
  const server = createServer((req, res) => {
    seen(req.headers);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, headers };
}

async function stream(
  handler: Handler,
  extra: { lastEventId?: number; streamReadTimeoutMs?: number; onEvent?: () => void; abortAfterFirst?: boolean } = {},
) {
  const { server, url, headers } = await serve(handler);
  const options = resolveOptions(
    { sdkKey: 'sdk_test', baseUrl: url, appName: 'spec', streamReadTimeoutMs: extra.streamReadTimeoutMs },
    () => 'id',
  );
  const events: SseEvent[] = [];
  const errors: string[] = [];
  const fatal: ServiceError[] = [];
  const abort = new AbortController();
  const outcome: StreamOutcome = await runStream(options, extra.lastEventId, abort.signal, {
    event: (event) => {
      events.push(event);
      extra.onEvent?.();
      if (extra.abortAfterFirst) abort.abort();
    },
    error: (error) => errors.push(error.message),
    fatal: (error) => fatal.push(error),
  });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return { outcome, events, errors, fatal, headers: await headers };
}

const sse = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/event-stream' });

describe('runStream over node:http', () => {
  it('hands over every event, sends the resume id and reports the service closing the stream', async () => {
    const result = await stream(
      (_req, res) => {
        sse(res);
        res.write('event: patch\nid: 4\ndata: {"version":4}\n\n: heartbeat\n\n');
        res.end('event: patch\nid: 5\ndata: {"version":5}\n\n');
      },
      { lastEventId: 3 },
    );
    expect(result.outcome).toBe('delivered');
    expect(result.events.map((event) => event.id)).toEqual(['4', '5']);
    expect(result.headers['last-event-id']).toBe('3');
    expect(result.headers.authorization).toBe('Bearer sdk_test');
    expect(result.errors).toEqual(['the event stream was closed by the service']);
  });

  it('stops for good on a refused key', async () => {
    const result = await stream((_req, res) => res.writeHead(401).end());
    expect(result.outcome).toBe('fatal');
    expect(result.fatal.map((error) => error.status)).toEqual([401]);
  });

  it('reports a service that answers without an event stream as unsupported', async () => {
    const failing = await stream((_req, res) => res.writeHead(503).end());
    expect(failing.outcome).toBe('unsupported');
    expect(failing.errors).toEqual(['GET /sdk/v1/stream answered 503']);
    const json = await stream((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    expect(json.outcome).toBe('unsupported');
    expect(json.errors[0]).toContain('not an event stream');
  });

  it('gives up on a stream that goes silent', async () => {
    const result = await stream(
      (_req, res) => {
        sse(res);
        res.write('event: snapshot\nid: 1\ndata: {}\n\n');
      },
      { streamReadTimeoutMs: 50 },
    );
    expect(result.outcome).toBe('delivered');
    expect(result.errors).toEqual(['the event stream went silent for too long']);
  });

  it('keeps a stream whose data keeps coming, for longer in all than the read timeout', async () => {
    let write: (() => void) | undefined;
    let sent = 0;
    const result = await stream(
      (_req, res) => {
        sse(res);
        write = () => {
          sent += 1;
          if (sent > 12) return void res.end();
          res.write(`event: patch\nid: ${sent}\ndata: {}\n\n`);
        };
        write();
      },
      // Each event is written 50 ms after the previous one arrived: 600 ms in all against a 400 ms timeout.
      { streamReadTimeoutMs: 400, onEvent: () => setTimeout(() => write?.(), 50) },
    );
    expect(result.events).toHaveLength(12);
    expect(result.errors).toEqual(['the event stream was closed by the service']);
  });

  it('reports an unreachable service as a network failure', async () => {
    const { server, url } = await serve(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    const options = resolveOptions({ sdkKey: 'sdk_test', baseUrl: url, appName: 'spec' }, () => 'id');
    const errors: string[] = [];
    const outcome = await runStream(options, undefined, new AbortController().signal, {
      event: () => undefined,
      error: (error) => errors.push(error.message),
      fatal: () => undefined,
    });
    expect(outcome).toBe('network');
    expect(errors[0]).toMatch(/^GET \/sdk\/v1\/stream failed: .*ECONNREFUSED/);
  });

  it('contains a failing event handler instead of throwing it into the host', async () => {
    const result = await stream(
      (_req, res) => {
        sse(res);
        res.write('event: patch\nid: 2\ndata: {}\n\n');
      },
      {
        onEvent: () => {
          throw new Error('boom');
        },
      },
    );
    expect(result.errors).toEqual(['the event stream broke: boom']);
  });

  it('ends quietly when aborted', async () => {
    const result = await stream(
      (_req, res) => {
        sse(res);
        res.write('event: snapshot\nid: 1\ndata: {}\n\n');
      },
      { abortAfterFirst: true },
    );
    expect(result.outcome).toBe('delivered');
    expect(result.errors).toEqual([]);
  });
});
