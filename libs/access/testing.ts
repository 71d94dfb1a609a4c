// @switchyard/access/testing: test-only in-memory fakes of the access ports. Never in the production build.
export {
  InMemoryAdminTokenRepository,
  InMemorySdkKeyRepository,
  RecordingAccessAudit,
  InMemoryAccessTransaction,
} from './testing/in-memory-access-repositories.js';
