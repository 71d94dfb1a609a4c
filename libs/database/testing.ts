// @switchyard/database/testing: test-only helpers (a throw-away database with the migrations applied). Never in the
// production build (the package's tsconfig excludes it); Jest maps it to this file.
export { testServerUrl, createTestDatabase } from './testing/test-database.js';
export type { TestDatabase, TestDatabaseOptions } from './testing/test-database.js';
