import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { within } from './support/wait.js';

// Black box: `node scripts/demo.mjs` as `npm run demo` runs it after its build (the flag service and the shop
// from dist/), on free ports and a temporary DATA_DIR. Slow (the embedded PostgreSQL's initdb): one full run,
// Ctrl-C, and a second run on the same data.
const SCRIPT = resolve('scripts/demo.mjs');

interface Run {
  child: ChildProcess;
  output: () => string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

function runDemo(env: Record<string, string>): Run {
  for (const built of ['apps/flag-service/dist/main.js', 'apps/demo-shop/dist/main.js'])
    if (!existsSync(built)) throw new Error(`${built} is missing: run "npm run build" before this test`);
  const child = spawn(process.execPath, [SCRIPT], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const add = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', add);
  child.stderr!.on('data', add);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const run: Run = {
    child,
    output: () => output,
    exited,
    waitFor: async (pattern, timeoutMs = 120_000) => {
      const seen = new Promise<void>((done, fail) => {
        const check = () => {
          if (pattern.test(output)) {
            listeners.delete(check);
            done();
          }
        };
        listeners.add(check);
        check();
        void exited.then((code) => fail(new Error(`the demo exited (${code}) before ${pattern}:\n${output}`)));
      });
      await within(seen, `demo output ${pattern}`, timeoutMs).catch((error: Error) => {
        throw new Error(`${error.message}; its output:\n${output}`);
      });
    },
  };
  runs.push(run);
  return run;
}

const listen = (port: number) =>
  new Promise<Server | undefined>((done) => {
    const server = createServer();
    server.once('error', () => done(undefined));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => done(server));
  });
const close = (server: Server) => new Promise<void>((done) => server.close(() => done()));

/** A free port whose next one is free too (the shops take two in a row). */
async function freePorts(count: number): Promise<number> {
  for (;;) {
    const first = await listen(0);
    const port = (first!.address() as { port: number }).port;
    const rest = await Promise.all(Array.from({ length: count - 1 }, (_, i) => listen(port + i + 1)));
    await Promise.all([first!, ...rest].filter((s): s is Server => s !== undefined).map(close));
    if (rest.every(Boolean) && port + count < 65535) return port;
  }
}

let dataDir: string;
const runs: Run[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'switchyard-demo-'));
});

afterAll(async () => {
  for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
  await Promise.all(runs.map((run) => run.exited));
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run demo (scripts/demo.mjs)', () => {
  it('stops before starting anything when a port is taken, naming the port and what it was for', async () => {
    const taken = await listen(0);
    const port = (taken!.address() as { port: number }).port;
    const folder = join(dataDir, 'never');
    try {
      const run = runDemo({ SWITCHYARD_PORT: String(port), DATA_DIR: folder });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`demo: port ${port}, for the flag service (SWITCHYARD_PORT), is taken`);
      expect(existsSync(folder)).toBe(false);
    } finally {
      await close(taken!);
    }
  });

  it('starts the service and two shops, stops all of them on Ctrl-C, and reuses the set-up on a second run', async () => {
    const base = await freePorts(4);
    const env = {
      SWITCHYARD_PORT: String(base),
      DEMO_SHOP_PORT: String(base + 1),
      EMBEDDED_PG_PORT: String(base + 3),
      DATA_DIR: dataDir,
    };
    const first = runDemo(env);
    await first.waitFor(/Ctrl-C stops the shops and the flag service/);
    expect(first.output()).toContain('created project, environment, flag new-checkout, flag payments-v2');
    const checkout = await fetch(`http://127.0.0.1:${base + 1}/checkout`);
    expect(checkout.status).toBe(404);
    const shop2 = await fetch(`http://127.0.0.1:${base + 2}/health`);
    expect(await shop2.json()).toEqual({ status: 'ok', instance: 'shop-2' });

    first.child.kill('SIGINT');
    expect(await within(first.exited, 'the demo exits after SIGINT', 30_000)).toBe(0);
    expect(first.output()).toContain('demo: stopped the shops and the flag service');
    for (const port of [base, base + 1, base + 2, base + 3]) {
      const server = await listen(port);
      expect(server).toBeDefined();
      await close(server!);
    }

    const second = runDemo(env);
    await second.waitFor(/Ctrl-C stops the shops and the flag service/);
    expect(second.output()).toContain(
      'created nothing; reused project, environment, flag new-checkout, flag payments-v2, flag search-v2, SDK key',
    );
    second.child.kill('SIGINT');
    expect(await within(second.exited, 'the second demo exits after SIGINT', 30_000)).toBe(0);
  }, 240_000);
});
