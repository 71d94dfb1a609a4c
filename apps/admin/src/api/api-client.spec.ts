import { ApiClient, type FetchLike } from './api-client.js';
import { ApiError, messagesFor } from './api-error.js';

function fakeFetch(status: number, body: unknown, seen: Array<{ url: string; init?: RequestInit }> = []): FetchLike {
  return async (url, init) => {
    seen.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  };
}

describe('ApiClient', () => {
  it('sends the token as a bearer header, never in the URL', async () => {
    const seen: Array<{ url: string; init?: RequestInit }> = [];
    await new ApiClient('syt_secret', fakeFetch(200, [], seen), '').get('/projects', { query: { limit: 5 } });
    expect(seen[0].url).toBe('/api/projects?limit=5');
    expect((seen[0].init?.headers as Record<string, string>).authorization).toBe('Bearer syt_secret');
  });

  it('sends If-Match with the base version of a write', async () => {
    const seen: Array<{ url: string; init?: RequestInit }> = [];
    await new ApiClient('t', fakeFetch(200, {}, seen)).put('/x', { on: true }, { ifMatch: 7 });
    expect((seen[0].init?.headers as Record<string, string>)['if-match']).toBe('"7"');
    expect(seen[0].init?.body).toBe('{"on":true}');
  });

  it('turns a 409 into a conflict error carrying the current version', async () => {
    const body = { error: { code: 'VERSION_CONFLICT', message: 'stale', fields: [], currentVersion: 9 } };
    const error = await new ApiClient('t', fakeFetch(409, body)).post('/x', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isConflict).toBe(true);
    expect((error as ApiError).currentVersion).toBe(9);
  });

  it('keeps the failing fields of a 400', async () => {
    const body = {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'bad',
        fields: [{ path: 'rules[0].serve', message: 'unknown variant' }],
      },
    };
    const error = (await new ApiClient('t', fakeFetch(400, body))
      .post('/x', {})
      .catch((caught: unknown) => caught)) as ApiError;
    expect(messagesFor(error.fields, 'rules.0')).toEqual(['unknown variant']);
    expect(messagesFor(error.fields, 'rules.1')).toEqual([]);
  });

  it('says the service cannot be reached when the network fails', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const error = (await new ApiClient('t', failing).get('/x').catch((caught: unknown) => caught)) as ApiError;
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/cannot be reached/);
  });

  it('reports a refused token so the UI can sign out', async () => {
    let signedOut = 0;
    const client = new ApiClient(
      't',
      fakeFetch(401, { error: { code: 'UNAUTHENTICATED', message: 'no' } }),
      '',
      () => signedOut++,
    );
    await client.get('/projects').catch(() => undefined);
    expect(signedOut).toBe(1);
  });

  it('returns a text answer (an export) as sent, and its error answers as errors', async () => {
    const markdown: FetchLike = async () =>
      new Response('# Game day\n\n- 04:05:06.123 UTC attack started', { status: 200 });
    expect(await new ApiClient('t', markdown).getText('/x', { query: { format: 'markdown' } })).toBe(
      '# Game day\n\n- 04:05:06.123 UTC attack started',
    );
    const missing = fakeFetch(404, { error: { code: 'NOT_FOUND', message: 'run r1' } });
    const error = (await new ApiClient('t', missing).getText('/x').catch((caught: unknown) => caught)) as ApiError;
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('run r1');
  });
});
