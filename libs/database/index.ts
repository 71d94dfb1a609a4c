// @switchyard/database: how the flag service reaches Postgres. The package's one public entry.
// The Postgres DataSource, migrations at start, transactions
export { DatabaseModule } from './database.module.js';
export type { DatabaseModuleOptions } from './database.module.js';
export { TransactionRunner } from './transaction-runner.js';
// The handle on one open transaction that contexts pass each other, and how persistence code opens it
export { TransactionScope } from './transaction-scope.js';
export { entityManagerOf } from './typeorm-transaction-scope.js';
export { createDataSourceOptions } from './data-source-options.js';
export { runMigrations } from './run-migrations.js';
export { isDatabaseUnavailable } from './is-database-unavailable.js';
// The embedded PostgreSQL `npm start` runs when DATABASE_URL is unset
export { startEmbeddedPostgres } from './embedded/embedded-postgres-server.js';
export type { EmbeddedPostgresOptions, EmbeddedPostgresServer } from './embedded/embedded-postgres-server.js';
// The cluster's one leader-elected ticker (a Postgres advisory lock): timed jobs of every context run on one node
export { SchedulingModule } from './scheduling/scheduling.module.js';
export type { SchedulingOptions } from './scheduling/scheduling.module.js';
export { LeaderTicker } from './scheduling/leader-ticker.js';
export type { Job, TickerOptions } from './scheduling/leader-ticker.js';
export { LeaderLock } from './scheduling/leader-lock.js';
