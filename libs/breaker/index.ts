// @switchyard/breaker: what the service does with the SDKs' circuit breakers. The context's one public entry: its
// module, use cases, domain events and types; never its store.
// Module
export { BreakerModule } from './breaker.module.js';
// Use cases
export { RecordTrips } from './application/record-trips.js';
// Domain events and types
export { BreakerNotifier } from './domain/breaker-events.js';
export type { BreakerEventType, TripFigures, BreakerEvent, BreakerListener } from './domain/breaker-events.js';
export type { BreakerStateName, AutoRecover, BreakerRecord } from './domain/breaker-state.js';
export { tripReason } from './domain/trip.js';
export type { ReportingInstance, Trip, GuardOutcome } from './domain/trip.js';
