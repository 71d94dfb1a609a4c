// @switchyard/delivery/testing: test-only fixtures (e2e admin calls, a Redis process, a TCP proxy, fakes). Never in
// the production build.
export {
  admin,
  seedEnvironment,
  seedEnvironmentWithKeyId,
  createBooleanFlag,
  killFlag,
  restoreFlag,
} from './testing/delivery-e2e-fixture.js';
export type { AdminTarget } from './testing/delivery-e2e-fixture.js';
export { flagFixture, InMemoryDeliverySource, ManualCommittedChanges } from './testing/in-memory-delivery-source.js';
export { insertEnvironment } from './testing/insert-environment.js';
export { RedisServerProcess } from './testing/redis-server-process.js';
export { TcpProxy } from './testing/tcp-proxy.js';
export { InMemoryFlagActivityStore, FixedActivityFlags } from './testing/in-memory-flag-activity.js';
