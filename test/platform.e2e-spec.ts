import { startApp, type StartedApp } from './support/start-app.js';

describe('the platform', () => {
  let service: StartedApp;

  beforeAll(async () => {
    service = await startApp();
  });

  afterAll(async () => {
    await service?.close();
  });

  it('answers liveness without credentials', async () => {
    const response = await service.request('GET', '/health/live', { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'up' });
  });

  it('reports the database as up when ready', async () => {
    const response = await service.request('GET', '/health/ready', { token: null });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('up');
    expect(response.body.checks.database.status).toBe('up');
  });
});
