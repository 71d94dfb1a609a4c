// The Nest apps the per-request bench compares (nest-overhead.mjs): one route, `GET /r`, answering
// `{ ok: true }`, with nothing of ours (`bare`), with SwitchyardModule installed (`context`: the module's
// per-request context, read by the handler through currentContext()), behind @RequireFlag (`require-flag`), or
// under @Guarded (`guarded`). Decorators are applied by hand (Reflect.decorate): the bench is plain JavaScript.
import 'reflect-metadata';
import { createServer } from 'node:http';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Guarded, RequireFlag, SwitchyardModule, currentContext } from '@switchyard/nestjs';

export const MODES = ['bare', 'context', 'require-flag', 'guarded'];
const FLAGS = ['bench-route', 'bench-guarded'];

const booleanFlag = (key) => ({
  key,
  type: 'boolean',
  version: 1,
  variants: { on: true, off: false },
  offVariant: 'off',
  on: true,
  rules: [],
  fallthrough: { variant: 'on' },
});

/** A stand-in flag service: one SSE snapshot with both flags on; events are accepted and dropped. */
export async function startFlagSource() {
  const flags = Object.fromEntries(FLAGS.map((key) => [key, booleanFlag(key)]));
  const snapshot = { version: 1, flags, segments: {} };
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/sdk/v1/events')) return void response.writeHead(202).end();
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(`event: snapshot\nid: 1\ndata: ${JSON.stringify(snapshot)}\n\n`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

function decorateMethod(target, name, decorators) {
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, name);
  Object.defineProperty(target.prototype, name, Reflect.decorate(decorators, target.prototype, name, descriptor));
}

/** The Nest + Fastify app of one mode, not listening. */
export async function createBenchApp(mode, flagSourceUrl) {
  class BenchController {
    handle() {
      return mode === 'context' ? { ok: currentContext().key !== undefined } : { ok: true };
    }
  }
  const extra = {
    bare: [],
    context: [],
    'require-flag': [RequireFlag('bench-route')],
    guarded: [Guarded('bench-guarded', { fallback: () => ({ ok: false }) })],
  }[mode];
  if (!extra) throw new Error(`unknown mode ${mode}; one of ${MODES.join(', ')}`);
  decorateMethod(BenchController, 'handle', [Get('r'), ...extra]);
  Reflect.decorate([Controller()], BenchController);

  const imports =
    mode === 'bare'
      ? []
      : [
          SwitchyardModule.forRoot({
            url: flagSourceUrl,
            sdkKey: 'sdk_bench',
            appName: 'bench',
            contextFactory: (execution) => ({
              key: execution.switchToHttp().getRequest().headers['x-user-id'] ?? 'anonymous',
            }),
            flushIntervalMs: 3_600_000,
          }),
        ];
  class BenchModule {}
  Reflect.decorate([Module({ imports, controllers: [BenchController] })], BenchModule);
  return NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false });
}
