// @switchyard/schedules/testing: test-only fakes of the schedules context. Never in the production build.
export { InMemoryScheduleStore, FakeScheduleFlags } from './testing/in-memory-schedules.js';
