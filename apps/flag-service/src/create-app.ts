import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetricsRegistry } from '@switchyard/kernel';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { acceptEmptyBodies } from './http/accept-empty-bodies.js';
import { DomainErrorFilter } from './http/domain-error.filter.js';
import { installHttpHooks } from './http/install-http-hooks.js';
import { JsonLogger } from './http/json-logger.js';
import { setupOpenApi } from './http/open-api.js';
import { requestIdFrom } from './http/request-context.js';
import { serveAdminUi } from './http/serve-admin-ui.js';
import { answerClientError, answerFrameworkError } from './http/transport-errors.js';
import { InputGuardPipe } from './http/input-guard-pipe.js';
import { createValidationPipe } from './http/validation-pipe.js';

/** Largest accepted request body. SDK event batches and big flag configs fit well within it. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Options of createApp: the app module's plus the logger. */
export interface CreateAppOptions extends AppModuleOptions {
  logger?: JsonLogger;
  /** The built admin UI to serve at `/`; defaults to the repository's apps/admin/dist. */
  adminUiDir?: string;
}

/** Builds the Nest + Fastify app with every global concern wired; the caller listens and closes. */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const logger = options.logger ?? new JsonLogger(options.config.logLevel);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(options.config.trustProxy),
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers['x-request-id']),
    // SDK streams stay open for hours; only idle sockets without a request in flight time out.
    keepAliveTimeout: 65_000,
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger,
    abortOnError: false,
  });
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter(logger));
  installHttpHooks(app.getHttpAdapter().getInstance(), logger, app.get(MetricsRegistry));
  acceptEmptyBodies(app.getHttpAdapter().getInstance());
  setupOpenApi(app);
  await serveAdminUi(app.getHttpAdapter().getInstance(), { dir: options.adminUiDir });
  return app;
}

// Never Fastify's `true` (trust every hop: the client would pick its own address). A hop count is passed as a
// function, trusting the socket and the next `hops - 1` addresses, because Fastify ignores a bare number.
function trustProxyOption(
  value: false | number | string[],
): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}
