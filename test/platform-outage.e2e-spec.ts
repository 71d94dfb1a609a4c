import { type AddressInfo, type Server, type Socket, createServer, connect } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp } from './support/start-app.js';

// A TCP relay between the service and Postgres that the test can cut, to play "Postgres is down".
class Relay {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  constructor(private readonly target: URL) {}

  async open(): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

describe('the service while Postgres is unreachable', () => {
  let database: TestDatabase;
  let service: StartedApp;
  let relay: Relay;

  beforeAll(async () => {
    database = await createTestDatabase();
    relay = new Relay(new URL(database.url));
    const port = await relay.open();
    const viaRelay = new URL(database.url);
    viaRelay.host = `127.0.0.1:${port}`;
    service = await startApp({ database: { ...database, url: viaRelay.toString() } });
  });

  afterAll(async () => {
    await service?.close();
    await database?.drop();
  });

  it('answers writes with 503 "database unavailable", reports not ready, and stays alive', async () => {
    expect((await service.request('GET', '/api/tokens')).status).toBe(200);
    await relay.cut();
    const write = await service.request('POST', '/api/tokens', { body: { name: 'during-outage', role: 'viewer' } });
    expect(write.status).toBe(503);
    expect(write.body.error).toMatchObject({ code: 'UNAVAILABLE', message: 'database unavailable' });
    const lines = service.logs
      .map((line) => JSON.parse(line))
      .filter((line) => line.requestId === write.headers['x-request-id']);
    expect(lines.map((line) => line.msg)).toEqual(['database unavailable', 'request']);
    const ready = await service.request('GET', '/health/ready', { token: null });
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database.status).toBe('down');
    expect((await service.request('GET', '/health/live', { token: null })).status).toBe(200);
  });
});
