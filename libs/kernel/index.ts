// @switchyard/kernel: what every context of the flag service shares. The package's one public entry.
// Who acts, and what each role may do
export { roleAllows, ROLES, SYSTEM_ACTOR } from './actor.js';
export type { Role, Actor, TokenHolder } from './actor.js';
// Coded domain errors (the DomainErrorFilter maps codes to statuses)
export { isDomainError, DOMAIN_ERROR_CODES, DomainError } from './domain-error.js';
export type { FieldError, DomainErrorCode, DomainErrorOptions } from './domain-error.js';
// Internal projects and actors (the canary's): reserved keys, never listed
export { INTERNAL_PREFIX, isInternalKey } from './internal-projects.js';
// Utilities
export { KeyedQueue } from './keyed-queue.js';
// Observability: readiness checks and Prometheus metrics (a global Nest module)
export { ObservabilityModule } from './observability/observability.module.js';
export { HealthIndicatorRegistry } from './observability/health-indicator-registry.js';
export type { HealthCheckResult, HealthCheck } from './observability/health-indicator-registry.js';
export { MetricsRegistry } from './observability/metrics-registry.js';
// Nest wiring of a context composed by one function
export { composedProviders } from './composed-providers.js';
