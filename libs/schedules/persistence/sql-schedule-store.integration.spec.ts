import { randomUUID } from 'node:crypto';
import { AUDIT_ENTITIES, TypeormAuditSinks } from '@switchyard/audit/testing';
import { TransactionRunner } from '@switchyard/database';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import type { AuditNote } from '../application/schedules-ports.js';
import { SqlScheduleStore } from './sql-schedule-store.js';

let database: TestDatabase;
let store: SqlScheduleStore;
let environmentId: string;
const person = { type: 'token' as const, id: 'tok-1', name: 'Ada' };
const note: AuditNote = {
  action: 'scheduled-change.created',
  actor: person,
  projectKey: 'p',
  environmentKey: 'prod',
  flagKey: 'f',
  reason: null,
  details: {},
};

beforeAll(async () => {
  database = await createTestDatabase({ entities: AUDIT_ENTITIES });
  store = new SqlScheduleStore(
    database.dataSource,
    new TransactionRunner(database.dataSource),
    new TypeormAuditSinks(),
  );
  const projectId = randomUUID();
  environmentId = randomUUID();
  await database.dataSource.query(`INSERT INTO projects (id, key, name) VALUES ($1, 'p', 'P')`, [projectId]);
  await database.dataSource.query(
    `INSERT INTO environments (id, project_id, key, name) VALUES ($1, $2, 'prod', 'Prod')`,
    [environmentId, projectId],
  );
});

afterAll(() => database?.drop());

async function due(count: number): Promise<string[]> {
  const at = new Date(Date.now() - 1000).toISOString();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const change = await store.create(
      {
        environmentId,
        flagKey: `f-${i}`,
        action: { kind: 'kill' },
        baseVersion: null,
        at,
        reason: 'r',
        scheduledBy: person,
      },
      note,
    );
    ids.push(change.id);
  }
  return ids;
}

describe('SqlScheduleStore', () => {
  it('hands each due change to one claimer only, however many claim at once', async () => {
    const ids = await due(20);
    const claims = await Promise.all(Array.from({ length: 40 }, () => store.claimNext(new Date())));
    const claimed = claims.filter((claim) => claim !== null).map((claim) => claim.id);
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(claims.filter((claim) => claim !== null).every((claim) => claim.state === 'applying')).toBe(true);
    for (const id of ids) await store.finish(id, { state: 'applied', version: 2, unchanged: false }, null);
  });

  it('lets exactly one of a cancel and a claim of the same change win', async () => {
    const ids = await due(20);
    const [claims, cancels] = await Promise.all([
      Promise.all(ids.map(() => store.claimNext(new Date()))),
      Promise.all(ids.map((id) => store.cancel(environmentId, id, person, note))),
    ]);
    const claimed = new Set(claims.filter((claim) => claim !== null).map((claim) => claim.id));
    for (const [i, id] of ids.entries())
      expect({ id, claimed: claimed.has(id), cancelled: cancels[i] !== null }).toEqual({
        id,
        claimed: !cancels[i],
        cancelled: !claimed.has(id),
      });
    for (const id of claimed) await store.finish(id, { state: 'applied', version: 2, unchanged: false }, null);
  });

  it('records an outcome only for a change still applying, and puts stuck ones back', async () => {
    const [id] = await due(1);
    const claim = await store.claimNext(new Date());
    expect(claim?.id).toBe(id);
    expect(await store.releaseStuck(new Date(Date.now() - 60_000))).toBe(0);
    expect(await store.releaseStuck(new Date(Date.now() + 1000))).toBe(1);
    expect(await store.finish(id!, { state: 'failed', error: 'x' }, null)).toBeNull();
    expect(await store.claimNext(new Date())).toMatchObject({ id, attempts: 2 });
    expect(await store.finish(id!, { state: 'stale', version: 7, error: 'moved on' }, note)).toMatchObject({
      state: 'stale',
      resultVersion: 7,
      error: 'moved on',
    });
    expect(await store.cancel(environmentId, id!, person, note)).toBeNull();
  });
});
