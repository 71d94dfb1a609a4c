import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every line logged during a request can know about it. */
export interface RequestContext {
  requestId: string;
}

/** The current request, if any (AsyncLocalStorage: survives awaits). */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The current request's id, or undefined outside a request. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's x-request-id when it is short and plain; otherwise makes a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && SAFE_ID.test(candidate) ? candidate : randomUUID();
}
