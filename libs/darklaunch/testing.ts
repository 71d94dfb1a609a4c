// @switchyard/darklaunch/testing: test-only fakes and fixtures. Never in the production build.
export {
  InMemoryDarkLaunchFlags,
  InMemoryDarkLaunchStore,
  darkLaunchReport,
  histogram,
} from './testing/in-memory-dark-launch.js';
export { createDarkLaunchFlag } from './testing/dark-launch-e2e-fixture.js';
