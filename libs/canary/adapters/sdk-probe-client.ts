import { createClient } from '@switchyard/sdk';
import type { ProbeClient } from '../application/canary-ports.js';

/** The canary's probe: the real SDK client, streaming from this node like any customer's service. */
export function openSdkProbeClient(baseUrl: string, sdkKey: string, onError: (error: Error) => void): ProbeClient {
  const client = createClient({
    sdkKey,
    baseUrl,
    appName: 'switchyard-canary',
    sendEvents: false,
    contextSampleSize: 0,
    initialRetryDelayMs: 200,
    maxRetryDelayMs: 5_000,
    onError,
  });
  return {
    get version() {
      return client.version;
    },
    onVersion(listener) {
      client.on('ready', ({ version }) => listener(version));
      client.on('changed', ({ version }) => listener(version));
    },
    close: () => client.close(),
  };
}
