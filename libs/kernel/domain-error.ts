/** One failing input field: a dotted path, a human message and an optional machine code. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

/** Every code a use case may throw; the HTTP layer maps each to one status (ADR 0001). */
export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'VERSION_CONFLICT'
  | 'PRECHECK_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

/** Every domain error code, in a stable order (for exhaustive tests). */
export const DOMAIN_ERROR_CODES: readonly DomainErrorCode[] = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'VERSION_CONFLICT',
  'PRECHECK_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'UNAVAILABLE',
];

/** Optional parts of a domain error besides code and message. */
export interface DomainErrorOptions {
  fields?: FieldError[];
  /** Extra properties copied into the error body, e.g. `currentVersion` for VERSION_CONFLICT. */
  extra?: Record<string, unknown>;
  cause?: unknown;
}

/** A coded error thrown by use cases; `DomainErrorFilter` turns it into an HTTP answer. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fields: FieldError[];
  readonly extra: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
  }

  /** A VALIDATION_FAILED error for the given fields. */
  static validation(message: string, fields: FieldError[]): DomainError {
    return new DomainError('VALIDATION_FAILED', message, { fields });
  }

  /** A VERSION_CONFLICT error whose body carries the current version. */
  static versionConflict(message: string, currentVersion: number): DomainError {
    return new DomainError('VERSION_CONFLICT', message, { extra: { currentVersion } });
  }
}

/** True when `value` is a DomainError (also across duplicated module instances). */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError || (value instanceof Error && value.name === 'DomainError' && 'code' in value);
}
