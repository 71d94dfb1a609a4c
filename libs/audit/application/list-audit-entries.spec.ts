import { DomainError } from '@switchyard/kernel';
import { RecordingAuditLogReader } from '../testing/recording-audit-log-reader.js';
import { ListAuditEntries } from './list-audit-entries.js';

describe('ListAuditEntries', () => {
  it('caps the page size and defaults it to 50', async () => {
    const reader = new RecordingAuditLogReader();
    const useCase = new ListAuditEntries(reader);
    await useCase.execute({ limit: 10_000 });
    await useCase.execute({ project: 'shop' });
    expect(reader.queries.map((query) => query.limit)).toEqual([200, 50]);
    expect(reader.queries[1]?.project).toBe('shop');
  });

  it('refuses unreadable dates and cursors with the failing fields', async () => {
    const useCase = new ListAuditEntries(new RecordingAuditLogReader());
    const error = await useCase.execute({ from: 'yesterday', before: 'abc' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fields.map((field) => field.path)).toEqual(['from', 'before']);
  });
});
