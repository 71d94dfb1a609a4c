// A ramp plan with an automatic roll back (README: "Dark launches" → "Ramp plans"). Needs a running flag
// service (SCHEDULER_TICK_MS at its 1 s default, or a few seconds at most) and an admin token:
//
//   npm run build
//   SWITCHYARD_TOKEN=syt_… node examples/ramp-demo.mjs      # SWITCHYARD_URL defaults to http://localhost:4242
//
// The flag `search-v2` (kind "dark-launch": variants off, shadow, live) gets a ramp plan: shadow 100% →
// live 10% → live 25% → live 100%, short holds, at most 1% candidate errors, roll back on a breach. Traffic runs
// through the SDK's `client.darkLaunch` with a healthy candidate; the demo prints each step as the plan moves.
// Once the plan serves 25% live, the candidate starts throwing on one call in ten: the scheduler sees the error
// rate, rolls back to the last step that passed its hold, and the demo prints the audited version with the
// figures in its reason. Ends within ~2 minutes; exit code 0 when it saw the plan advance and roll back.
import { createClient } from '@switchyard/sdk';

const BASE = process.env.SWITCHYARD_URL ?? 'http://localhost:4242';
const TOKEN = process.env.SWITCHYARD_TOKEN;
if (!TOKEN) {
  console.error('Set SWITCHYARD_TOKEN to an admin token (editor or admin) of the running service.');
  process.exit(2);
}
const PROJECT = 'ramp-demo';
const ENV = 'staging';
const FLAG = 'search-v2';
const E = `/projects/${PROJECT}/environments/${ENV}`;
const F = `${E}/flags/${FLAG}`;
const DEADLINE = Date.now() + 120_000;

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
  return { status: response.status, body: json };
}

async function setUp() {
  await api('POST', '/projects', { key: PROJECT, name: 'Ramp demo' }, { allow: [409] });
  await api(
    'POST',
    `/projects/${PROJECT}/environments`,
    { key: ENV, name: 'Staging', protected: false },
    { allow: [409] },
  );
  await api(
    'POST',
    `/projects/${PROJECT}/flags`,
    { key: FLAG, name: 'Search v2', kind: 'dark-launch' },
    { allow: [409] },
  );
  // A plan left running by an earlier run of the demo is cancelled; a new one starts below.
  const previous = await api('GET', `${F}/ramp-plan`, undefined, { allow: [404] });
  if (previous.status === 200 && ['running', 'paused'].includes(previous.body.state))
    await api('POST', `${F}/ramp-plan/cancel`, {});
  await api('PUT', `${F}/ramp-plan`, {
    steps: [
      { shadowPercent: 100, livePercent: 0, holdMs: 12_000 },
      { shadowPercent: 90, livePercent: 10, holdMs: 12_000 },
      { shadowPercent: 75, livePercent: 25, holdMs: 60_000 },
      { shadowPercent: 0, livePercent: 100, holdMs: 12_000 },
    ],
    thresholds: { maxCandidateErrorPercent: 1, maxMismatchPercent: 5, maxP99Ratio: null, minSample: 100 },
    onBreach: 'rollback',
  });
  const { body: key } = await api('POST', `${E}/sdk-keys`, { name: 'ramp-demo' });
  return key.key;
}

// The current search and its rewrite: same answers; the rewrite breaks on one call in ten once `failing` is set.
let failing = false;
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function search(query) {
  await delay(1);
  return { query, hits: [`${query}-1`, `${query}-2`] };
}
let candidateCalls = 0;
async function searchV2(query) {
  await delay(1);
  candidateCalls += 1;
  if (failing && candidateCalls % 10 === 0) throw new Error('search-v2: index shard unavailable');
  return { query, hits: [`${query}-1`, `${query}-2`] };
}

const sdkKey = await setUp();
const client = createClient({ sdkKey, baseUrl: BASE, appName: 'search' });
client.on('error', () => {}); // background trouble is not the point here
await client.waitUntilReady({ timeoutMs: 5000 });

// Traffic: a steady stream of calls over 1,000 users, in the background.
let calls = 0;
let stop = false;
const traffic = (async () => {
  for (let i = 0; !stop; i++) {
    await client.darkLaunch(
      FLAG,
      { key: `user-${i % 1000}` },
      { control: () => search(`q${i % 37}`), candidate: () => searchV2(`q${i % 37}`), timeoutMs: 500 },
    );
    calls += 1;
    if (i % 20 === 0) await delay(5);
  }
})();

const clock = Date.now();
const t = () => `${String(Math.round((Date.now() - clock) / 1000)).padStart(3)} s`;
let highestStep = 0;
let last = '';
let plan;
while (Date.now() < DEADLINE) {
  ({ body: plan } = await api('GET', `${F}/ramp-plan`));
  const step = plan.steps?.[plan.currentStep];
  const serving = step ? `shadow ${step.shadowPercent}%, live ${step.livePercent}%` : 'off';
  const key = `${plan.currentStep}|${plan.state}|${plan.health?.kind}`;
  if (key !== last)
    console.log(
      `${t()}  step ${plan.currentStep + 1} (${serving}) ${plan.state}: ${plan.health?.status ?? plan.status}`,
    );
  last = key;
  highestStep = Math.max(highestStep, plan.currentStep);
  if (!failing && step?.livePercent >= 25) {
    failing = true;
    console.log(`${t()}  the candidate now throws on one call in ten`);
  }
  if (plan.state !== 'running') break;
  await delay(1000);
}
stop = true;
await traffic;
await client.close();

const { body: versions } = await api('GET', `${F}/versions`);
const mine = versions.items.filter((v) => v.actor?.id === `ramp-plan:${plan.id}`).sort((a, b) => a.version - b.version);
const rollBack = mine.find((v) => /rolled back/.test(v.reason ?? ''));
console.log(`\n${calls} calls through client.darkLaunch; plan ${plan.state}, status: ${plan.status}`);
console.log("the ramp plan's versions of the flag:");
for (const v of mine) console.log(`  version ${v.version} by ${v.actor.id}: ${v.reason}`);
const ok = highestStep >= 2 && plan.state === 'rolled-back' && rollBack !== undefined;
console.log(
  ok
    ? `\nOK: the plan advanced to step ${highestStep + 1}, then rolled back by itself (version ${rollBack.version}).`
    : `\nNOT OK: expected the plan to reach step 3 and roll back (highest step ${highestStep + 1}, state ${plan.state}).`,
);
process.exit(ok ? 0 : 1);
