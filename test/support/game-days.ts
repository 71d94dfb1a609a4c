import type { SwitchyardClient } from '@switchyard/sdk';
import { admin, type AdminTarget } from '@switchyard/delivery/testing';
import { whenClient } from './breaker.js';
import type { StartedApp } from './start-app.js';
import { eventually } from './wait.js';

// What the game-day end-to-end specs share (issue 15): fault flags, plans, the run and its timeline over HTTP.

export const ENV = '/projects/shop/environments/prod';
export const RUNS = `${ENV}/game-days`;

/** Creates a fault flag (kind fault: none, latency-2s, errors-50) in project shop. */
export function faultFlag(node: AdminTarget, key: string): Promise<unknown> {
  return admin(node, 'POST', '/projects/shop/flags', { key, name: key, kind: 'fault' });
}

/** A run's current state. */
export function runOf(node: AdminTarget, id: string): Promise<any> {
  return admin(node, 'GET', `${RUNS}/${id}`);
}

/** Polls the run until `done` holds (the scheduler's moves are seen nowhere but over HTTP and in SDKs). */
export function runUntil(node: AdminTarget, id: string, what: string, done: (run: any) => boolean): Promise<any> {
  return eventually(what, () => runOf(node, id), done, { timeoutMs: 15_000 });
}

/** The flag's config versions in prod, newest first. */
export async function versionsOf(node: AdminTarget, flag: string): Promise<any[]> {
  return (await admin<{ items: any[] }>(node, 'GET', `${ENV}/flags/${flag}/versions`)).items;
}

/** The variant `client` serves for the fault flag to a context of `instanceId`. */
export function variantFor(client: SwitchyardClient, flag: string, instanceId: string, key = 'user-1'): string | null {
  return client.getDetails(flag, { key, instanceId }, {}).variant ?? null;
}

/** Resolves once `client` serves `variant` of the fault flag to a context of `instanceId`. */
export function serving(client: SwitchyardClient, flag: string, instanceId: string, variant: string): Promise<void> {
  return whenClient(client, () => variantFor(client, flag, instanceId) === variant);
}

/** prod's environment version, read from Postgres. */
export async function environmentVersion(node: StartedApp): Promise<number> {
  const rows: Array<{ version: number }> = await node.database.dataSource.query(
    "SELECT version FROM environments WHERE key = 'prod'",
  );
  return Number(rows[0].version);
}

/** ISO 8601 UTC with milliseconds. */
export const UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
