// @switchyard/audit: the audit log. The context's one public entry: its module, use cases and domain types; never
// its repository or entity.
// Module
export { AuditModule } from './audit.module.js';
// Use cases
export { MAX_AUDIT_PAGE, ListAuditEntries } from './application/list-audit-entries.js';
// Domain types
export type { AuditEntryDraft, AuditEntry, AuditQuery, AuditPage, AuditSink } from './domain/audit-entry.js';
// Other contexts' writes append audit entries through this (an AuditSink bound to their TransactionScope)
export { AuditSinks } from './application/audit-sinks.js';
