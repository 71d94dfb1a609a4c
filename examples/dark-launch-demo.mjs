// A dark launch in shadow mode (README: "Dark launches"). Needs a running flag service and an admin token:
//
//   npm run build
//   SWITCHYARD_TOKEN=syt_… node examples/dark-launch-demo.mjs      # SWITCHYARD_URL defaults to http://localhost:4242
//
// A pricing function is being rewritten. The flag `pricing-v2` (a dark-launch flag: variants off, shadow, live)
// serves `shadow`, so every call returns the current pricing (control) while the new one (candidate) runs off
// the caller's path and is compared. The candidate rounds the tax differently for one basket in ten, and is
// slower. The demo runs traffic for ~5 s, checks that every caller got the control's answer, and prints the
// dark-launch reports the SDK sent (every 2 s while the dark launch is active): modes, matches and mismatches,
// the JSON paths that differed, a few samples, and p50/p99 durations from the histograms.
import { createClient, DURATION_BUCKETS_MS, percentileOf } from '@switchyard/sdk';

const BASE = process.env.SWITCHYARD_URL ?? 'http://localhost:4242';
const TOKEN = process.env.SWITCHYARD_TOKEN;
if (!TOKEN) {
  console.error('Set SWITCHYARD_TOKEN to an admin token (editor or admin) of the running service.');
  process.exit(2);
}
const PROJECT = 'dark-launch-demo';
const ENV = 'production';
const FLAG = 'pricing-v2';
const F = `/projects/${PROJECT}/environments/${ENV}/flags/${FLAG}`;

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
  await api('POST', '/projects', { key: PROJECT, name: 'Dark launch demo' }, { allow: [409] });
  await api('POST', `/projects/${PROJECT}/environments`, { key: ENV, name: 'Production' }, { allow: [409] });
  await api(
    'POST',
    `/projects/${PROJECT}/flags`,
    { key: FLAG, name: 'Pricing v2', type: 'string', variants: { off: 'off', shadow: 'shadow', live: 'live' } },
    { allow: [409] },
  );
  const { version } = await api('GET', F);
  await api('PUT', F, {
    baseVersion: version,
    on: true,
    offVariant: 'off',
    rules: [],
    fallthrough: { variant: 'shadow' },
    reason: 'dark launch demo: shadow the new pricing',
  });
  const key = await api('POST', `/projects/${PROJECT}/environments/${ENV}/sdk-keys`, { name: 'dark-launch-demo' });
  return key.key;
}

// The current pricing, and its rewrite: the same but for baskets whose id ends in 7 (tax rounded down, not to
// nearest), and a little slower.
const basket = (i) => ({
  id: `basket-${i}`,
  items: [
    { sku: 'tea', price: 3.35 },
    { sku: 'mug', price: 8.9 + (i % 5) },
  ],
});
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function price(cart) {
  await delay(1);
  const net = cart.items.reduce((sum, item) => sum + item.price, 0);
  return { id: cart.id, net: Math.round(net * 100) / 100, tax: Math.round(net * 19) / 100, currency: 'EUR' };
}
async function priceV2(cart) {
  await delay(3);
  const net = cart.items.reduce((sum, item) => sum + item.price, 0);
  const tax = cart.id.endsWith('7') ? Math.floor(net * 19) / 100 : Math.round(net * 19) / 100;
  return { id: cart.id, net: Math.round(net * 100) / 100, tax, currency: 'EUR' };
}

const sdkKey = await setUp();
const reports = [];
const recording = async (input, init) => {
  if (String(input).endsWith('/sdk/v1/events')) reports.push(...(JSON.parse(String(init.body)).darkLaunches ?? []));
  return fetch(input, init);
};
const client = createClient({ sdkKey, baseUrl: BASE, appName: 'checkout', fetch: recording });
await client.waitUntilReady({ timeoutMs: 5000 });
console.log(
  `${FLAG} serves ${client.getString(FLAG, { key: 'user-1' }, 'off')} (control answers; the candidate is compared)`,
);

let calls = 0;
let differentFromControl = 0;
const until = Date.now() + 5_000;
for (let i = 0; Date.now() < until; i++) {
  const cart = basket(i);
  const answer = await client.darkLaunch(
    FLAG,
    { key: `user-${i % 50}` },
    { control: () => price(cart), candidate: () => priceV2(cart), timeoutMs: 500 },
  );
  calls += 1;
  if (JSON.stringify(answer) !== JSON.stringify(await price(cart))) differentFromControl += 1;
}
await client.close(); // flushes what is left
console.log(`${calls} calls; answers different from control's: ${differentFromControl}`);

const sum = (part, field) => reports.reduce((total, report) => total + report[part][field], 0);
const merged = (field) => DURATION_BUCKETS_MS.map((_, i) => reports.reduce((total, r) => total + r[field][i], 0));
const ms = (value) => (value === null ? 'n/a' : value === Infinity ? '> 30000 ms' : `≤ ${value} ms`);
const paths = new Map();
for (const report of reports)
  for (const { path, count, noise } of report.paths)
    paths.set(path, { count: (paths.get(path)?.count ?? 0) + count, noise });
console.log(`${reports.length} reports sent (one per 2 s window):`);
console.log(`  modes      shadow ${sum('modes', 'shadow')}, off ${sum('modes', 'off')}, live ${sum('modes', 'live')}`);
console.log(
  `  shadow     compared ${sum('shadow', 'compared')}: ${sum('shadow', 'matches')} matches, ${sum('shadow', 'mismatches')} mismatches; ` +
    `${sum('shadow', 'candidateErrors')} candidate errors, ${sum('shadow', 'timeouts')} timeouts, ${sum('shadow', 'skipped')} skipped`,
);
for (const [path, { count, noise }] of paths)
  console.log(`  path       ${path}: ${count} mismatches${noise ? ' (noise)' : ''}`);
for (const sample of reports.flatMap((report) => report.samples).slice(0, 3))
  console.log(
    `  sample     ${sample.contextKey} at ${sample.path}: control ${sample.control}, candidate ${sample.candidate}`,
  );
for (const [name, field] of [
  ['control', 'controlMs'],
  ['candidate', 'candidateMs'],
])
  console.log(
    `  ${name.padEnd(10)} p50 ${ms(percentileOf(merged(field), 0.5))}, p99 ${ms(percentileOf(merged(field), 0.99))}`,
  );
process.exit(differentFromControl === 0 && sum('shadow', 'mismatches') > 0 ? 0 : 1);
