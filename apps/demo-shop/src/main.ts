import 'reflect-metadata';
import { hostname } from 'node:os';
import { createDemoShop } from './create-demo-shop.js';
import { DemoConfigError, loadDemoConfig } from './demo-config.js';

try {
  const config = loadDemoConfig(process.env, hostname());
  const app = await createDemoShop(config);
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.listen({ port: config.port, host: config.host });
  console.log(`demo shop ${config.instance} listening on ${await app.getUrl()} (flags from ${config.switchyardUrl})`);
} catch (error) {
  const detail = error instanceof DemoConfigError ? error.message : error instanceof Error ? error.stack : error;
  process.stderr.write(`demo-shop: failed to start: ${String(detail)}\n`);
  process.exit(error instanceof DemoConfigError ? 78 : 1);
}
