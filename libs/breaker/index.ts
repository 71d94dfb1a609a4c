// @switchyard/breaker: what the service does with the SDKs' circuit breakers. The context's one public entry: its
// module, use cases, domain events and types; never its store.
// Module
export { BreakerModule } from './breaker.module.js';
// Use cases
export { RecordTrips } from './application/record-trips.js';
export { RecordGuardOutcomes } from './application/record-guard-outcomes.js';
export { GetBreakerStatus } from './application/get-breaker-status.js';
export type { BreakerStatus, BreakerMinute } from './application/get-breaker-status.js';
export { PinBreaker } from './application/pin-breaker.js';
export type { TripSighting } from './application/breaker-ports.js';
// Domain events and types
export { BreakerNotifier } from './domain/breaker-events.js';
export type { BreakerEventType, TripFigures, BreakerEvent, BreakerListener } from './domain/breaker-events.js';
export type { BreakerStateName, AutoRecover, BreakerRecord } from './domain/breaker-state.js';
export { tripReason } from './domain/trip.js';
export type { ReportingInstance, Trip, GuardOutcome } from './domain/trip.js';
