import { connect } from 'node:net';
import { startApp, type StartedApp } from './support/start-app.js';

/** Resolves with the first log line (already written or still to come) that matches. */
function logLine(service: StartedApp, matches: (line: string) => boolean): Promise<string> {
  const seen = service.logs.find(matches);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const push = service.logs.push.bind(service.logs);
    service.logs.push = (...lines: string[]) => {
      const found = lines.find(matches);
      if (found) resolve(found);
      return push(...lines);
    };
  });
}

describe('a client that aborts a request mid-body', () => {
  let service: StartedApp;

  beforeAll(async () => {
    service = await startApp();
  });

  afterAll(async () => {
    await service?.close();
  });

  it('is logged as an aborted request, not as "database unavailable", and writes nothing', async () => {
    const { hostname, port } = new URL(service.baseUrl);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const aborted = logLine(service, (line) => line.includes('"msg":"request aborted"'));
    // "Expect: 100-continue" makes the server say when it has the headers and waits for the body.
    const continued = new Promise((resolve) =>
      socket.on('data', (chunk) => chunk.toString().includes('100 Continue') && resolve(true)),
    );
    socket.write(
      `POST /api/projects HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${service.adminToken}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n',
    );
    await continued;
    await new Promise<void>((resolve) => socket.write('{"key":"half-sent","na', () => resolve()));
    socket.destroy();

    expect(JSON.parse(await aborted)).toMatchObject({ level: 'info', method: 'POST', route: '/api/projects' });
    expect(
      service.logs.filter((line) => line.includes('database unavailable') || line.includes('"level":"error"')),
    ).toEqual([]);
    const projects = await service.database.dataSource.query('SELECT count(*)::int AS n FROM projects');
    expect(projects[0].n).toBe(0);
  });
});
