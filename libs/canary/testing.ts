// Test-only helpers of the canary context.
export { InMemoryCanaryChangeStore } from './testing/in-memory-canary-change-store.js';
