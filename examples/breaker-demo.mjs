// A small service whose dependency starts failing, trips the circuit breaker, and recovers (README: "Kill
// switches and circuit breakers"). Needs a running flag service and an admin token:
//
//   npm run build
//   SWITCHYARD_TOKEN=syt_… node examples/breaker-demo.mjs      # SWITCHYARD_URL defaults to http://localhost:4242
//
// Two SDK instances of one app: web-1 calls the recommendation dependency through `guard`, web-2 only serves
// the flag (it never sees an error). The dependency fails from 3 s to 9 s. What happens is printed as it
// happens: web-1's breaker trips, the service kills the flag fleet-wide (web-2 too), and after the cool-down
// the service probes 50% of contexts; once the dependency is healthy a probe restores the pre-trip config.
import { createClient } from '@switchyard/sdk';

const BASE = process.env.SWITCHYARD_URL ?? 'http://localhost:4242';
const TOKEN = process.env.SWITCHYARD_TOKEN;
if (!TOKEN) {
  console.error('Set SWITCHYARD_TOKEN to an admin token (editor or admin) of the running service.');
  process.exit(2);
}
const PROJECT = 'breaker-demo';
const ENV = 'production';
const FLAG = 'recommendations';
const F = `/projects/${PROJECT}/environments/${ENV}/flags/${FLAG}`;
const BREAKER = {
  windowMs: 3000,
  minimumCalls: 10,
  failureRatio: 0.5,
  timeoutMs: 200,
  autoRecover: { coolDownMs: 3000, probePercent: 50, probeWindowMs: 3000, maxCoolDownMs: 30000 },
};

async function api(method, path, body, { allow = [] } = {}) {
  const response = await fetch(`${BASE}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (response.status >= 300 && !allow.includes(response.status))
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return json;
}

async function setUp() {
  await api('POST', '/projects', { key: PROJECT, name: 'Breaker demo' }, { allow: [409] });
  await api('POST', `/projects/${PROJECT}/environments`, { key: ENV, name: 'Production' }, { allow: [409] });
  await api(
    'POST',
    `/projects/${PROJECT}/flags`,
    { key: FLAG, name: 'Recommendations', type: 'boolean' },
    { allow: [409] },
  );
  await api('POST', `${F}/restore`, { reason: 'demo start' });
  const { version } = await api('GET', F);
  await api('PUT', F, {
    baseVersion: version,
    on: true,
    offVariant: 'off',
    rules: [],
    fallthrough: { variant: 'on' },
    breaker: BREAKER,
    reason: 'breaker demo',
  });
  const key = await api('POST', `/projects/${PROJECT}/environments/${ENV}/sdk-keys`, { name: 'breaker-demo' });
  return key.key;
}

const started = Date.now();
const t = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s`;
const say = (text) => console.log(`${t()}  ${text}`);

let broken = false;
async function dependency() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (broken) throw new Error('recommendation service unavailable');
  return ['for-you-1', 'for-you-2'];
}

const sdkKey = await setUp();
const options = { sdkKey, baseUrl: BASE, appName: 'shop', flushIntervalMs: 500 };
const web1 = createClient({ ...options, hostname: 'web-1' });
const web2 = createClient({ ...options, hostname: 'web-2' });
await Promise.all([web1.waitUntilReady({ timeoutMs: 5000 }), web2.waitUntilReady({ timeoutMs: 5000 })]);
say(`flag ${FLAG} on; web-1 calls the dependency through guard, web-2 only serves the flag`);

const users = Array.from({ length: 20 }, (_, i) => ({ key: `user-${i}` }));
const counts = { dependency: 0, fallback: 0 };
let lastWeb2 = '';
let lastState = '';
let recovered = false;
const served = (client) => {
  const shares = users.map((user) => client.getDetails(FLAG, user, false));
  const on = shares.filter((d) => d.value === true).length;
  if (on === 0) return 'killed (off for every user)';
  return shares.some((d) => d.probe) ? `probing (${on} of ${users.length} users get the flag)` : 'on for every user';
};

setTimeout(() => {
  broken = true;
  say('the dependency starts failing');
}, 3000).unref();
setTimeout(() => {
  broken = false;
  say('the dependency is healthy again');
}, 9000).unref();

const traffic = setInterval(() => {
  for (const user of users.slice(0, 5)) {
    void web1.guard(
      FLAG,
      user,
      async () => {
        counts.dependency += 1;
        return dependency();
      },
      async () => {
        counts.fallback += 1;
        return ['bestsellers'];
      },
    );
  }
  const now = served(web2);
  if (now !== lastWeb2) say(`web-2 (saw no error) serves: ${now}`);
  lastWeb2 = now;
}, 25);

const watch = setInterval(async () => {
  const view = await api('GET', `${F}/breaker`).catch(() => null);
  if (!view || view.state === lastState) return;
  lastState = view.state;
  const detail =
    view.state === 'open'
      ? `: ${view.killed?.reason} (next probe in ${view.coolDownMs} ms cool-down)`
      : view.state === 'probing'
        ? `: ${view.probe?.percent}% of contexts probed`
        : '';
  say(`service: breaker ${view.state}${detail}`);
  if (view.lastTrip && view.state === 'open')
    say(
      `service: tripped by ${view.lastTrip.instances.map((i) => `${i.instance.appName}@${i.instance.hostname}`).join(', ')}`,
    );
  if (view.state === 'closed' && started + 9000 < Date.now()) recovered = true;
}, 250);

const deadline = Date.now() + 60_000;
while (!recovered && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
clearInterval(traffic);
clearInterval(watch);
const versions = await api('GET', `${F}/versions?limit=6`);
say(
  `history: ${versions.items
    .slice(0, 5)
    .reverse()
    .map((v) => `v${v.version} ${v.kind} by ${v.actor.name}`)
    .join(' → ')}`,
);
say(`web-1 called the dependency ${counts.dependency} times and served the fallback ${counts.fallback} times`);
await Promise.all([web1.close(), web2.close()]);
process.exit(recovered ? 0 : 1);
