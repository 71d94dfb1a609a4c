import { readFile } from 'node:fs/promises';
import { startApp, type StartedApp } from './support/start-app.js';

// The README followed literally, in its order: the Admin API quick start creates shop/production, then the
// Access section creates, lists and revokes an SDK key for it.
describe('the README, Admin API then Access', () => {
  let service: StartedApp;
  let readme: string;

  beforeAll(async () => {
    service = await startApp();
    readme = await readFile('README.md', 'utf8');
  });

  afterAll(async () => {
    await service?.close();
  });

  it('creates the project and environment before the SDK key that needs them', () => {
    const project = readme.indexOf(`$API/projects -d '{"key":"shop"`);
    const environment = readme.indexOf(`$API/projects/shop/environments -d '{"key":"production"`);
    const sdkKey = readme.indexOf('/api/projects/shop/environments/production/sdk-keys \\');
    expect(project).toBeGreaterThan(0);
    expect(environment).toBeGreaterThan(project);
    expect(sdkKey).toBeGreaterThan(environment);
  });

  it('answers "No project" when the project is what is missing, as the README says', async () => {
    const early = await service.request('POST', '/api/projects/shop/environments/production/sdk-keys', {
      body: { name: 'checkout' },
    });
    expect(early.status).toBe(404);
    expect(early.body.error.message).toBe('No project "shop"');
    expect(readme).toContain('`No project "shop"`');
  });

  it('issues the key in the answer\'s "key" field and revokes it by its "id"', async () => {
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Web shop' } });
    await service.request('POST', '/api/projects/shop/environments', {
      body: { key: 'production', name: 'Production', protected: false },
    });
    const created = await service.request('POST', '/api/projects/shop/environments/production/sdk-keys', {
      body: { name: 'checkout' },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sdk_/);
    expect(readme).toContain('the answer\'s "key" (sdk_…) is the secret');
    const listed = await service.request('GET', '/api/projects/shop/environments/production/sdk-keys');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    expect((await service.request('DELETE', `/api/sdk-keys/${created.body.id}`)).status).toBe(200);
    expect((await service.request('GET', '/sdk/v1/snapshot', { token: created.body.key })).status).toBe(401);
  });
});
