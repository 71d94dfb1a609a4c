import type { FastifyInstance } from 'fastify';

/**
 * A request that declares no body (no Content-Length or `Content-Length: 0`, no Transfer-Encoding) has no
 * body, whatever its Content-Type says. Clients that send `Content-Type: application/json` on every call
 * (curl with a header array, fetch wrappers) would otherwise get Fastify's 400 "Body cannot be empty" on
 * body-less actions such as restore or kill. Dropping the Content-Type of an empty request, before the body
 * parsers run, makes its body `undefined`, which validation reads as `{}`: actions without required fields
 * accept it, and routes with required fields refuse it naming those fields.
 */
export function acceptEmptyBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const { headers } = request;
    const declaresNoBody = headers['transfer-encoding'] === undefined && (headers['content-length'] ?? '0') === '0';
    if (declaresNoBody && headers['content-type'] !== undefined) delete headers['content-type'];
    done();
  });
}
