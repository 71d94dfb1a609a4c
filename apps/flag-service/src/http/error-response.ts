import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from '@switchyard/database';
import { type DomainErrorCode, type FieldError, isDomainError } from '@switchyard/kernel';

/** Codes of errors the transport raises before any use case runs. */
export type TransportErrorCode =
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'METHOD_NOT_ALLOWED'
  | 'URI_TOO_LONG'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'REQUEST_ABORTED'
  | 'INTERNAL';

/** The body of every error answer: `{ error: { code, message, fields, ...extra } }`. */
export interface ErrorBody {
  error: {
    code: DomainErrorCode | TransportErrorCode;
    message: string;
    fields: FieldError[];
    requestId?: string;
  } & Record<string, unknown>;
}

/**
 * An error answer: status, body, extra headers, whether it is unexpected (to be logged as an error), and
 * whether the client went away mid-request (nobody reads the answer; logged as an aborted request).
 */
export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  unexpected: boolean;
  aborted?: boolean;
}

/** The HTTP status of each domain error code (exhaustive: a new code fails the build until mapped). */
export function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'ALREADY_EXISTS':
    case 'VERSION_CONFLICT':
    case 'PRECHECK_FAILED':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAVAILABLE':
      return 503;
    default: {
      const unreachable: never = code;
      throw new Error(`Unmapped domain error code ${String(unreachable)}`);
    }
  }
}

const BY_STATUS: Record<number, DomainErrorCode | TransportErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  409: 'ALREADY_EXISTS',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
  503: 'UNAVAILABLE',
};

/** Turns anything thrown while answering a request into the one error shape. */
export function toErrorResponse(error: unknown, requestId?: string): ErrorResponse {
  const answer = (
    status: number,
    code: ErrorBody['error']['code'],
    message: string,
    extra: Partial<ErrorResponse> = {},
    more: Record<string, unknown> = {},
  ): ErrorResponse => ({
    status,
    body: { error: { code, message, fields: [], ...more, ...(requestId ? { requestId } : {}) } },
    headers: {},
    unexpected: false,
    ...extra,
  });

  if (isDomainError(error)) {
    const response = answer(
      statusOf(error.code),
      error.code,
      error.message,
      {},
      { ...error.extra, fields: error.fields },
    );
    const retryAfter = error.extra.retryAfterSeconds;
    if (error.code === 'RATE_LIMITED' && typeof retryAfter === 'number')
      response.headers['retry-after'] = String(retryAfter);
    return response;
  }
  // Before the database check: the aborted body stream's error is an ECONNRESET too, from the client's socket.
  if (isClientAbort(error))
    return answer(400, 'REQUEST_ABORTED', 'the client closed the connection before the request was complete', {
      aborted: true,
    });
  if (isDatabaseUnavailable(error)) return answer(503, 'UNAVAILABLE', 'database unavailable');
  const status = transportStatus(error);
  if (status !== undefined && status >= 400 && status < 500 && BY_STATUS[status]) {
    return answer(status, BY_STATUS[status]!, transportMessage(error, status));
  }
  return answer(500, 'INTERNAL', 'internal error; quote the request id when reporting it', { unexpected: true });
}

/** True for the error Node raises on a request whose client closed the connection mid-body. */
export function isClientAbort(error: unknown): boolean {
  const candidate = error as { code?: unknown; message?: unknown } | null;
  return candidate?.code === 'ECONNRESET' && candidate.message === 'aborted';
}

// Fastify errors carry statusCode (body too large, bad JSON, bad media type); Nest's carry getStatus().
function transportStatus(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

function transportMessage(error: unknown, status: number): string {
  if (status === 413) return 'request body too large';
  if (status === 414) return 'a path segment is too long';
  if (status === 431) return 'request headers too large';
  if (status === 415) return 'unsupported content type; send application/json';
  const message = error instanceof Error ? error.message : '';
  return message.length > 0 && message.length < 300 ? message : 'bad request';
}
