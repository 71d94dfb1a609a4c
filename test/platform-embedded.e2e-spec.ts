import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Black box: the built service, as `npm start` runs it. Slow (initdb), so one start/stop and one restart.
const MAIN = resolve('apps/flag-service/dist/main.js');

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startService(env: Record<string, string>): Running {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" before this test`);
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<{ pattern: RegExp; resolve: (match: RegExpMatchArray) => void }> = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const match = out.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    check();
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: (pattern) =>
      new Promise((resolveMatch, reject) => {
        waiters.push({ pattern, resolve: resolveMatch });
        check();
        void exited.then(({ code }) =>
          reject(new Error(`service exited (${code}) before printing ${pattern}:\n${out}\n${err}`)),
        );
      }),
    exited,
  };
}

// A port the OS just handed out and released: a random pick in the ephemeral range can collide with the
// client sockets of other tests running at the same time.
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

describe('the embedded default', () => {
  let dataDir: string;
  let running: Running | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchyard-embedded-'));
  });

  afterAll(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGTERM');
      await running.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  const env = async () => ({
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    PORT: '0',
    HOST: '127.0.0.1',
  });

  it('starts on an empty folder, prints the URL and the admin token, and stops cleanly on SIGTERM', async () => {
    running = startService(await env());
    const [, url] = await running.waitFor(/listening on .*?(http:\/\/\S+)/);
    const [, token] = await running.waitFor(/^\s+(syt_[A-Za-z0-9_-]{43})$/m);
    expect(running.stdout()).toContain('(new)');
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect((await fetch(`${url}/api/tokens`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    running = startService(await env());
    const [, secondUrl] = await running.waitFor(/listening on .*?(http:\/\/\S+)/);
    expect(running.stdout()).toContain('(reused)');
    expect(running.stdout()).not.toContain('First start');
    const listed = await fetch(`${secondUrl}/api/tokens`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    running.child.kill('SIGINT');
    expect(await running.exited).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('recovers after a kill -9: stops the orphaned Postgres of its data folder, says so in the log, and starts', async () => {
    const settings = await env();
    running = startService(settings);
    await running.waitFor(/listening on .*?(http:\/\/\S+)/);
    running.child.kill('SIGKILL');
    await running.exited;
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true); // its Postgres lives on

    running = startService(settings);
    const [, url] = await running.waitFor(/listening on .*?(http:\/\/\S+)/);
    const recovery = running
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .find((line) => /orphaned Postgres/.test(line.msg));
    expect(recovery).toMatchObject({ level: 'warn', kind: 'orphan', dataDir: join(dataDir, 'postgres') });
    expect(recovery.msg).toMatch(/^embedded Postgres: stopped an orphaned Postgres \(pid \d+\)/);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('refuses to start on a bad setting, naming the variable', async () => {
    const bad = startService({ ...(await env()), PORT: 'eighty', LOG_LEVEL: 'loud' });
    const { code } = await bad.exited;
    expect(code).toBe(78);
    expect(bad.stderr()).toMatch(/PORT: .*"eighty"/);
    expect(bad.stderr()).toMatch(/LOG_LEVEL: /);
  });
});
