import type { EvaluationContext } from '@switchyard/evaluation';
import type { SwitchyardClient } from '@switchyard/sdk';
import { admin, seedEnvironment, type AdminTarget } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp } from './start-app.js';

// What the circuit-breaker end-to-end specs share (issue 11): batches posted as the SDK's guard sends them, the
// SDK's view of a flag awaited through its `changed` events, flags with their own breaker settings, and two
// nodes on one database and one Redis.

/** The context the breaker specs evaluate. */
export const user = { key: 'user-1' };

/** Resolves once `test()` holds for `client`: now, or after one of the changes it applies. */
export function whenClient(client: SwitchyardClient, test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!test()) return;
      client.off('changed', check);
      resolve();
    };
    client.on('changed', check);
    check();
  });
}

/** Resolves when `client` serves `expected` for the boolean flag (to `context`, default {@link user}). */
export function serves(
  client: SwitchyardClient,
  flag: string,
  expected: boolean,
  context: EvaluationContext = user,
): Promise<void> {
  return whenClient(client, () => client.getBoolean(flag, context, !expected) === expected);
}

/** How a client serves a breaker's flag: off (killed), probing (normal evaluation marked probe), or live. */
export type Served = 'killed' | 'probing' | 'live';

export function served(client: SwitchyardClient, flag: string, context: EvaluationContext = user): Served {
  const details = client.getDetails<boolean>(flag, context, false);
  if (details.value !== true) return 'killed';
  return details.probe ? 'probing' : 'live';
}

/** Resolves when `client` serves the flag as `expected` ({@link served}). */
export function until(client: SwitchyardClient, flag: string, expected: Served): Promise<void> {
  return whenClient(client, () => served(client, flag) === expected);
}

/** The SDK instance a batch says it comes from: `instance-<n>` of `appName` on `host-<n>`. */
export function instance(n: number, appName = 'checkout') {
  return { id: `instance-${n}`, appName, sdkVersion: 'e2e', hostname: `host-${n}` };
}

/** POSTs an events batch with the SDK key, as the SDK does; the status. */
export async function postEvents(node: { baseUrl: string }, sdkKey: string, body: unknown): Promise<number> {
  const response = await fetch(`${node.baseUrl}/sdk/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

/**
 * A batch with one trip of its own, as the guard sends it: 120 of 231 calls failed (3 timed out) in 10 s, so the
 * kill reason reads `52% of 231 calls failed in 10 s on <appName>@host-<n>`; `over` replaces trip fields.
 */
export function tripBatch(
  flag: string,
  from: ReturnType<typeof instance>,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    instance: from,
    trips: [
      {
        flag,
        at: new Date().toISOString(),
        windowMs: 10_000,
        calls: 231,
        failures: 120,
        timeouts: 3,
        failureRatio: 120 / 231,
        probe: false,
        ...over,
      },
    ],
  };
}

/** A batch with one 1 s guard bucket of the flag's outcomes, starting at `windowStart` (default: now). */
export function guardsBatch(
  flag: string,
  from: ReturnType<typeof instance>,
  figures: { calls: number; failures: number; timeouts?: number; probe?: boolean; windowStart?: Date },
): Record<string, unknown> {
  return {
    instance: from,
    guards: [
      {
        flag,
        windowStart: (figures.windowStart ?? new Date()).toISOString(),
        windowMs: 1000,
        calls: figures.calls,
        failures: figures.failures,
        timeouts: figures.timeouts ?? 0,
        probe: figures.probe ?? false,
      },
    ],
  };
}

/**
 * Creates a boolean flag serving on in the environment with its own `breaker` settings (and `rules`); returns
 * its config version.
 */
export async function breakerFlag(
  node: AdminTarget,
  key: string,
  breaker: Record<string, unknown>,
  options: { project?: string; environment?: string; rules?: unknown[] } = {},
): Promise<number> {
  const { project = 'shop', environment = 'prod', rules = [] } = options;
  const path = `/projects/${project}/environments/${environment}/flags/${key}`;
  await admin(node, 'POST', `/projects/${project}/flags`, { key, name: key, type: 'boolean' });
  const { version } = await admin(node, 'GET', path);
  const state = await admin(node, 'PUT', path, {
    baseVersion: version,
    on: true,
    offVariant: 'off',
    rules,
    fallthrough: { variant: 'on' },
    breaker,
  });
  return state.version as number;
}

/** Two nodes on one fresh database and one Redis, a project `shop` with environment `prod`, and its SDK key. */
export interface TwoNodes {
  database: TestDatabase;
  a: StartedApp;
  b: StartedApp;
  sdkKey: string;
  /** Closes one node now (a failover); `close` then leaves it alone. */
  stop(node: StartedApp): Promise<void>;
  /** Closes the nodes still open and drops the database. */
  close(): Promise<void>;
}

/**
 * Starts {@link TwoNodes}. Change-log polling every minute (`DELIVERY_POLL_MS`), so only the bus carries a change
 * between the nodes within a test; `env` adds to (or overrides) that.
 */
export async function startTwoNodes(env: Record<string, string> = {}): Promise<TwoNodes> {
  const database = await createTestDatabase();
  const config = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', DELIVERY_POLL_MS: '60000', ...env };
  const started: StartedApp[] = [];
  const stop = async (node: StartedApp) => {
    const at = started.indexOf(node);
    if (at < 0) return;
    started.splice(at, 1);
    await node.close();
  };
  const close = async () => {
    for (const node of started.splice(0).reverse()) await node.close();
    await database.drop();
  };
  try {
    started.push(await startApp({ database, env: config }));
    started.push(await startApp({ database, env: config }));
    const [a, b] = started as [StartedApp, StartedApp];
    return { database, a, b, sdkKey: await seedEnvironment(a), stop, close };
  } catch (error) {
    await close();
    throw error;
  }
}
