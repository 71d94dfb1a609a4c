import type { ResolvedOptions } from '../client/client-options.js';

/** The SDK's version, reported to the service. */
export const SDK_VERSION = '0.1.0';

/** A failed HTTP exchange with the flag service; `status` is absent for network failures. */
export class ServiceError extends Error {
  /**
   * @param message what failed (never includes the SDK key)
   * @param status the HTTP status, when a response arrived
   */
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  /** True when retrying cannot help: the key is unknown or revoked. */
  get fatal(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** Headers every SDK request carries. */
export function sdkHeaders(options: ResolvedOptions, extra: Record<string, string> = {}): Record<string, string> {
  return {
    authorization: `Bearer ${options.sdkKey}`,
    'user-agent': `switchyard-sdk-js/${SDK_VERSION}`,
    ...extra,
  };
}

/** A signal aborted by `parent` or after `timeoutMs`. */
export function withTimeout(parent: AbortSignal, timeoutMs: number): AbortSignal {
  return AbortSignal.any([parent, AbortSignal.timeout(timeoutMs)]);
}

/** Turns a thrown fetch failure into a ServiceError. */
export function networkError(what: string, error: unknown): ServiceError {
  const cause =
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new ServiceError(`${what} failed: ${cause}`);
}

/** A ServiceError for an unexpected status. */
export function statusError(what: string, status: number): ServiceError {
  const hint = status === 401 || status === 403 ? ' (the SDK key is unknown or revoked)' : '';
  return new ServiceError(`${what} answered ${status}${hint}`, status);
}
