import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository root (bench/src/delivery → ../../..). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = `${ROOT}apps/flag-service/dist/main.js`;
const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database for one benchmark run; `drop()` removes it. */
export async function createBenchDatabase() {
  const name = `switchyard_bench_${Date.now()}_${randomBytes(2).toString('hex')}`;
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `cannot reach Postgres at ${ADMIN_URL} (${error.message}); start it (pg_ctlcluster … start) or set DATABASE_ADMIN_URL`,
      { cause: error },
    );
  }
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts one flag-service node (the built `main.js`) as a child process and waits until it is ready.
 * @returns {Promise<{ baseUrl: string, adminToken: string, stop(): Promise<void> }>}
 */
export async function startNode({ databaseUrl, adminToken, env = {} }) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      // The canary's kills would add writes and a stream to every figure; bench:canary turns it on.
      CANARY_INTERVAL_MS: '0',
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SWITCHYARD_ADMIN_TOKEN: adminToken,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null)
      throw new Error(`the node on port ${port} exited (${child.exitCode}); is the service built? (npm run build)`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (attempt > 600) throw new Error(`the node on port ${port} was not ready within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    adminToken,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Calls the admin API; throws on a non-2xx answer. */
export async function admin(node, method, path, body) {
  const response = await fetch(`${node.baseUrl}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${node.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} /api${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * A project `bench`, environment `prod` (protected, as production is by default: every write carries a reason),
 * an on boolean flag, and an SDK key; returns the key.
 */
export async function seed(node, flagKey) {
  await admin(node, 'POST', '/projects', { key: 'bench', name: 'bench' });
  await admin(node, 'POST', '/projects/bench/environments', { key: 'prod', name: 'prod' });
  await admin(node, 'POST', '/projects/bench/flags', { key: flagKey, name: flagKey, type: 'boolean' });
  await admin(node, 'POST', `/projects/bench/environments/prod/flags/${flagKey}/toggle`, {
    on: true,
    reason: 'bench: seed',
  });
  return (await admin(node, 'POST', '/projects/bench/environments/prod/sdk-keys', { name: 'bench' })).key;
}

/** The value at quantile `q` of sorted numbers. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** A new admin token for a bench run. */
export function benchAdminToken() {
  return `syt_bench_${randomBytes(16).toString('hex')}`;
}
