import { readFileSync } from 'node:fs';
import { startApp, type StartedApp } from './support/start-app.js';

// The admin UI's types are generated from a document built without a database (Nest's preview mode). This
// proves that document is the one the running service serves at /api/docs-json, so the UI compiles against
// what it will talk to.
describe('the admin API contract', () => {
  let service: StartedApp;

  beforeAll(async () => {
    service = await startApp();
  });

  afterAll(async () => {
    await service?.close();
  });

  it('committed for the UI is the OpenAPI document the running service serves', async () => {
    const committed = JSON.parse(
      readFileSync(new URL('../apps/admin/src/api/generated/openapi.json', import.meta.url), 'utf8'),
    );
    const served = await service.request('GET', '/api/docs-json', { token: null });
    expect(served.status).toBe(200);
    expect(served.body).toEqual(committed);
  });
});
