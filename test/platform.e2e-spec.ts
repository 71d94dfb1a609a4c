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
    expect(response.body).toMatchObject({ status: 'up', checks: { database: { status: 'up' } } });
  });

  it('exposes Prometheus metrics labelled by route pattern, not raw URL', async () => {
    await service.request('DELETE', '/api/tokens/00000000-0000-4000-8000-000000000000');
    const response = await service.request('GET', '/metrics', { token: null });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('process_cpu_user_seconds_total');
    expect(response.body).toContain('http_request_duration_seconds_bucket');
    expect(response.body).toMatch(/http_requests_total\{method="DELETE",route="\/api\/tokens\/:id",status="404"\} 1/);
    expect(response.body).not.toContain('00000000-0000-4000-8000-000000000000');
  });

  it('serves the OpenAPI document with the admin routes and their bearer scheme', async () => {
    const json = await service.request('GET', '/api/docs-json', { token: null });
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/tokens', '/api/tokens/{id}']));
    expect(json.body.components.securitySchemes['admin-token']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const ui = await service.request('GET', '/api/docs', { token: null });
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('echoes the caller x-request-id and puts it on the request log line', async () => {
    const response = await service.request('GET', '/health/live', {
      token: null,
      headers: { 'x-request-id': 'trace-abc-123' },
    });
    expect(response.headers['x-request-id']).toBe('trace-abc-123');
    const lines = service.logs.map((line) => JSON.parse(line)).filter((line) => line.requestId === 'trace-abc-123');
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request', route: '/health/live', status: 200 }));
  });

  it('makes up a request id when the caller sends none or an unsafe one', async () => {
    const none = await service.request('GET', '/health/live', { token: null });
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await service.request('GET', '/health/live', { token: null, headers: { 'x-request-id': 'a b\tc' } });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const response = await service.request('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', fields: [] });
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const malformed = await service.request('POST', '/api/tokens', { body: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    const huge = await service.request('POST', '/api/tokens', {
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), role: 'admin' }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
