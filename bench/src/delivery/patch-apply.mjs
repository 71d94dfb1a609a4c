import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The SDK's per-change cost (issue 11): CPU time (process.cpuUsage, so a loaded box stretches the wall time, not
// the figure) per client per change, from one kill-bench patch frame written to every stream to every client's
// `changed` event, through the SDK's real receive path (node:http socket → SSE parser → JSON.parse → store patch
// → ack → `changed`, with the kill bench's listener: `keys.includes` + one getBoolean). The SSE server runs in a
// child process, so the figure is the client side only. Run after a build (`tsc -b ..`):
//   node --expose-gc src/delivery/patch-apply.mjs            (or npm run bench:patch)
// BENCH_SDK=<path to an sdk dist/index.js> measures another build (e.g. a checkout of main, for "before").

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 8);
const SIZES = (process.env.BENCH_FLAGS ?? '10,1000').split(',').map(Number);
const FLAG = 'kill-me';
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const ACK_DELAY_MS = 500;

/** The kill bench's flag as the service delivers it (toWireFlag of a boolean flag), killed or restored. */
function wireFlag(key, version, killed) {
  return {
    key,
    type: 'boolean',
    version,
    variants: { on: true, off: false },
    offVariant: 'off',
    on: true,
    rules: [],
    fallthrough: { variant: 'on' },
    salt: `${key}-3f2a9c4e-1b7d-4e0a-9f51-6c2d8e0b7a13`,
    ...(killed ? { killed: { at: new Date().toISOString(), by: 'bench', kind: 'token', reason: 'bench' } } : {}),
  };
}

/** The child: a raw SSE server with a snapshot of `size` flags; writes one patch frame to every stream on request. */
async function serve(size) {
  let version = 1;
  const flags = { [FLAG]: wireFlag(FLAG, 1, false) };
  for (let i = 1; i < size; i += 1) flags[`flag-${i}`] = wireFlag(`flag-${i}`, 1, false);
  const streams = new Set();
  let posts = 0;
  let waiting;
  const answered = () => {
    posts += 1;
    if (waiting && posts >= waiting.atLeast) {
      process.send({ type: 'posts', posts });
      waiting = undefined;
    }
  };
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/sdk/v1/events')) {
      req.resume();
      return req.on('end', () => res.writeHead(202).end(answered));
    }
    if (!req.url?.startsWith('/sdk/v1/stream')) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.socket.setNoDelay(true);
    res.write(`event: snapshot\nid: ${version}\ndata: ${JSON.stringify({ version, flags, segments: {} })}\n\n`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', (message) => {
    if (message.type === 'patch') {
      version += 1;
      flags[FLAG] = wireFlag(FLAG, version, message.killed);
      const frame = `event: patch\nid: ${version}\ndata: ${JSON.stringify({ version, flags: { [FLAG]: flags[FLAG] } })}\n\n`;
      for (const stream of streams) stream.write(frame);
    } else if (message.type === 'posts') {
      if (posts >= message.atLeast) process.send({ type: 'posts', posts });
      else waiting = message;
    } else if (message.type === 'close') {
      for (const stream of streams) stream.end();
      server.close();
      process.disconnect();
    }
  });
  process.send({ type: 'listening', port: server.address().port });
}

/** One snapshot size: CLIENTS clients, WARMUP changes, then ROUNDS rounds of CHANGES changes; µs CPU per client per change. */
async function measure(createClient, size) {
  const server = fork(fileURLToPath(import.meta.url), ['serve', String(size)]);
  const [{ port }] = await once(server, 'message');
  const clients = Array.from({ length: CLIENTS }, (_, i) =>
    createClient({
      sdkKey: 'sdk_bench',
      baseUrl: `http://127.0.0.1:${port}`,
      appName: `bench-${i % 10}`,
      flushIntervalMs: 30_000,
      ackFlushDelayMs: ACK_DELAY_MS,
    }),
  );
  await Promise.all(clients.map((client) => client.waitUntilReady({ timeoutMs: 60_000 })));
  const user = { key: 'user-1' };
  let killed = false;
  /** One change: arm the kill bench's listener on every client, ask for the frame, wait for every `changed`. */
  const change = async () => {
    killed = !killed;
    const expected = !killed;
    let pending = clients.length;
    const done = new Promise((resolve) => {
      for (const client of clients) {
        const listener = ({ keys }) => {
          if (!keys.includes(FLAG) || client.getBoolean(FLAG, user, !expected) !== expected) return;
          client.off('changed', listener);
          if (--pending === 0) resolve();
        };
        client.on('changed', listener);
      }
    });
    const before = process.cpuUsage();
    server.send({ type: 'patch', killed });
    await done;
    const used = process.cpuUsage(before);
    // The acks' flush (a timer 250–750 ms later) runs outside the timed span, as in the kill bench's pause: the
    // next change waits until the server has answered every client's post, and the answers were read.
    posts += clients.length;
    const flushed = new Promise((resolve) => {
      const listener = (message) => {
        if (message.type !== 'posts') return;
        server.off('message', listener);
        resolve();
      };
      server.on('message', listener);
    });
    server.send({ type: 'posts', atLeast: posts });
    await flushed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return used.user + used.system;
  };
  let posts = clients.length; // the acks of the first snapshot
  // Warm-up (JIT, first-change paths, the heap settling after 200 connections), then a full collection (with
  // --expose-gc) so garbage from before the timed rounds is not counted in them.
  for (let i = 0; i < WARMUP; i += 1) await change();
  globalThis.gc?.();
  const rounds = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let micros = 0;
    for (let i = 0; i < CHANGES; i += 1) micros += await change();
    rounds.push(micros / (CLIENTS * CHANGES));
  }
  await Promise.all(clients.map((client) => client.close()));
  server.send({ type: 'close' });
  await once(server, 'exit');
  const sorted = [...rounds].sort((a, b) => a - b);
  return { size, median: sorted[Math.floor(sorted.length / 2)], rounds };
}

if (process.argv[2] === 'serve') {
  await serve(Number(process.argv[3]));
} else {
  const sdkPath = process.env.BENCH_SDK;
  const { createClient } = await import(sdkPath ? pathToFileURL(sdkPath).href : '@switchyard/sdk');
  const loadBefore = loadavg();
  console.log(
    `patch apply: ${CLIENTS} SDK clients in one process, ${ROUNDS} rounds of ${CHANGES} kill/restore patches` +
      `${sdkPath ? ` (SDK from ${sdkPath})` : ''}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );
  for (const size of SIZES) {
    const { median, rounds } = await measure(createClient, size);
    console.log(
      `  ${String(size).padStart(5)}-flag snapshot: ${median.toFixed(1)} µs CPU per client per change (median; rounds ${rounds
        .map((r) => r.toFixed(1))
        .join(', ')})`,
    );
  }
  console.log(
    `  load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
