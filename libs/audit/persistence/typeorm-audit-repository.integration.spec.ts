import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import type { AuditEntryDraft } from '../domain/audit-entry.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { TypeormAuditRepository, TypeormAuditSink } from './typeorm-audit-repository.js';

const draft = (overrides: Partial<AuditEntryDraft>): AuditEntryDraft => ({
  at: '2026-01-01T10:00:00.000Z',
  actor: { type: 'token', id: 't1', name: 'alice' },
  action: 'flag-config.updated',
  projectKey: 'shop',
  environmentKey: 'production',
  flagKey: 'new-checkout',
  segmentKey: null,
  reason: null,
  details: {},
  ...overrides,
});

describe('TypeormAuditRepository on Postgres', () => {
  let database: TestDatabase;
  let repository: TypeormAuditRepository;

  beforeAll(async () => {
    database = await createTestDatabase({ entities: [AuditEntryEntity] });
    repository = new TypeormAuditRepository(database.dataSource);
    const sink = new TypeormAuditSink(database.dataSource.manager);
    await sink.append(draft({ at: '2026-01-01T10:00:00.000Z' }));
    await sink.append(draft({ at: '2026-01-02T10:00:00.000Z', environmentKey: 'staging', details: { version: 2 } }));
    await sink.append(
      draft({ at: '2026-01-03T10:00:00.000Z', actor: { type: 'token', id: 't2', name: 'bob' }, flagKey: 'banner' }),
    );
    await sink.append(draft({ at: '2026-01-04T10:00:00.000Z', projectKey: 'blog', reason: 'tidy' }));
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('lists newest first with UTC timestamps and pages with a cursor', async () => {
    const first = await repository.list({ limit: 3 });
    expect(first.items.map((entry) => entry.at)).toEqual([
      '2026-01-04T10:00:00.000Z',
      '2026-01-03T10:00:00.000Z',
      '2026-01-02T10:00:00.000Z',
    ]);
    expect(first.items[2]?.details).toEqual({ version: 2 });
    const second = await repository.list({ limit: 3, before: first.nextBefore! });
    expect(second.items.map((entry) => entry.at)).toEqual(['2026-01-01T10:00:00.000Z']);
    expect(second.nextBefore).toBeNull();
  });

  it('filters by project, environment, flag, actor id or name, and time range', async () => {
    const count = async (query: object) => (await repository.list({ limit: 50, ...query })).items.length;
    expect(await count({ project: 'shop' })).toBe(3);
    expect(await count({ environment: 'staging' })).toBe(1);
    expect(await count({ flag: 'banner' })).toBe(1);
    expect(await count({ actor: 'bob' })).toBe(1);
    expect(await count({ actor: 't1' })).toBe(3);
    expect(await count({ from: '2026-01-02T00:00:00Z', to: '2026-01-03T23:59:59Z' })).toBe(2);
  });
});
