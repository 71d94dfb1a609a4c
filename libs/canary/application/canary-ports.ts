import type { CanaryChange } from '../domain/canary-change.js';

/** Where the canary's project lives, once ensured. */
export interface CanaryTarget {
  environmentId: string;
}

/** What a canary write did: the environment version it made, or nothing (the flag was in that state already). */
export interface CanaryWrite {
  environmentVersion: number;
  unchanged: boolean;
}

/** The flags context, as the canary uses it: the customer's write path (KillFlag, RestoreFlag). */
export abstract class CanaryFlags {
  /** Finds or creates the internal project, its environment and its flag (on); safe across racing nodes. */
  abstract ensureTarget(): Promise<CanaryTarget>;
  abstract kill(): Promise<CanaryWrite>;
  abstract restore(): Promise<CanaryWrite>;
}

/** An SDK key of the canary's environment for this node's own SDK client. */
export interface CanaryKey {
  id: string;
  secret: string;
}

/** The access context, as the canary uses it. */
export abstract class CanaryKeys {
  abstract issue(name: string): Promise<CanaryKey>;
  abstract revoke(id: string): Promise<void>;
}

/** The changes the canary wrote, shared by every node (Postgres). */
export abstract class CanaryChangeStore {
  abstract record(environmentId: string, change: CanaryChange): Promise<void>;
  /** The changes after `version`, oldest first, at most `limit`. */
  abstract since(environmentId: string, version: number, limit: number): Promise<CanaryChange[]>;
  /** The newest recorded version (0 when none). */
  abstract newestVersion(environmentId: string): Promise<number>;
  /** Deletes the rows asked for before `before`; returns how many. */
  abstract prune(before: Date): Promise<number>;
}

/** The one SDK client the canary runs per node, reduced to what it watches. */
export interface ProbeClient {
  /** The environment version being served, or undefined before any snapshot. */
  readonly version: number | undefined;
  /** Calls `listener` with each environment version the client starts serving (first snapshot, patches, resyncs). */
  onVersion(listener: (version: number) => void): void;
  close(): Promise<void>;
}

/** Opens a probe client on this node's own SDK endpoints. */
export type ProbeClientFactory = (baseUrl: string, sdkKey: string) => ProbeClient;

/** What the canary sends to the operator's alert URL when a node's verdict changes. */
export interface CanaryAlertEvent {
  type: 'canary.degraded' | 'canary.recovered';
  node: string;
  detail: string;
  boundMs: number;
  at: string;
}

/** Sends canary alerts (CANARY_ALERT_URL); never throws. */
export abstract class CanaryAlerts {
  abstract send(event: CanaryAlertEvent): Promise<void>;
}
