import { randomUUID } from 'node:crypto';
import type { ClientOptions } from './client-options.js';
import { resolveOptions } from './client-options.js';
import type { SwitchyardClient } from './client-types.js';
import { Client } from './switchyard-client.js';

/**
 * Creates a client and starts syncing flags in the background (stream first, polling as fallback).
 * Throws a `TypeError` only here, for bad options; nothing it returns ever throws into the host.
 *
 * @example
 * const flags = createClient({ sdkKey: process.env.SWITCHYARD_SDK_KEY!, baseUrl: 'http://flags:8080', appName: 'checkout' });
 * await flags.waitUntilReady({ timeoutMs: 2000 });
 * if (flags.getBoolean('new-checkout', { key: user.id }, false)) { ... }
 */
export function createClient(options: ClientOptions): SwitchyardClient {
  return new Client(resolveOptions(options, randomUUID));
}
