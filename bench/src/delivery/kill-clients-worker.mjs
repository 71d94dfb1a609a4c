import { performance } from 'node:perf_hooks';

// A child process of kill-propagation.mjs holding a share of the SDK clients, so that 1,000 clients are not
// all serialised on one event loop. Talks to its parent over IPC; times are epoch ms (timeOrigin + now).
const { createClient } = await import('@switchyard/sdk');
const FLAG = process.env.BENCH_FLAG ?? 'kill-me';
const user = { key: 'user-1' };
let clients = [];
// BENCH_TRANSPORT=fetch hands the SDK a wrapped fetch, which keeps its streams on fetch + web streams (A/B runs).
const viaFetch = process.env.BENCH_TRANSPORT === 'fetch' ? { fetch: (...args) => fetch(...args) } : {};

process.on('message', async (message) => {
  if (message.type === 'start') {
    const { sdkKey, baseUrls, from, to, sendEvents } = message;
    for (let i = from; i < to; i += 1) {
      clients.push({
        index: i,
        client: createClient({
          sdkKey,
          baseUrl: baseUrls[i % 2],
          appName: `bench-${i % 10}`,
          flushIntervalMs: 30_000,
          sendEvents,
          ...viaFetch,
        }),
      });
    }
    const ready = await Promise.all(clients.map(({ client }) => client.waitUntilReady({ timeoutMs: 60_000 })));
    process.send({ type: 'ready', live: ready.filter((r) => r.source === 'live').length });
  } else if (message.type === 'expect') {
    const times = [];
    let pending = clients.length;
    for (const { index, client } of clients) {
      const listener = ({ keys }) => {
        if (!keys.includes(FLAG) || client.getBoolean(FLAG, user, !message.value) !== message.value) return;
        times.push({ index, at: performance.timeOrigin + performance.now() });
        client.off('changed', listener);
        if (--pending === 0) process.send({ type: 'times', round: message.round, times });
      };
      client.on('changed', listener);
    }
    process.send({ type: 'armed', round: message.round });
  } else if (message.type === 'close') {
    await Promise.all(clients.map(({ client }) => client.close()));
    clients = [];
    process.disconnect();
  }
});
