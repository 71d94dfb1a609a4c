// A game day with a breaker stop condition (README: "Game days" → "Try it"). Needs a running flag service and an
// admin token:
//
//   npm run build
//   SWITCHYARD_TOKEN=syt_… node examples/game-day-demo.mjs      # SWITCHYARD_URL defaults to http://localhost:4242
//
// A fleet of four SDK clients (host-1 … host-4) of one app calls its payment dependency through `guard` on the
// flag `checkout`, with `fault: 'checkout-faults'`: a fault flag whose variants are faults. A game-day run then
// attacks the fleet: `errors-50` (half of the calls fail) on host-3 first, then on 50% of contexts, each step held
// 20 s, time-boxed to one minute, stopped as soon as a breaker trips on `checkout`. host-3's breaker trips within
// seconds, the scheduler stops the attack (every fault of the run back to `none`, in one version), and the demo
// prints the run's timeline in UTC to the millisecond. Exit code 0 only when it saw the attack stopped by the trip.
import { createClient } from '@switchyard/sdk';

const BASE = process.env.SWITCHYARD_URL ?? 'http://localhost:4242';
const TOKEN = process.env.SWITCHYARD_TOKEN;
if (!TOKEN) {
  console.error('Set SWITCHYARD_TOKEN to an admin token (editor or admin) of the running service.');
  process.exit(2);
}
const PROJECT = 'game-day-demo';
const ENV = 'staging';
const E = `/projects/${PROJECT}/environments/${ENV}`;
const GUARDED = 'checkout';
const FAULTS = 'checkout-faults';
const BREAKER = { windowMs: 3000, minimumCalls: 10, failureRatio: 0.3, timeoutMs: 500, autoRecover: null };
const HOSTS = ['host-1', 'host-2', 'host-3', 'host-4'];

async function api(method, path, body, { allow = [] } = {}) {
  const response = await fetch(`${BASE}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  if (response.status >= 300 && !allow.includes(response.status))
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return json;
}

async function setUp() {
  await api('POST', '/projects', { key: PROJECT, name: 'Game-day demo' }, { allow: [409] });
  await api(
    'POST',
    `/projects/${PROJECT}/environments`,
    { key: ENV, name: 'Staging', protected: false },
    { allow: [409] },
  );
  await api(
    'POST',
    `/projects/${PROJECT}/flags`,
    { key: FAULTS, name: 'Checkout faults', kind: 'fault' },
    { allow: [409] },
  );
  await api(
    'POST',
    `/projects/${PROJECT}/flags`,
    { key: GUARDED, name: 'Checkout', type: 'boolean' },
    { allow: [409] },
  );
  // A run left running by an earlier try is stopped; the guarded flag starts on, unkilled, with a quick breaker.
  for (const run of (await api('GET', `${E}/game-days`)).runs)
    if (run.status === 'running') await api('POST', `${E}/game-days/${run.id}/stop`, { reason: 'demo restart' });
  await api('POST', `${E}/flags/${GUARDED}/restore`, { reason: 'demo start' });
  const { version } = await api('GET', `${E}/flags/${GUARDED}`);
  await api('PUT', `${E}/flags/${GUARDED}`, {
    baseVersion: version,
    on: true,
    offVariant: 'off',
    rules: [],
    fallthrough: { variant: 'on' },
    breaker: BREAKER,
    reason: 'game-day demo',
  });
  return (await api('POST', `${E}/sdk-keys`, { name: 'game-day-demo' })).key;
}

const started = Date.now();
const t = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s`;
const say = (text) => console.log(`${t()}  ${text}`);

const sdkKey = await setUp();
const fleet = HOSTS.map((host) =>
  createClient({ sdkKey, baseUrl: BASE, appName: 'shop', hostname: host, instanceId: host, flushIntervalMs: 500 }),
);
await Promise.all(fleet.map((client) => client.waitUntilReady({ timeoutMs: 5000 })));
say(
  `fleet of ${HOSTS.length} (${HOSTS.join(', ')}) calls payments through guard('${GUARDED}', …, { fault: '${FAULTS}' })`,
);

const counts = Object.fromEntries(HOSTS.map((host) => [host, { paid: 0, fallback: 0 }]));
const pay = async () => {
  await new Promise((resolve) => setTimeout(resolve, 2));
  return 'paid';
};
const traffic = setInterval(() => {
  fleet.forEach((client, i) => {
    for (let n = 0; n < 3; n++) {
      const user = { key: `user-${i}-${n}` };
      void client
        .guard(GUARDED, user, pay, async () => 'queued', { fault: FAULTS })
        .then((answer) => {
          counts[HOSTS[i]][answer === 'paid' ? 'paid' : 'fallback'] += 1;
        });
    }
  });
}, 50);

const run = await api('POST', `${E}/game-days`, {
  name: 'Payments fail on one host, then half the fleet',
  attacks: [
    {
      faultFlag: FAULTS,
      variant: 'errors-50',
      targets: [{ instances: ['host-3'] }, { percent: 50 }],
      stepMs: 20_000,
      durationMs: 60_000,
      stopWhen: { breakerTrips: [GUARDED] },
    },
  ],
});
const checks = await api('GET', `${E}/game-days/${run.id}/checks`);
say(`pre-checks: ${checks.ok ? 'ok' : checks.missing.map((m) => m.message).join('; ')}`);
await api('POST', `${E}/game-days/${run.id}/start`, { reason: 'game-day demo', force: !checks.ok });
say(`run ${run.id} started (forced: ${!checks.ok})`);

let shown = 0;
let current = run;
const deadline = Date.now() + 90_000;
while (Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  const { events } = await api('GET', `${E}/game-days/${run.id}/timeline`);
  for (const event of events.slice(shown))
    say(
      `timeline ${event.at}  ${event.kind}${event.attack === null ? '' : ` (attack ${event.attack + 1})`}: ${event.message}`,
    );
  shown = events.length;
  current = await api('GET', `${E}/game-days/${run.id}`);
  if (current.status === 'stopped' || current.status === 'finished') break;
}
clearInterval(traffic);
const attack = current.attacks[0];
say(
  `run ${current.status}: ${current.stopReason ?? '–'}; attack ${attack.status} at step ${attack.step + 1}: ${attack.stopReason ?? '–'}`,
);
for (const host of HOSTS) say(`${host}: ${counts[host].paid} paid, ${counts[host].fallback} served the fallback`);
const markdown = await api('GET', `${E}/game-days/${run.id}/export?format=markdown`);
say(`export: ${markdown.split('\n').length} lines of Markdown for the post-mortem`);
await Promise.all(fleet.map((client) => client.close()));
const stoppedByTrip = attack.status === 'stopped' && /trip|breaker/i.test(attack.stopReason ?? '');
process.exit(stoppedByTrip ? 0 : 1);
