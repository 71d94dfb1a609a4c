import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DemoConfig } from './demo-config.js';
import { DemoShopModule } from './demo-shop.module.js';

/** The demo shop's Nest + Fastify app, not listening yet (main.ts listens; the e2e test too, on port 0). */
export async function createDemoShop(config: DemoConfig): Promise<NestFastifyApplication> {
  return NestFactory.create<NestFastifyApplication>(DemoShopModule.forConfig(config), new FastifyAdapter(), {
    logger: ['error', 'warn', 'log'],
  });
}
