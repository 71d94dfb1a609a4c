import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response.js';

/**
 * Fastify's `frameworkErrors`: a URL that is not valid percent-encoding (FST_ERR_BAD_URL) or a path
 * parameter longer than the router allows (FST_ERR_MAX_PARAM_LENGTH) gets the one error body too.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const response = toErrorResponse(error, request.id);
  void reply
    .status(response.status)
    .headers({ ...response.headers, 'x-request-id': request.id })
    .send(response.body);
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request (headers too
 * large, a malformed request line, a timeout) is answered in the one error shape on the raw socket.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(
    toErrorResponse(Object.assign(new Error(STATUS_CODES[status]), { statusCode: status })).body,
  );
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
