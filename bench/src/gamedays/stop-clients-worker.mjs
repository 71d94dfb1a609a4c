import { performance } from 'node:perf_hooks';

// A child process of stop-latency.mjs holding a share of the SDK clients (as kill-clients-worker.mjs does for the
// kill bench). Each client evaluates the fault flag with its own instanceId; on `expect` it reports, per client,
// the epoch ms (timeOrigin + now) at which it serves the expected variant (checked at once and on every `changed`).
const { createClient } = await import('@switchyard/sdk');
const FLAG = process.env.BENCH_FLAG ?? 'stop-me';
let clients = [];

const served = ({ id, client }) => client.getDetails(FLAG, { key: id, instanceId: id }, {}).variant ?? null;

process.on('message', async (message) => {
  if (message.type === 'start') {
    const { sdkKey, baseUrls, from, to } = message;
    for (let i = from; i < to; i += 1) {
      const id = `bench-host-${i}`;
      clients.push({
        index: i,
        id,
        client: createClient({
          sdkKey,
          baseUrl: baseUrls[i % baseUrls.length],
          appName: `bench-${i % 10}`,
          instanceId: id,
          hostname: id,
          flushIntervalMs: 30_000,
        }),
      });
    }
    const ready = await Promise.all(clients.map(({ client }) => client.waitUntilReady({ timeoutMs: 60_000 })));
    process.send({ type: 'ready', live: ready.filter((r) => r.source === 'live').length });
  } else if (message.type === 'expect') {
    const times = [];
    let pending = clients.length;
    const done = () => {
      if (--pending === 0) process.send({ type: 'times', round: message.round, times });
    };
    for (const entry of clients) {
      const listener = () => {
        if (served(entry) !== message.variant) return;
        times.push({ index: entry.index, at: performance.timeOrigin + performance.now() });
        entry.client.off('changed', listener);
        done();
      };
      entry.client.on('changed', listener);
      listener();
    }
    process.send({ type: 'armed', round: message.round });
    if (clients.length === 0) process.send({ type: 'times', round: message.round, times });
  } else if (message.type === 'close') {
    await Promise.all(clients.map(({ client }) => client.close()));
    clients = [];
    process.disconnect();
  }
});
