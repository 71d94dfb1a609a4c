// @switchyard/alerts/testing: test-only fixtures of the alerts context. Never in the production build.
export { insertProject, insertAuditEntry } from './testing/alerts-fixture.js';
