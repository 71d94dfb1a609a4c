import { Logger } from '@nestjs/common';
import { createClient, type ReadySource } from '@switchyard/sdk';
import type { SwitchyardClient } from './switchyard-client.js';
import type { ResolvedModuleOptions } from './switchyard-options.js';

const logger = new Logger('SwitchyardModule');

/** What start-up tells about the flags the app starts with. */
export function startMessage(source: ReadySource, timeoutMs: number, version: number | undefined): string {
  switch (source) {
    case 'live':
      return `flags are live from the flag service (environment version ${version})`;
    case 'cache':
      return `the flag service did not answer: serving the cached flags (environment version ${version}) until it does`;
    case 'defaults':
      return `no flags from the flag service within ${timeoutMs} ms and no cache: every flag serves its code default until they arrive`;
  }
}

/**
 * Creates the module's one client and waits for it (up to `readyTimeoutMs`); resolves in every case, so the app
 * starts on live flags, on its cache or on code defaults, and logs which. Bad client options throw here, naming
 * the option, and stop the start.
 */
export async function startClient(options: ResolvedModuleOptions): Promise<SwitchyardClient> {
  const client = createClient(options.client) as SwitchyardClient;
  const { source } = await client.waitUntilReady({ timeoutMs: options.readyTimeoutMs });
  const message = startMessage(source, options.readyTimeoutMs, client.version);
  if (source === 'live') logger.log(message);
  else logger.warn(message);
  return client;
}
