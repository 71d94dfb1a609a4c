import { request as httpRequest } from 'node:http';
import { startApp, type StartedApp } from './support/start-app.js';

// The README's curl calls send `Content-Type: application/json` on every call, also on actions without a body.
const FLAG = '/api/projects/shop/environments/production/flags/beta';

describe('body-less actions with a JSON content type', () => {
  let service: StartedApp;
  const json = { 'content-type': 'application/json' };

  /** A POST with a Content-Type and neither a body nor a Content-Length, as curl -X POST sends it. */
  const postWithoutLength = (path: string) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const url = new URL(service.baseUrl + path);
      const request = httpRequest(
        url,
        { method: 'POST', headers: { ...json, authorization: `Bearer ${service.adminToken}` } },
        (response) => {
          let text = '';
          response
            .setEncoding('utf8')
            .on('data', (chunk: string) => (text += chunk))
            .on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
        },
      );
      request.on('error', reject);
      request.end();
    });

  beforeAll(async () => {
    service = await startApp();
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    await service.request('POST', '/api/projects/shop/environments', {
      body: { key: 'production', name: 'Production', protected: false },
    });
    await service.request('POST', '/api/projects/shop/flags', { body: { key: 'beta', name: 'Beta', type: 'boolean' } });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('kills and restores with Content-Length: 0', async () => {
    const kill = await service.request('POST', `${FLAG}/kill`, { headers: json });
    expect(kill.status).toBe(200);
    expect(kill.body).toMatchObject({ unchanged: false, config: { killed: { by: expect.any(String) } } });
    const restore = await service.request('POST', `${FLAG}/restore`, { headers: json });
    expect(restore.status).toBe(200);
    expect(restore.body).toMatchObject({ unchanged: false, config: { killed: null } });
  });

  it('kills and restores without a Content-Length', async () => {
    expect(await postWithoutLength(`${FLAG}/kill`)).toMatchObject({
      status: 200,
      body: { config: { killed: expect.any(Object) } },
    });
    expect(await postWithoutLength(`${FLAG}/restore`)).toMatchObject({
      status: 200,
      body: { config: { killed: null } },
    });
  });

  it('archives without a body', async () => {
    await service.request('POST', '/api/projects/shop/flags', { body: { key: 'old', name: 'Old', type: 'boolean' } });
    const archived = await service.request('POST', '/api/projects/shop/flags/old/archive', { headers: json });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
  });

  it('refuses an empty body where fields are required, naming them', async () => {
    const toggle = await service.request('POST', `${FLAG}/toggle`, { headers: json });
    expect(toggle.status).toBe(400);
    expect(toggle.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: expect.arrayContaining([expect.objectContaining({ path: 'on' })]),
    });
    const { version } = (await service.request('GET', FLAG)).body;
    const put = await service.request('PUT', FLAG, { headers: { ...json, 'if-match': `"${version}"` } });
    expect(put.status).toBe(400);
    expect(put.body.error.fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining(['on', 'offVariant', 'fallthrough']),
    );
  });

  it('still refuses a JSON body that is not empty but malformed', async () => {
    const response = await service.request('POST', `${FLAG}/kill`, { body: '{"reason":', headers: json });
    expect(response.status).toBe(400);
  });
});
