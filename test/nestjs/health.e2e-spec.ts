import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { seedEnvironment, TcpProxy } from '@switchyard/delivery/testing';
import { SwitchyardClient, SwitchyardHealthIndicator, SwitchyardModule } from '@switchyard/nestjs';
import { startApp, type StartedApp } from '../support/start-app.js';
import { eventually } from '../support/wait.js';
import type { Platform } from './support/shop-app.js';

// SwitchyardHealthIndicator under @nestjs/terminus, on both platforms: up while the app's client is live, degraded
// (still 200: the app works on its last flags) once the flag service is gone, with since when; 503 where the
// health check requires live flags.
@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly flags: SwitchyardHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.flags.isHealthy('switchyard')]);
  }

  @Get('strict')
  @HealthCheck()
  strict() {
    return this.health.check([() => this.flags.isHealthy('flags', { requireLive: true })]);
  }
}

describe.each<Platform>(['express', 'fastify'])('the health indicator on %s', (platform) => {
  let service: StartedApp;
  const proxy = new TcpProxy();
  let app: INestApplication;
  let baseUrl: string;
  const get = async (path: string) => {
    const response = await fetch(baseUrl + path);
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    service = await startApp();
    const sdkKey = await seedEnvironment(service, 'shop', 'prod');
    // The app reaches the service through a proxy, so the test can take the service away from it at once.
    const url = await proxy.start(Number(new URL(service.baseUrl).port));
    @Module({
      imports: [
        TerminusModule.forRoot({ logger: false }),
        SwitchyardModule.forRoot({ url, sdkKey, appName: 'health', initialRetryDelayMs: 20 }),
      ],
      controllers: [HealthController],
    })
    class HealthAppModule {}
    const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter();
    app = await NestFactory.create(HealthAppModule, adapter, { logger: false, abortOnError: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await proxy.stop();
    await service?.close();
  });

  it('is up while live, degraded with since when after the flag service went away, 503 when live flags are required', async () => {
    const version = app.get(SwitchyardClient).version;
    expect(await get('/health')).toEqual({
      status: 200,
      body: {
        status: 'ok',
        info: { switchyard: { status: 'up', state: 'live', version, disconnectedSince: null } },
        error: {},
        details: { switchyard: { status: 'up', state: 'live', version, disconnectedSince: null } },
      },
    });
    expect((await get('/health/strict')).status).toBe(200);

    const goneAt = Date.now();
    proxy.down();
    const degraded = await eventually(
      'the indicator degraded',
      () => get('/health'),
      (answer) => answer.body.status === 'degraded',
    );
    expect(degraded.status).toBe(200);
    expect(degraded.body.details.switchyard).toMatchObject({ status: 'degraded', state: 'stale', version });
    expect(Date.parse(degraded.body.details.switchyard.disconnectedSince)).toBeGreaterThanOrEqual(goneAt);
    const strict = await get('/health/strict');
    expect(strict.status).toBe(503);
    expect(strict.body.error.flags).toMatchObject({ status: 'down', state: 'stale' });
  });
});
