import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, MetricsRegistry } from '@switchyard/kernel';
import { Public } from '../http/auth.decorators.js';

/** Injection token of the optional METRICS_TOKEN (null: /metrics is open, as Prometheus expects). */
export const METRICS_TOKEN = Symbol('METRICS_TOKEN');

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Prometheus exposition of the service's registry; behind `Authorization: Bearer <METRICS_TOKEN>` when one is set. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly expected: Buffer | undefined;

  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(METRICS_TOKEN) token: string | null,
  ) {
    this.expected = token === null ? undefined : digest(token);
  }

  @Get()
  @Header('cache-control', 'no-store')
  async render(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (this.expected) {
      const presented = request.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
      // Digests of equal length, compared in constant time: neither the token nor its length leaks.
      if (!presented || !timingSafeEqual(digest(presented), this.expected)) {
        throw new DomainError('UNAUTHENTICATED', '/metrics needs Authorization: Bearer <METRICS_TOKEN>');
      }
    }
    void reply.type(this.metrics.contentType);
    return this.metrics.render();
  }
}
