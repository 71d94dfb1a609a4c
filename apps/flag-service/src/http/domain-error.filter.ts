import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { JsonLogger } from './json-logger.js';
import { currentRequestId } from './request-context.js';
import { toErrorResponse } from './error-response.js';

/** The one exception filter: domain errors by code, transport errors by status, the rest 500 (logged). */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = toErrorResponse(error, currentRequestId());
    // An aborted request is logged once, by the onRequestAbort hook (install-http-hooks.ts); nobody reads an answer.
    if (response.aborted) return;
    if (response.unexpected) {
      this.logger.event('error', 'unhandled error', {
        error: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
    } else if (response.status === 503) {
      this.logger.event('warn', 'database unavailable', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    void reply.status(response.status).headers(response.headers).send(response.body);
  }
}
