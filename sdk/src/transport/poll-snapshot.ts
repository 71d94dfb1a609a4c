import type { ResolvedOptions } from '../client/client-options.js';
import { networkError, sdkHeaders, ServiceError, statusError, withTimeout } from './http.js';

/** The result of one poll: a new snapshot (parsed JSON, unvalidated), unchanged (304), or a failure. */
export type PollResult =
  { kind: 'snapshot'; value: unknown } | { kind: 'unchanged' } | { kind: 'failed'; error: ServiceError };

/** `GET /sdk/v1/snapshot` with `If-None-Match` when a version is held. Never throws. */
export async function pollSnapshot(
  options: ResolvedOptions,
  version: number | undefined,
  signal: AbortSignal,
): Promise<PollResult> {
  const headers = sdkHeaders(options, { accept: 'application/json' });
  if (version !== undefined) headers['if-none-match'] = `"${version}"`;
  try {
    const response = await options.fetch(`${options.baseUrl}/sdk/v1/snapshot`, {
      headers,
      signal: withTimeout(signal, options.requestTimeoutMs),
    });
    if (response.status === 304) {
      await response.arrayBuffer().catch(() => undefined);
      return { kind: 'unchanged' };
    }
    if (response.status !== 200) {
      await response.arrayBuffer().catch(() => undefined);
      return { kind: 'failed', error: statusError('GET /sdk/v1/snapshot', response.status) };
    }
    const text = await response.text();
    try {
      return { kind: 'snapshot', value: JSON.parse(text) };
    } catch {
      return { kind: 'failed', error: new ServiceError('GET /sdk/v1/snapshot answered malformed JSON', 200) };
    }
  } catch (error) {
    return { kind: 'failed', error: networkError('GET /sdk/v1/snapshot', error) };
  }
}
