import type { ApiClient } from './api-client.js';

/**
 * What every area of the admin API (flags-api.ts, breaker-api.ts, …) is built on: the client that sends its
 * requests. `AdminApi` (admin-api.ts) is all the areas in one object.
 */
export abstract class ApiArea {
  constructor(readonly client: ApiClient) {}
}

/** A path segment, URL-encoded. */
export const e = encodeURIComponent;

/** The path of a flag's config in an environment, under which its config routes live. */
export function configPath(project: string, env: string, flag: string): string {
  return `/projects/${e(project)}/environments/${e(env)}/flags/${e(flag)}`;
}
