import type { Patch, Snapshot } from '@switchyard/evaluation';
import type { ChangeMessage } from '../domain/change-message.js';
import type { DeliveryStatus } from '../domain/delivery-status.js';
import type { InstanceSighting, SdkKeyUsage } from '../domain/sdk-report.js';
import type { SdkInstanceList } from '../domain/sdk-instance-list.js';

/** What delivery reads from the flags context (implemented by its SnapshotReader). */
export abstract class DeliverySource {
  /** The environment's snapshot at its current version, or null when unknown. */
  abstract getSnapshot(environmentId: string): Promise<Snapshot | null>;
  /** Patches after `afterVersion`, oldest first; null when the change log cannot cover the gap. */
  abstract getChanges(environmentId: string, afterVersion: number): Promise<Patch[] | null>;
  /** An environment by project and environment keys. */
  abstract findEnvironmentByKeys(
    projectKey: string,
    environmentKey: string,
  ): Promise<{ id: string; key: string; projectKey: string; version: number } | null>;
}

/**
 * How the stream's events are written on the wire (Server-Sent Events: transport/sse-frames.ts). The hub builds
 * each event's frame once and writes the same string to every stream of its environment.
 */
export interface StreamFrames {
  /** Written to every idle stream at each heartbeat. */
  readonly heartbeat: string;
  /** The whole environment at its version. */
  snapshot(snapshot: Snapshot): string;
  /** One version's changes. */
  patch(patch: Patch): string;
  /** A resuming client missed nothing: it is at `version`. */
  resumed(version: number): string;
}

/** The in-process notifier of committed changes (flags → delivery). */
export abstract class CommittedChanges {
  /** Registers a listener; returns the function that removes it. */
  abstract subscribe(listener: (change: ChangeMessage) => void): () => void;
}

/** Whether the SDK key behind a stream is still valid (revoked keys' streams are closed). */
export abstract class SdkKeyCheck {
  /** False only when the key is known to be revoked or unknown; errors (database down) count as valid. */
  abstract isActive(secret: string): Promise<boolean>;
}

/** What delivery needs of the access context to make revocations reach every node. */
export abstract class RevokedCredentials {
  /** Registers a listener of this node's committed revocations (credential ids). */
  abstract subscribe(listener: (credentialId: string) => void): () => void;
  /** Another node revoked this credential: stop trusting this node's cached lookup of it. */
  abstract forget(credentialId: string): void;
  /** Asks the database which credentials this node still trusts were revoked; forgets them; returns them. */
  abstract sweep(): Promise<string[]>;
}

/** The fleet-wide registry of SDK instances (shared by every node). */
export abstract class InstanceRegistry {
  /** Records sightings (at most one per environment and instance): details, last seen, newest applied version. */
  abstract record(sightings: InstanceSighting[]): Promise<void>;
  /** The environment's delivery status at `version`. */
  abstract status(
    environmentId: string,
    version: number,
  ): Promise<Omit<DeliveryStatus, 'project' | 'environment' | 'summary'>>;
  /** The instances seen within `windowMs` (of `app` when given), lagging first, at most `limit`, with counts. */
  abstract list(
    environmentId: string,
    version: number,
    options: { windowMs: number; liveWindowMs: number; lagGraceMs: number; app: string | null; limit: number },
  ): Promise<Pick<SdkInstanceList, 'apps' | 'total' | 'onCurrent' | 'lagging' | 'instances'>>;
  /** The instances whose newest report came with SDK key `sdkKeyId` and that were seen within `windowMs`. */
  abstract keyUsage(sdkKeyId: string, windowMs: number): Promise<SdkKeyUsage>;
  /** Per environment (project/env keys): current version, live and applied instances, propagation quantiles. */
  abstract overview(): Promise<
    Array<{ label: string; version: number; live: number; applied: number; p50: number | null; p99: number | null }>
  >;
}

/** How much of the change log to keep: the newest versions per environment, and no row older than `maxAgeMs`. */
export interface ChangeLogRetention {
  keepVersions: number;
  maxAgeMs: number;
}

/** What delivery asks of the flags context's change log: drop the rows outside the retention. */
export abstract class ChangeLogPruner {
  /** Deletes rows outside the retention; returns how many. Safe on every node at once. */
  abstract prune(retention: ChangeLogRetention): Promise<number>;
}

/** Bus state: `up`, or `degraded` while the shared bus is unreachable (change-log polling covers it). */
export type BusState = 'up' | 'degraded';

/** Carries committed changes to every node. */
export abstract class ChangeBus {
  /** What carries the changes, as the readiness check names it (`redis`, `in-process`). */
  abstract readonly kind: string;
  /** Connects (in the background: the node starts, degraded, even when the shared bus is unreachable). */
  abstract start(): void;
  /** Disconnects: nothing reaches this node's listeners afterwards. */
  abstract stop(): Promise<void>;
  /** Publishes a change; resolves even when the bus is down (the change log is the source of truth). */
  abstract publish(change: ChangeMessage): Promise<void>;
  /** Receives every change published by any node (this one included). */
  abstract subscribe(listener: (change: ChangeMessage) => void): void;
  /** Called each time the bus (re)connects, so the node can catch up on what it missed. */
  abstract onReconnect(listener: () => void): void;
  /** Tells every node a credential was revoked; resolves even when the bus is down (nodes then sweep). */
  abstract publishRevocation(credentialId: string): Promise<void>;
  /** Receives every revocation published by any node (this one included). */
  abstract onRevocation(listener: (credentialId: string) => void): void;
  abstract state(): BusState;
}
