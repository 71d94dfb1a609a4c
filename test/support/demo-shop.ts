import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createDemoShop } from '../../apps/demo-shop/src/create-demo-shop.js';

/** A running instance of apps/demo-shop on 127.0.0.1, port 0. */
export interface RunningShop {
  baseUrl: string;
  app: NestFastifyApplication;
  /** JSON answers: status and parsed body. */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts the demo shop against a flag service, as `npm run demo` does (its main.ts with PORT=0). */
export async function startShop(switchyardUrl: string, sdkKey: string, instance: string): Promise<RunningShop> {
  const app = await createDemoShop({ switchyardUrl, sdkKey, port: 0, host: '127.0.0.1', instance });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    baseUrl,
    app,
    async request(method, path, body) {
      const response = await fetch(baseUrl + path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    close: () => app.close(),
  };
}
