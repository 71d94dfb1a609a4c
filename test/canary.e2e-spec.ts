import pg from 'pg';
import { EnsureInternalProject } from '@switchyard/flags';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually } from './support/wait.js';

// One node with the canary on (a kill and a restore every 200 ms): its internal project exists and is written
// to, yet no customer view shows it; and a node with CANARY_INTERVAL_MS=0 runs no canary at all.
const CANARY_ON = { SCHEDULER_TICK_MS: '50', CANARY_INTERVAL_MS: '200', CANARY_BOUND_MS: '3000' };
const INTERNAL = /^__switchyard/;

async function sql<T>(database: TestDatabase, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

function canaryUp(node: StartedApp) {
  return eventually(
    'the canary reporting a change that reached this node',
    () => node.request('GET', '/health/ready', { token: null }),
    (ready) => ready.body.checks?.canary?.status === 'up' && /reached/.test(ready.body.checks.canary.detail),
    { timeoutMs: 15_000 },
  );
}

describe('the canary on one node', () => {
  let database: TestDatabase;
  let nodes: StartedApp[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Two nodes starting at once on an empty database both create the canary's project: one wins, none fails.
    nodes = await Promise.all([
      startApp({ database, env: { ...CANARY_ON, NODE_ID: 'one' } }),
      startApp({ database, env: { ...CANARY_ON, NODE_ID: 'two' } }),
    ]);
    await Promise.all(nodes.map(canaryUp));
  });

  afterAll(async () => {
    for (const node of nodes) await node.close();
    await database?.drop();
  });

  it('creates its project, environment and flag once, however many nodes race to', async () => {
    const ids = await Promise.all(
      nodes.flatMap((node) =>
        Array.from({ length: 4 }, () => node.app.get(EnsureInternalProject).execute('__switchyard-canary', 'x')),
      ),
    );
    expect(new Set(ids.map((project) => project.id)).size).toBe(1);
    expect(await sql(database, "SELECT key FROM projects WHERE key LIKE '\\_\\_switchyard%'")).toEqual([
      { key: '__switchyard-canary' },
    ]);
    const [counts] = await sql<{ environments: string; flags: string }>(
      database,
      `SELECT (SELECT count(*) FROM environments e JOIN projects p ON p.id = e.project_id
                WHERE p.key = '__switchyard-canary') AS environments,
              (SELECT count(*) FROM flags f JOIN projects p ON p.id = f.project_id
                WHERE p.key = '__switchyard-canary') AS flags`,
    );
    expect(counts).toEqual({ environments: '1', flags: '1' });
  });

  it('kills and restores through the customer write path, audited, yet never listed nor shown in the audit log', async () => {
    const [node] = nodes;
    expect((await node!.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } })).status).toBe(201);
    const projects = await node!.request('GET', '/api/projects');
    expect(projects.body.items.map((project: { key: string }) => project.key)).toEqual(['shop']);

    const written = await sql<{ action: string; n: string }>(
      database,
      `SELECT action, count(*) AS n FROM audit_log WHERE project_key = '__switchyard-canary'
        GROUP BY action ORDER BY action`,
    );
    expect(written.map((row) => row.action)).toEqual(
      expect.arrayContaining(['flag-config.killed', 'flag-config.restored', 'project.created', 'sdk-key.created']),
    );
    const audit = await node!.request('GET', '/api/audit?limit=200');
    expect(audit.status).toBe(200);
    const shown = audit.body.items as Array<{ projectKey: string | null; actor: { id: string } }>;
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((entry) => INTERNAL.test(entry.projectKey ?? '') || INTERNAL.test(entry.actor.id))).toEqual([]);
    expect((await node!.request('GET', '/api/audit?project=__switchyard-canary')).body.items ?? []).toEqual([]);
  });

  it('refuses a customer project with its key or the reserved prefix, naming the key', async () => {
    for (const key of ['__switchyard-canary', '__switchyard-mine', '__switchyard']) {
      const created = await nodes[0]!.request('POST', '/api/projects', { body: { key, name: 'Mine' } });
      expect(created.status).toBe(400);
      expect(created.body.error.code).toBe('VALIDATION_FAILED');
      expect(created.body.error.fields).toEqual([
        expect.objectContaining({ path: 'key', code: 'RESERVED_KEY', message: expect.stringMatching(/reserved/) }),
      ]);
    }
    expect(await sql(database, "SELECT key FROM projects WHERE key LIKE '\\_\\_switchyard-mine'")).toEqual([]);
  });

  it('is out of reach of every project route (flags, matrix, SDK keys, webhooks, delivery)', async () => {
    for (const path of [
      '/api/projects/__switchyard-canary',
      '/api/projects/__switchyard-canary/flags',
      '/api/projects/__switchyard-canary/flag-matrix',
      '/api/projects/__switchyard-canary/webhooks',
      '/api/projects/__switchyard-canary/environments/probe/sdk-keys',
      '/api/projects/__switchyard-canary/environments/probe/delivery',
    ]) {
      const answer = await nodes[0]!.request('GET', path);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(answer.body.error.fields).toEqual([expect.objectContaining({ path: 'project' })]);
    }
  });
});

describe('CANARY_INTERVAL_MS=0', () => {
  it('runs no canary: nothing created, no health check, no metrics', async () => {
    const node = await startApp({ env: { CANARY_INTERVAL_MS: '0', SCHEDULER_TICK_MS: '50' } });
    try {
      // Leading, the node runs every registered job each tick: a canary job would have written by now.
      const ready = await eventually(
        'the node leading the scheduler',
        () => node.request('GET', '/health/ready', { token: null }),
        (answer) => answer.body.checks?.scheduler?.detail === 'leader',
      );
      expect(ready.body.checks.canary).toBeUndefined();
      expect((await node.request('GET', '/metrics', { token: null })).body).not.toMatch(/switchyard_canary_/);
      expect(await sql(node.database, 'SELECT key FROM projects')).toEqual([]);
      expect(await sql(node.database, 'SELECT * FROM canary_changes')).toEqual([]);
    } finally {
      await node.close();
    }
  });
});
