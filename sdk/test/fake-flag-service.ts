import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Flag, Snapshot } from '@switchyard/evaluation';

/** A boolean flag serving `on` to everyone when `on` is true (test fixture). */
export function booleanFlag(key: string, on: boolean, version = 1): Flag {
  return {
    key,
    type: 'boolean',
    version,
    on,
    offVariant: 'off',
    rules: [],
    variants: { on: true, off: false },
    fallthrough: { variant: 'on' },
  };
}

/** A snapshot holding `flags` at `version` (test fixture). */
export function snapshotOf(version: number, ...flags: Flag[]): Snapshot {
  return { version, flags: Object.fromEntries(flags.map((flag) => [flag.key, flag])), segments: {} };
}

/** A tiny flag service under the test's control: snapshot, stream and events endpoints. */
export class FakeFlagService {
  snapshot: Snapshot;
  streamStatus = 200;
  snapshotStatus = 200;
  eventsStatus = 202;
  /** The body of the events answer (JSON), when the test gives one. */
  eventsBody: string | undefined;
  acceptedKey = 'sdk_test';
  /** Every request, in order: method, path, headers. */
  readonly requests: Array<{ method: string; path: string; headers: IncomingMessage['headers'] }> = [];
  /** Bodies posted to /sdk/v1/events. */
  readonly events: Array<Record<string, unknown>> = [];
  private readonly streams = new Set<ServerResponse>();
  private readonly waiters: Array<{ test: () => boolean; resolve: () => void }> = [];
  private server: Server | undefined;
  url = '';

  constructor(snapshot: Snapshot) {
    this.snapshot = snapshot;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /** Writes raw bytes to every open stream. */
  write(text: string): void {
    for (const stream of this.streams) stream.write(text);
  }

  /** Sends an SSE event to every open stream. */
  send(event: string, data: unknown, id?: number): void {
    const body = typeof data === 'string' ? data : JSON.stringify(data);
    this.write(`event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${body}\n\n`);
  }

  /** Ends every open stream (the service "restarts"). */
  dropStreams(): void {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
  }

  /** Resolves when `test` holds, checked after every request. */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  async stop(): Promise<void> {
    this.dropStreams();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0]!;
    this.requests.push({ method: req.method ?? '', path, headers: req.headers });
    if (req.headers.authorization !== `Bearer ${this.acceptedKey}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":"UNAUTHENTICATED"}}');
    } else if (path === '/sdk/v1/snapshot') this.snapshotRoute(req, res);
    else if (path === '/sdk/v1/stream') this.streamRoute(req, res);
    else if (path === '/sdk/v1/events') this.eventsRoute(req, res);
    else res.writeHead(404).end();
    this.check();
  }

  private snapshotRoute(req: IncomingMessage, res: ServerResponse): void {
    if (this.snapshotStatus !== 200) return void res.writeHead(this.snapshotStatus).end();
    const etag = `"${this.snapshot.version}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/json', etag }).end(JSON.stringify(this.snapshot));
  }

  private streamRoute(req: IncomingMessage, res: ServerResponse): void {
    if (this.streamStatus !== 200) return void res.writeHead(this.streamStatus).end();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
    const last = Number(req.headers['last-event-id']);
    if (last === this.snapshot.version) res.write(`event: resumed\ndata: {"version":${last}}\n\n`);
    else res.write(`event: snapshot\nid: ${this.snapshot.version}\ndata: ${JSON.stringify(this.snapshot)}\n\n`);
  }

  private eventsRoute(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      this.events.push(JSON.parse(body) as Record<string, unknown>);
      if (this.eventsBody === undefined) res.writeHead(this.eventsStatus).end();
      else res.writeHead(this.eventsStatus, { 'content-type': 'application/json' }).end(this.eventsBody);
      this.check();
    });
  }

  private check(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.test()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}
