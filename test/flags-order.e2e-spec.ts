import { startApp, type StartedApp } from './support/start-app.js';

// Bucketing picks the first variant, in declared order, whose running sum of weights exceeds the bucket:
// the order of a rollout's weights is part of its meaning and must survive storage and delivery.
describe('declared order of variants and rollout weights', () => {
  let service: StartedApp;
  const CONFIG = '/api/projects/lab/environments/prod/flags/checkout-v2';
  const weights = { off: 80000, shadow: 15000, live: 5000 };

  beforeAll(async () => {
    service = await startApp();
    await service.request('POST', '/api/projects', { body: { key: 'lab', name: 'Lab' } });
    await service.request('POST', '/api/projects/lab/environments', {
      body: { key: 'prod', name: 'Prod', protected: false },
    });
    const created = await service.request('POST', '/api/projects/lab/flags', {
      body: {
        key: 'checkout-v2',
        name: 'Checkout v2',
        type: 'string',
        variants: { off: 'off', shadow: 'shadow', live: 'live' },
      },
    });
    expect(created.status).toBe(201);
    const write = await service.request('PUT', CONFIG, {
      body: { on: true, offVariant: 'off', rules: [], fallthrough: { rollout: { weights } }, baseVersion: 1 },
    });
    expect(write.status).toBe(200);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('reads back the weights in the order they were written', async () => {
    const config = await service.request('GET', CONFIG);
    expect(Object.keys(config.body.config.fallthrough.rollout.weights)).toEqual(['off', 'shadow', 'live']);
  });

  it('delivers the weights and variants to SDKs in the order they were written', async () => {
    const key = await service.request('POST', '/api/projects/lab/environments/prod/sdk-keys', {
      body: { name: 'order' },
    });
    expect(key.status).toBe(201);
    const snapshot = await service.request('GET', '/sdk/v1/snapshot', { token: key.body.key });
    expect(snapshot.status).toBe(200);
    const flag = snapshot.body.flags['checkout-v2'];
    expect(Object.keys(flag.fallthrough.rollout.weights)).toEqual(['off', 'shadow', 'live']);
    expect(Object.keys(flag.variants)).toEqual(['off', 'shadow', 'live']);
  });
});
