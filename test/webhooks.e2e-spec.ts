import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { startApp, type StartedApp } from './support/start-app.js';

/** A real HTTP endpoint on 127.0.0.1 whose handler the test chooses; it counts what it receives. */
class Endpoint {
  readonly received: Array<{ headers: IncomingMessage['headers']; body: string; closed: () => boolean }> = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];
  constructor(readonly server: Server) {
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      let closed = false;
      // A response that was never written closes when the sender gives up on it (abort, timeout, shutdown).
      response.on('close', () => (closed = true));
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          closed: () => closed,
        });
        this.waiters = this.waiters.filter((waiter) => {
          if (this.received.length < waiter.count) return true;
          waiter.resolve();
          return false;
        });
      });
    });
  }

  static async listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Endpoint> {
    return Endpoint.around(createServer(handler));
  }

  static async around(server: Server): Promise<Endpoint> {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new Endpoint(server);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Resolves once `count` requests have arrived in full. */
  receivedAtLeast(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** `node docs/webhook-receiver.mjs`, run as the README says, on a free port; what it prints, line by line. */
class DocumentedReceiver {
  readonly lines: string[] = [];
  private waiters: Array<() => void> = [];
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(secret: string): Promise<DocumentedReceiver> {
    const child = spawn(process.execPath, ['docs/webhook-receiver.mjs'], {
      env: { ...process.env, SWITCHYARD_WEBHOOK_SECRET: secret, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    let receiver: DocumentedReceiver | undefined;
    let buffered = '';
    const listening = new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the receiver exited with ${code}`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const complete = buffered.split('\n');
        buffered = complete.pop()!;
        for (const line of complete) {
          const port = /^listening on http:\/\/localhost:(\d+)$/.exec(line)?.[1];
          if (port) resolve(`http://127.0.0.1:${port}/hook`);
          (receiver?.lines ?? lines).push(line);
          receiver?.wakeAll();
        }
      });
    });
    receiver = new DocumentedReceiver(child, await listening);
    receiver.lines.push(...lines);
    return receiver;
  }

  /** Resolves with the event lines once `count` have been printed. */
  async printed(count: number): Promise<string[]> {
    const events = () => this.lines.filter((line) => !line.startsWith('listening'));
    while (events().length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return events();
  }

  private wakeAll(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}

/** Polls `read` until `done` holds (the state is in another process's database: nothing to subscribe to). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function seed(node: StartedApp, flags: string[]): Promise<string> {
  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await node.request(method, `/api${path}`, { body });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  await ok('POST', '/projects', { key: 'shop', name: 'Shop' });
  await ok('POST', '/projects/shop/environments', { key: 'production', name: 'Production', protected: false });
  for (const key of flags) {
    await ok('POST', '/projects/shop/flags', { key, name: key, type: 'boolean' });
    await ok('POST', `/projects/shop/environments/production/flags/${key}/toggle`, { on: true });
  }
  return (await ok('POST', '/projects/shop/environments/production/sdk-keys', { name: 'e2e' })).key;
}

const FLAG = (key: string) => `/api/projects/shop/environments/production/flags/${key}`;

describe('webhooks (real service, real receivers)', () => {
  let node: StartedApp;
  const endpoints: Endpoint[] = [];
  const receivers: DocumentedReceiver[] = [];
  const clients: SwitchyardClient[] = [];
  let sdkKey: string;

  const endpoint = async (handler: (request: IncomingMessage, response: ServerResponse) => void) => {
    const created = await Endpoint.listen(handler);
    endpoints.push(created);
    return created;
  };
  const createWebhook = async (url: string, events: string[]) => {
    const answer = await node.request('POST', '/api/projects/shop/webhooks', { body: { url, events } });
    if (answer.status !== 201) console.log(node.logs.filter((line) => line.includes('"error"')).slice(-3));
    expect(answer.status).toBe(201);
    return answer.body as { id: string; secret: string };
  };
  const deliveries = (id: string) =>
    node.request('GET', `/api/projects/shop/webhooks/${id}/deliveries`).then((answer) => answer.body.items as any[]);

  beforeAll(async () => {
    node = await startApp({
      env: {
        WEBHOOK_POLL_MS: '50',
        WEBHOOK_RETRY_BASE_MS: '20',
        WEBHOOK_RETRY_MAX_MS: '50',
        WEBHOOK_MAX_ATTEMPTS: '3',
        // Long enough that a hanging endpoint is still hanging when the test looks; shutdown aborts it.
        WEBHOOK_TIMEOUT_MS: '60000',
        WEBHOOK_SENDERS: '12',
      },
    });
    sdkKey = await seed(node, ['checkout', 'search', 'trip-me', ...Array.from({ length: 12 }, (_, i) => `hang-${i}`)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await node?.close();
    await Promise.all(endpoints.map((e) => e.close()));
    await Promise.all(receivers.map((r) => r.stop()));
  });

  it('shows the secret once, never lists it, rotates it, and audits every change without it', async () => {
    const created = await node.request('POST', '/api/projects/shop/webhooks', {
      body: {
        url: 'https://hooks.example.com/services/T0/B0/url-token',
        events: ['kill', 'trip'],
        description: 'On call',
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { id, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(created.body).toMatchObject({
      enabled: true,
      events: ['kill', 'trip'],
      secretHint: secret.slice(0, 10) + '…',
    });
    const listed = await node.request('GET', '/api/projects/shop/webhooks');
    expect(listed.body.items.find((hook: any) => hook.id === id)).not.toHaveProperty('secret');
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const patched = await node.request('PATCH', `/api/projects/shop/webhooks/${id}`, { body: { enabled: false } });
    expect(patched.body).toMatchObject({ id, enabled: false, events: ['kill', 'trip'] });
    const rotated = await node.request('POST', `/api/projects/shop/webhooks/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);
    expect((await node.request('DELETE', `/api/projects/shop/webhooks/${id}`)).status).toBe(200);
    expect((await node.request('GET', `/api/projects/shop/webhooks/${id}`)).status).toBe(404);
    const audit = await node.request('GET', '/api/audit?project=shop&limit=20');
    const actions = audit.body.items.map((entry: any) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['webhook.created', 'webhook.updated', 'webhook.secret-rotated', 'webhook.deleted']),
    );
    const text = JSON.stringify(audit.body);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(rotated.body.secret);
    expect(text).not.toContain('url-token');
    expect(node.logs.join('\n')).not.toContain(secret);
  });

  it('refuses bad input naming the field, unknown projects and webhooks, and roles below admin', async () => {
    const bad = await node.request('POST', '/api/projects/shop/webhooks', {
      body: { url: 'ftp://x.example', events: ['kill'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: 'url', code: 'INVALID_URL' })]);
    const unknownEvent = await node.request('POST', '/api/projects/shop/webhooks', {
      body: { url: 'https://x.example', events: ['explode'] },
    });
    expect(unknownEvent.status).toBe(400);
    expect(
      (
        await node.request('POST', '/api/projects/nope/webhooks', {
          body: { url: 'https://x.example', events: ['kill'] },
        })
      ).status,
    ).toBe(404);
    expect((await node.request('GET', '/api/projects/shop/webhooks/not-a-uuid')).status).toBe(404);
    expect(
      (await node.request('GET', '/api/projects/shop/webhooks/00000000-0000-4000-8000-000000000000/deliveries')).status,
    ).toBe(404);
    const editor = await node.request('POST', '/api/tokens', { body: { name: 'ed', role: 'editor' } });
    expect((await node.request('GET', '/api/projects/shop/webhooks', { token: editor.body.token })).status).toBe(403);
  });

  it('signs each delivery so that the documented receiver (node docs/webhook-receiver.mjs) verifies it', async () => {
    // The secret comes with the webhook and the receiver needs it to start: create, start it, point the webhook at it.
    const hook = await createWebhook('https://placeholder.example/hook', ['kill', 'restore']);
    const receiver = await DocumentedReceiver.start(hook.secret);
    receivers.push(receiver);
    const patched = await node.request('PATCH', `/api/projects/shop/webhooks/${hook.id}`, {
      body: { url: receiver.url },
    });
    expect(patched.status).toBe(200);
    const kill = await node.request('POST', `${FLAG('checkout')}/kill`, { body: { reason: 'incident 7' } });
    expect(kill.status).toBe(200);
    await node.request('POST', `${FLAG('checkout')}/restore`, { body: {} });
    const printed = await receiver.printed(2);
    const listed = await eventually(
      () => deliveries(hook.id),
      (items) => items.length === 2 && items.every((item) => item.status === 'sent'),
    );
    expect(listed).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 1, lastStatusCode: 204, lastError: null }),
      expect.objectContaining({ status: 'sent', attempts: 1, lastStatusCode: 204, lastError: null }),
    ]);
    const line = (item: any) =>
      `${item.eventType} shop/production/checkout by ${JSON.parse(item.body).actor.name} (${item.id})`;
    expect(printed.sort()).toEqual(listed.map(line).sort());
    const killed = listed.find((item) => item.eventType === 'kill');
    expect(JSON.parse(killed.body)).toMatchObject({
      type: 'kill',
      project: 'shop',
      environment: 'production',
      flag: 'checkout',
      reason: 'incident 7',
      action: 'flag-config.killed',
      actor: { type: 'token' },
      version: kill.body.version,
    });
  });

  it('is refused by the documented receiver when signed with another secret (the recipe is no rubber stamp)', async () => {
    const receiver = await DocumentedReceiver.start('whsec_not-the-secret');
    receivers.push(receiver);
    const hook = await createWebhook(receiver.url, ['kill']);
    await node.request('POST', `${FLAG('search')}/kill`, { body: {} });
    const [delivery] = await eventually(
      () => deliveries(hook.id),
      (items) => items[0]?.status === 'failed',
    );
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 401, lastError: 'HTTP 401' });
    expect(receiver.lines.filter((printed) => !printed.startsWith('listening'))).toEqual([]);
    await node.request('POST', `${FLAG('search')}/restore`, { body: {} });
    await node.request('DELETE', `/api/projects/shop/webhooks/${hook.id}`);
  });

  it("alerts a breaker trip reported by an SDK as a trip (not a kill), with the trip's figures", async () => {
    const bodies: any[] = [];
    const trips = await endpoint((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        response.writeHead(204).end();
      });
    });
    const kills = await endpoint((_request, response) => response.writeHead(204).end());
    const tripHook = await createWebhook(trips.url, ['trip']);
    const killHook = await createWebhook(kills.url, ['kill']);
    const reported = await fetch(`${node.baseUrl}/sdk/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        instance: { id: 'instance-3', appName: 'checkout', sdkVersion: 'e2e', hostname: 'host-3' },
        trips: [
          {
            flag: 'trip-me',
            at: new Date().toISOString(),
            windowMs: 10_000,
            calls: 231,
            failures: 120,
            timeouts: 0,
            failureRatio: 120 / 231,
            probe: false,
          },
        ],
      }),
    });
    expect(reported.status).toBeLessThan(300);
    await trips.receivedAtLeast(1);
    expect(bodies[0]).toMatchObject({
      type: 'trip',
      flag: 'trip-me',
      environment: 'production',
      actor: { type: 'breaker' },
      action: 'flag-config.killed',
      reason: expect.stringContaining('of 231 calls failed in 10 s on checkout@host-3'),
    });
    await eventually(
      () => deliveries(tripHook.id),
      (items) => items[0]?.status === 'sent',
    );
    // The kill webhook hears manual kills only; a later manual kill proves it was listening all along.
    await node.request('POST', `${FLAG('search')}/kill`, { body: {} });
    await kills.receivedAtLeast(1);
    const heard = await deliveries(killHook.id);
    expect(heard.map((item) => JSON.parse(item.body).flag)).toEqual(['search']);
    await node.request('POST', `${FLAG('search')}/restore`, { body: {} });
    for (const id of [tripHook.id, killHook.id]) await node.request('DELETE', `/api/projects/shop/webhooks/${id}`);
  });

  it('retries a failing endpoint with back-off, records each attempt, and gives up after the last', async () => {
    const failing = await endpoint((_request, response) => response.writeHead(503).end('down'));
    const hook = await createWebhook(failing.url, ['kill']);
    const test = await node.request('POST', `/api/projects/shop/webhooks/${hook.id}/test`);
    expect(test.status).toBe(202);
    expect(test.body).toMatchObject({ status: 'pending', eventType: 'test', attempts: 0 });
    await failing.receivedAtLeast(3);
    const [delivery] = await eventually(
      () => deliveries(hook.id),
      (items) => items[0]?.status === 'failed',
    );
    expect(delivery).toMatchObject({
      id: test.body.id,
      status: 'failed',
      attempts: 3,
      lastStatusCode: 503,
      lastError: 'HTTP 503',
    });
    expect(failing.received.map((request) => request.headers['switchyard-delivery'])).toEqual([
      test.body.id,
      test.body.id,
      test.body.id,
    ]);
    expect(JSON.parse(failing.received[0]!.body)).toMatchObject({ type: 'test', project: 'shop' });
    const metrics = (await node.request('GET', '/metrics', { token: null })).body as string;
    expect(metrics).toMatch(/switchyard_webhook_attempts_total\{event="test",result="retry"\} 2/);
    expect(metrics).toMatch(/switchyard_webhook_attempts_total\{event="test",result="failed"\} 1/);
    await node.request('DELETE', `/api/projects/shop/webhooks/${hook.id}`);
  });

  it('answers kills and delivers them to SDKs while more webhook requests hang than the database pool has connections', async () => {
    const hanging = await endpoint(() => undefined); // reads the request, never answers
    await createWebhook(hanging.url, ['kill', 'restore']);
    const client = createClient({ sdkKey, baseUrl: node.baseUrl, appName: 'e2e', initialRetryDelayMs: 20 });
    clients.push(client);
    await client.waitUntilReady({ timeoutMs: 10_000 });
    // 12 kills → 12 sends in flight, each hanging (the pool has 10 connections; a send holds none).
    for (let i = 0; i < 12; i++)
      expect((await node.request('POST', `${FLAG(`hang-${i}`)}/kill`, { body: {} })).status).toBe(200);
    await hanging.receivedAtLeast(12);
    expect(hanging.received.every((request) => !request.closed())).toBe(true);

    const arrived = new Promise<void>((resolve) => {
      const listener = (event: { keys: string[] }) => {
        if (!event.keys.includes('checkout')) return;
        client.off('changed', listener);
        resolve();
      };
      client.on('changed', listener);
    });
    const kill = await node.request('POST', `${FLAG('checkout')}/kill`, { body: { reason: 'while hanging' } });
    expect(kill.status).toBe(200);
    expect(kill.body.config.killed).toMatchObject({ reason: 'while hanging' });
    await arrived;
    expect(client.getDetails('checkout', { key: 'u1' }, true)).toMatchObject({ value: false, reason: 'KILLED' });
    // Everything above happened while every one of the 12 webhook requests was still open, unanswered.
    expect(hanging.received.slice(0, 12).every((request) => !request.closed())).toBe(true);
    expect((await node.request('GET', '/health/ready')).status).toBe(200);
  });
});

describe('webhooks that time out', () => {
  let node: StartedApp;
  let hanging: Endpoint;

  beforeAll(async () => {
    node = await startApp({
      env: { WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_TIMEOUT_MS: '300' },
    });
    await seed(node, ['checkout']);
    hanging = await Endpoint.listen(() => undefined);
  }, 120_000);

  afterAll(async () => {
    await node?.close();
    await hanging?.close();
  });

  it('abandons each attempt at its timeout, retries it, and records the delivery failed as timed out', async () => {
    const hook = (
      await node.request('POST', '/api/projects/shop/webhooks', { body: { url: hanging.url, events: ['kill'] } })
    ).body;
    await node.request('POST', `${FLAG('checkout')}/kill`, { body: {} });
    await hanging.receivedAtLeast(2);
    const [delivery] = await eventually(
      () => node.request('GET', `/api/projects/shop/webhooks/${hook.id}/deliveries`).then((a) => a.body.items as any[]),
      (items) => items[0]?.status === 'failed',
    );
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastStatusCode: null,
      lastError: 'timed out after 300 ms',
    });
    expect(hanging.received.every((request) => request.closed())).toBe(true);
  });
});
