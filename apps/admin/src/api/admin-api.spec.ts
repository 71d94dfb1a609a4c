import { AdminApi } from './admin-api.js';
import { ApiClient, type FetchLike } from './api-client.js';

function recordingFetch(seen: Array<{ url: string; method?: string }>): FetchLike {
  return async (url, init) => {
    seen.push({ url, method: init?.method });
    return new Response(JSON.stringify({ items: [] }), { status: 200 });
  };
}

describe('AdminApi', () => {
  it('offers every area’s routes on one object, each sending its own request', async () => {
    const seen: Array<{ url: string; method?: string }> = [];
    const api = new AdminApi(new ApiClient('t', recordingFetch(seen), ''));
    await api.whoAmI();
    await api.projects();
    await api.flags('p');
    await api.kill('p', 'prod', 'f', 'why');
    await api.pinBreaker('p', 'prod', 'f', 'why');
    await api.segments('p');
    await api.audit({ flag: 'f' });
    await api.webhooks('p');
    expect(seen).toEqual([
      { url: '/api/me', method: 'GET' },
      { url: '/api/projects', method: 'GET' },
      { url: '/api/projects/p/flags', method: 'GET' },
      { url: '/api/projects/p/environments/prod/flags/f/kill', method: 'POST' },
      { url: '/api/projects/p/environments/prod/flags/f/breaker/pin', method: 'POST' },
      { url: '/api/projects/p/segments', method: 'GET' },
      { url: '/api/audit?flag=f', method: 'GET' },
      { url: '/api/projects/p/webhooks', method: 'GET' },
    ]);
    expect(api.client).toBeInstanceOf(ApiClient);
  });
});
