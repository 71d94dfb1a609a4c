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

/** A ServiceError for an unexpected status, with the service's own message when the answer carried one. */
export function statusError(what: string, status: number, body?: string): ServiceError {
  const hint = status === 401 || status === 403 ? ' (the SDK key is unknown or revoked)' : '';
  const said = body === undefined ? undefined : serviceMessage(body);
  return new ServiceError(`${what} answered ${status}${hint}${said ? `: ${said}` : ''}`, status);
}

/** Longest service message an error repeats (the body is the service's, its size is not ours to trust). */
const MAX_MESSAGE = 500;

/**
 * What the service's error envelope (`{ "error": { "message", "fields": [{ "path", "message" }] } }`) says, in
 * one line: "The request is invalid (trips.0.failureRatio: must not be greater than 1)". Undefined when the body
 * is not that envelope.
 */
export function serviceMessage(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const error = (parsed as { error?: { message?: unknown; fields?: unknown } } | null)?.error;
  if (typeof error?.message !== 'string') return undefined;
  const fields = Array.isArray(error.fields)
    ? error.fields
        .filter(
          (f): f is { path: string; message: string } => typeof f?.path === 'string' && typeof f?.message === 'string',
        )
        .map((f) => `${f.path}: ${f.message}`)
    : [];
  const text = fields.length > 0 ? `${error.message} (${fields.join('; ')})` : error.message;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}
