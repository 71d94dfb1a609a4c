// npm run demo: the flag service on its embedded default (no Postgres or Redis needed), the demo project, flags
// and SDK key (scripts/demo-setup.mjs, idempotent), and two instances of apps/demo-shop next to it. Prints what
// to try; Ctrl-C stops all three. README: "The demo shop".
//
//   npm run demo          # builds first; `node scripts/demo.mjs` alone expects a build
//
// Ports: SWITCHYARD_PORT (flag service, 4242), DEMO_SHOP_PORT (shop-1, 4300; shop-2 is the next one), and the
// embedded PostgreSQL's EMBEDDED_PG_PORT (54329). A port that is taken stops the demo before it starts anything.
// The demo's admin token and SDK key are kept in <DATA_DIR>/demo.json (DATA_DIR defaults to .switchyard, the
// folder `npm start` uses), so a second run reuses them, and the project, as they are.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO, setUpDemo } from './demo-setup.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const HOST = '127.0.0.1';
const dataDir = resolve(root, process.env.DATA_DIR ?? '.switchyard');
const servicePort = portFrom('SWITCHYARD_PORT', 4242);
const shopPort = portFrom('DEMO_SHOP_PORT', 4300);
const pgPort = portFrom('EMBEDDED_PG_PORT', 54329);
const serviceUrl = `http://localhost:${servicePort}`;
const shops = [
  { name: 'shop-1', port: shopPort },
  { name: 'shop-2', port: shopPort + 1 },
];

function fail(message) {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(1);
}

function portFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65534) fail(`${name} must be a port number (got "${raw}")`);
  return port;
}

function portIsFree(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => done(true)));
  });
}

async function checkPorts() {
  const wanted = [
    { port: servicePort, what: 'the flag service (SWITCHYARD_PORT)' },
    ...shops.map((shop) => ({ port: shop.port, what: `${shop.name} (DEMO_SHOP_PORT)` })),
    ...(process.env.DATABASE_URL ? [] : [{ port: pgPort, what: 'the embedded PostgreSQL (EMBEDDED_PG_PORT)' }]),
  ];
  for (const { port, what } of wanted)
    if (!(await portIsFree(port)))
      fail(
        `port ${port}, for ${what}, is taken: is \`npm start\` or another \`npm run demo\` running? ` +
          `Stop it, or choose other ports (SWITCHYARD_PORT, DEMO_SHOP_PORT, EMBEDDED_PG_PORT).`,
      );
}

function readState(file) {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

const children = [];
let stopping = false;

function start(name, script, env, logFile) {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (chunk) => {
    log.write(chunk);
    tail.push(...chunk.toString().split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 15));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const entry = { name, child, tail, exited: new Promise((done) => child.once('exit', done)) };
  child.once('exit', (code, signal) => {
    log.end();
    if (stopping) return;
    process.stderr.write(`demo: ${name} stopped (${signal ?? `exit code ${code}`}); its last lines (${logFile}):\n`);
    for (const line of tail) process.stderr.write(`  ${line}\n`);
    void stopAll(1);
  });
  children.push(entry);
  return entry;
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  // the shops first (they close their SDK clients against a live service), then the flag service
  for (const group of [
    children.filter((c) => c.name !== 'flag service'),
    children.filter((c) => c.name === 'flag service'),
  ]) {
    for (const { child } of group) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(group.map((c) => c.exited));
  }
  if (code === 0) console.log('demo: stopped the shops and the flag service');
  process.exit(code);
}

async function waitFor(url, entry, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null) await new Promise(() => undefined); // its exit handler reports and exits
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  process.stderr.write(`demo: ${entry.name} did not answer ${url} within ${timeoutMs / 1000} s; its last lines:\n`);
  for (const line of entry.tail) process.stderr.write(`  ${line}\n`);
  await stopAll(1);
}

for (const file of ['apps/flag-service/dist/main.js', 'apps/demo-shop/dist/main.js'])
  if (!existsSync(join(root, file)))
    fail(`${file} is missing: run \`npm run demo\` (it builds first) or \`npx tsc -b\``);
await checkPorts();
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

mkdirSync(join(dataDir, 'demo-logs'), { recursive: true });
const stateFile = join(dataDir, 'demo.json');
const state = readState(stateFile);
state.adminToken ??= `syt_${randomBytes(24).toString('base64url')}`;
writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });

console.log(`demo: starting the flag service on ${serviceUrl} (embedded PostgreSQL, data in ${dataDir})…`);
const service = start(
  'flag service',
  'apps/flag-service/dist/main.js',
  { PORT: String(servicePort), HOST, DATA_DIR: dataDir, SWITCHYARD_ADMIN_TOKEN: state.adminToken },
  join(dataDir, 'demo-logs', 'flag-service.log'),
);
await waitFor(`${serviceUrl}/health/ready`, service, 120_000);

const setup = await setUpDemo({ baseUrl: serviceUrl, adminToken: state.adminToken, sdkKey: state.sdkKey }).catch(
  async (error) => {
    process.stderr.write(`demo: setting up the demo project failed: ${error.message}\n`);
    await stopAll(1);
  },
);
state.sdkKey = setup.sdkKey;
writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
const words = (list) => (list.length ? list.join(', ') : 'nothing');
console.log(
  `demo: project ${DEMO.project}/${DEMO.environment}: created ${words(setup.created)}; reused ${words(setup.reused)}`,
);

for (const shop of shops) {
  shop.entry = start(
    shop.name,
    'apps/demo-shop/dist/main.js',
    {
      PORT: String(shop.port),
      HOST,
      SWITCHYARD_URL: serviceUrl,
      SWITCHYARD_SDK_KEY: setup.sdkKey,
      DEMO_INSTANCE: shop.name,
    },
    join(dataDir, 'demo-logs', `${shop.name}.log`),
  );
}
for (const shop of shops) await waitFor(`http://localhost:${shop.port}/health`, shop.entry, 30_000);

const [one, two] = shops.map((shop) => `localhost:${shop.port}`);
const F = `${serviceUrl}/api/projects/${DEMO.project}/environments/${DEMO.environment}/flags`;
console.log(`
The demo shop is running: ${shops.map((s) => `${s.name} on http://localhost:${s.port}`).join(', ')}.
Flag service ${serviceUrl}; admin UI ${serviceUrl}/ (sign in with the admin token below). Logs: ${join(dataDir, 'demo-logs')}/

  export TOKEN=${state.adminToken}
  H=(-H "authorization: Bearer $TOKEN" -H 'content-type: application/json')
  F=${F}
  J=(-H 'content-type: application/json')

Try (README, "The demo shop", has the whole breaker and dark-launch walkthroughs):
  curl -i ${one}/checkout                                        # 404 while new-checkout is off
  curl -s "\${H[@]}" -X POST $F/${DEMO.flags.checkout}/toggle -d '{"on":true}' >/dev/null; curl ${one}/checkout
  curl -s "\${J[@]}" ${one}/pay -d '{"amount":42}'                   # paid through payments v2
  curl -s "\${J[@]}" ${one}/admin/payment-dependency -d '{"failRate":1}'   # shop-1's provider fails from now on
  curl -s "\${J[@]}" ${two}/pay -d '{"amount":42}'                   # shop-2, after shop-1 tripped: the fallback
  curl -s '${one}/search?q=red+shoes'                             # v1 answers; v2 runs in shadow

Ctrl-C stops the shops and the flag service.`);
