import { startApp, type StartedApp } from './support/start-app.js';

// The test's requests come from 127.0.0.1: the service sees them as coming through a proxy on loopback.
// Each case: a TRUST_PROXY setting and the X-Forwarded-For the trusted proxies would send for a client who
// writes its own made-up X-Forwarded-For first, hoping to be someone new at every attempt.
const cases = [
  { trustProxy: 'true', chain: (forged: string, client: string) => `${forged}, ${client}` },
  { trustProxy: '1', chain: (forged: string, client: string) => `${forged}, ${client}` },
  {
    trustProxy: '127.0.0.1,10.0.0.0/8',
    chain: (forged: string, client: string) => `${forged}, ${client}, 10.20.30.40`,
  },
];

describe.each(cases)('the client address with TRUST_PROXY=$trustProxy', ({ trustProxy, chain }) => {
  let service: StartedApp;

  beforeAll(async () => {
    service = await startApp({ env: { TRUST_PROXY: trustProxy } });
  });

  afterAll(async () => {
    await service?.close();
  });

  const attempt = (forwardedFor: string) =>
    service.request('GET', '/api/tokens', { token: 'syt_a-guess', headers: { 'x-forwarded-for': forwardedFor } });

  it('is the rightmost untrusted X-Forwarded-For address, so forging the leftmost does not escape the failed-auth limit', async () => {
    for (let index = 0; index < 20; index += 1) {
      expect((await attempt(chain(`192.0.2.${index}`, '198.51.100.7'))).status).toBe(401);
    }
    const limited = await attempt(chain('192.0.2.99', '198.51.100.7'));
    expect(limited.status).toBe(429);
    // Another client behind the same proxies is another address, not limited.
    expect((await attempt(chain('192.0.2.99', '198.51.100.8'))).status).toBe(401);
  });
});

describe('the client address without TRUST_PROXY', () => {
  let service: StartedApp;

  beforeAll(async () => {
    service = await startApp();
  });

  afterAll(async () => {
    await service?.close();
  });

  it('is the socket address: X-Forwarded-For is ignored', async () => {
    for (let index = 0; index < 20; index += 1) {
      const response = await service.request('GET', '/api/tokens', {
        token: 'syt_a-guess',
        headers: { 'x-forwarded-for': `198.51.100.${index}` },
      });
      expect(response.status).toBe(401);
    }
    const limited = await service.request('GET', '/api/tokens', {
      token: 'syt_a-guess',
      headers: { 'x-forwarded-for': '198.51.100.200' },
    });
    expect(limited.status).toBe(429);
  });
});
