// @switchyard/audit/testing: test-only. The audit entity list, for integration specs of other contexts whose writes
// append audit entries on a DataSource built outside Nest. Never in the production build.
export { AUDIT_ENTITIES } from './persistence/audit-entities.js';
// The audit sinks over Postgres, for other contexts' integration specs that build their unit of work by hand.
export { TypeormAuditSinks } from './persistence/typeorm-audit-sinks.js';
