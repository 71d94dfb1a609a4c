import { AuditEntryEntity } from './audit-entry.entity.js';

/** The audit context's TypeORM entities, for a DataSource that writes audit entries outside Nest (integration specs). */
export const AUDIT_ENTITIES = [AuditEntryEntity];
