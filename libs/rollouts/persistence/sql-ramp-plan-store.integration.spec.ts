import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import type { RampPlan } from '../domain/ramp-plan.js';
import { SqlRampPlanStore } from './sql-ramp-plan-store.js';

describe('SqlRampPlanStore (Postgres, migrations applied)', () => {
  let database: TestDatabase;
  let store: SqlRampPlanStore;

  const newEnvironment = async (): Promise<string> => {
    const projectId = randomUUID();
    const environmentId = randomUUID();
    await database.dataSource.query(`INSERT INTO projects (id, key, name) VALUES ($1, $2, 'P')`, [
      projectId,
      `p-${projectId.slice(0, 8)}`,
    ]);
    await database.dataSource.query(
      `INSERT INTO environments (id, project_id, key, name) VALUES ($1, $2, 'prod', 'Prod')`,
      [environmentId, projectId],
    );
    return environmentId;
  };

  const plan = (environmentId: string, more: Partial<RampPlan> = {}): RampPlan => ({
    id: randomUUID(),
    environmentId,
    projectKey: 'shop',
    environmentKey: 'prod',
    flagKey: 'search',
    steps: [
      { shadowPercent: 100, livePercent: 0, holdMs: 60_000 },
      { shadowPercent: 87.5, livePercent: 12.5, holdMs: 60_000 },
    ],
    thresholds: { maxCandidateErrorPercent: 1, maxMismatchPercent: 5, maxP99Ratio: null, minSample: 500 },
    onBreach: 'rollback',
    state: 'running',
    currentStep: 0,
    lastHealthyStep: null,
    stepStartedAt: new Date('2026-12-02T01:00:00.000Z'),
    flagVersion: 2,
    status: 'started',
    version: 1,
    createdBy: { type: 'token', id: 'token:bob', name: 'bob' },
    createdAt: new Date('2026-12-02T01:00:00.000Z'),
    updatedAt: new Date('2026-12-02T01:00:00.000Z'),
    events: [],
    ...more,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new SqlRampPlanStore(database.dataSource);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('keeps a plan as written and reads it back as the domain plan', async () => {
    const env = await newEnvironment();
    const written = plan(env);
    expect(await store.insert(written, null)).toBe(true);
    expect(await store.find(env, 'search')).toEqual(written);
    expect((await store.running(100)).map((p) => p.id)).toContain(written.id);
  });

  it('lets exactly one of many parallel writers based on the same version win', async () => {
    const env = await newEnvironment();
    const read = plan(env);
    await store.insert(read, null);
    const writers = Array.from({ length: 8 }, (_, i) =>
      store.update({ ...read, version: 2, currentStep: 1, status: `writer ${i}` }, read.version),
    );
    const won = await Promise.all(writers);
    expect(won.filter(Boolean)).toHaveLength(1);
    const stored = await store.find(env, 'search');
    expect(stored).toMatchObject({ version: 2, currentStep: 1, status: `writer ${won.indexOf(true)}` });
  });

  it('never replaces a live plan, and replaces a finished one only at the version it was read at', async () => {
    const env = await newEnvironment();
    const first = plan(env);
    await store.insert(first, null);
    expect(await store.insert(plan(env), null)).toBe(false);
    expect(await store.insert(plan(env), first.version)).toBe(false); // still running
    await store.update({ ...first, state: 'completed', version: 2 }, 1);
    const racers = await Promise.all([store.insert(plan(env), 2), store.insert(plan(env), 2)]);
    expect(racers.filter(Boolean)).toHaveLength(1);
    expect(await store.insert(plan(env), 1)).toBe(false);
  });
});
