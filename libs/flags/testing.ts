// @switchyard/flags/testing: test-only fixtures and fakes of the flags context. Never in the production build.
export { flagsFixture, EDITOR } from './testing/flags-fixture.js';
export { InMemoryFlagsUnitOfWork } from './testing/in-memory-flags-unit-of-work.js';
export type { InMemoryFlagsState } from './testing/in-memory-flags-unit-of-work.js';
