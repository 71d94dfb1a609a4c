import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import {
  OpenFeature,
  OpenFeatureModule,
  RequireFlagsEnabled,
  StringFeatureFlag,
  type EvaluationDetails,
} from '@openfeature/nestjs-sdk';
import { admin, createBooleanFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { SwitchyardProvider } from '@switchyard/sdk/openfeature';
import { map, type Observable } from 'rxjs';
import { serves } from '../support/breaker.js';
import { startApp, type StartedApp } from '../support/start-app.js';
import { within } from '../support/wait.js';
import type { Platform } from './support/shop-app.js';

// Our OpenFeature provider under the vendor-neutral Nest integration, @openfeature/nestjs-sdk (its 0.2.x declares
// Nest ≤ 11 as peers; the root package.json overrides them to Nest 12, which it works with, as this shows).
@Controller('of')
class OpenFeatureController {
  @RequireFlagsEnabled({ flags: [{ flagKey: 'new-checkout' }] })
  @Get('checkout')
  checkout() {
    return { checkout: 'new' };
  }

  @Get('copy')
  copy(
    @StringFeatureFlag({ flagKey: 'checkout-copy', defaultValue: 'Pay' }) copy: Observable<EvaluationDetails<string>>,
  ) {
    return copy.pipe(map(({ value, variant, reason }) => ({ value, variant, reason })));
  }
}

let service: StartedApp;
let sdkKey: string;

beforeAll(async () => {
  service = await startApp();
  sdkKey = await seedEnvironment(service, 'shop', 'prod');
  await createBooleanFlag(service, 'new-checkout');
  await admin(service, 'POST', '/projects/shop/flags', {
    key: 'checkout-copy',
    name: 'checkout-copy',
    type: 'string',
    variants: { long: 'Pay now', short: 'Buy' },
    offVariant: 'long',
    fallthroughVariant: 'long',
  });
  const state = await admin(service, 'GET', '/projects/shop/environments/prod/flags/checkout-copy');
  await admin(service, 'PUT', '/projects/shop/environments/prod/flags/checkout-copy', {
    baseVersion: state.version,
    on: true,
    offVariant: 'long',
    rules: [
      { id: 'pro', conditions: [{ attribute: 'plan', operator: 'in', values: ['pro'] }], serve: { variant: 'short' } },
    ],
    fallthrough: { variant: 'long' },
  });
}, 120_000);

afterAll(async () => {
  await service?.close();
});

describe.each<Platform>(['express', 'fastify'])(
  'SwitchyardProvider under @openfeature/nestjs-sdk on %s',
  (platform) => {
    let app: INestApplication;
    let provider: SwitchyardProvider;
    let baseUrl: string;
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(baseUrl + path, { headers });
      return { status: response.status, body: (await response.json()) as any };
    };

    beforeAll(async () => {
      provider = new SwitchyardProvider({ sdkKey, baseUrl: service.baseUrl, appName: `openfeature-${platform}` });
      @Module({
        imports: [
          OpenFeatureModule.forRoot({
            defaultProvider: provider,
            contextFactory: (context) => {
              const headers = context.switchToHttp().getRequest().headers;
              return { targetingKey: headers['x-user-id'] ?? 'anonymous', plan: headers['x-plan'] ?? 'free' };
            },
          }),
        ],
        controllers: [OpenFeatureController],
      })
      class OpenFeatureAppModule {}
      const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter();
      app = await NestFactory.create(OpenFeatureAppModule, adapter, { logger: false, abortOnError: false });
      await app.listen(0, '127.0.0.1');
      baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      await provider.client.waitUntilReady({ timeoutMs: 10_000 });
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await OpenFeature.close();
    });

    it("evaluates through our provider with the request's context: rules, variants and reasons pass through", async () => {
      expect(await get('/of/copy', { 'x-user-id': 'u-1', 'x-plan': 'pro' })).toEqual({
        status: 200,
        body: { value: 'Buy', variant: 'short', reason: 'TARGETING_MATCH' },
      });
      expect(await get('/of/copy', { 'x-user-id': 'u-2' })).toEqual({
        status: 200,
        body: { value: 'Pay now', variant: 'long', reason: 'DEFAULT' },
      });
    });

    it('gates a route with RequireFlagsEnabled: served while on, 404 once the flag is killed', async () => {
      expect(await get('/of/checkout')).toEqual({ status: 200, body: { checkout: 'new' } });
      await admin(service, 'POST', '/projects/shop/environments/prod/flags/new-checkout/kill', { reason: 'e2e' });
      await within(serves(provider.client, 'new-checkout', false), 'the kill in the provider');
      expect((await get('/of/checkout')).status).toBe(404);
      await admin(service, 'POST', '/projects/shop/environments/prod/flags/new-checkout/restore', { reason: 'e2e' });
      await within(serves(provider.client, 'new-checkout', true), 'the restore in the provider');
    });
  },
);
