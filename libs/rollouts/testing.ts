// @switchyard/rollouts/testing: test-only fakes of the rollouts context's ports. Never in the production build.
export { InMemoryRampFlags, FakeRampFigures, InMemoryRampPlanStore } from './testing/in-memory-rollouts.js';
export type { FakeFlagVersion } from './testing/in-memory-rollouts.js';
