import type { FastifyInstance } from 'fastify';
import type { MetricsRegistry } from '@switchyard/kernel';
import type { JsonLogger } from './json-logger.js';
import { requestContext } from './request-context.js';

/**
 * Per-request plumbing around Nest: the request id (from Fastify's genReqId) in AsyncLocalStorage and
 * in the x-request-id answer header, one access-log line and the HTTP metrics per request, and one
 * "request aborted" line for a request whose client closed the connection before it was complete.
 * (Fastify's own errors — body too large, bad JSON — reach DomainErrorFilter through Nest's error handler.)
 */
export function installHttpHooks(fastify: FastifyInstance, logger: JsonLogger, metrics: MetricsRegistry): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    requestContext.run({ requestId: request.id }, done);
  });

  fastify.addHook('onRequestAbort', (request, done) => {
    logger.event('info', 'request aborted', {
      requestId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      path: request.url.split('?')[0],
    });
    done();
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    logger.event(reply.statusCode >= 500 ? 'error' : 'info', 'request', {
      requestId: request.id,
      method: request.method,
      route,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
    });
    done();
  });
}
