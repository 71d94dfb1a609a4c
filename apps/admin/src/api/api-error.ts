/** One failing input, as the service reports it: a path into the request body and a message in words. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

/** An error answered by the admin API (`{ error: { code, message, fields, currentVersion? } }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly currentVersion?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when a write was based on a stale version and someone else changed it meanwhile. */
  get isConflict(): boolean {
    return this.code === 'VERSION_CONFLICT';
  }

  /** Builds the error from a non-2xx response body, whatever shape it has. */
  static fromBody(status: number, body: unknown): ApiError {
    const error = (body as { error?: Record<string, unknown> } | null)?.error;
    if (!error || typeof error !== 'object') {
      return new ApiError(status, statusCode(status), `The service answered ${status}.`);
    }
    const fields = Array.isArray(error.fields) ? (error.fields as FieldError[]) : [];
    const current = typeof error.currentVersion === 'number' ? error.currentVersion : undefined;
    const code = typeof error.code === 'string' ? error.code : statusCode(status);
    const message = typeof error.message === 'string' ? error.message : `The service answered ${status}.`;
    return new ApiError(status, code, message, fields, current);
  }
}

function statusCode(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'VERSION_CONFLICT';
  if (status === 400) return 'VALIDATION_FAILED';
  return 'UNAVAILABLE';
}

/**
 * The messages of `fields` whose path is `path` or lies under it (`rules[0]` matches `rules[0].serve`),
 * so a form can show each message next to the input it belongs to. Paths are normalised so that
 * `rules.0.serve` and `rules[0].serve` name the same place.
 */
export function messagesFor(fields: readonly FieldError[], path: string, exact = false): string[] {
  const wanted = normalisePath(path);
  return fields
    .filter((field) => {
      const have = normalisePath(field.path);
      return exact ? have === wanted : have === wanted || have.startsWith(`${wanted}.`);
    })
    .map((field) => field.message);
}

/** `rules[0].serve` and `/rules/0/serve` → `rules.0.serve`. */
export function normalisePath(path: string): string {
  return path
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^config\./, '');
}
