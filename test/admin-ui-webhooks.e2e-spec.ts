import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, ensureAdminUiBuilt, launchBrowser } from './support/browser.js';
import { startApp, type StartedApp } from './support/start-app.js';

const P = 'shop';
const E = 'production';

/** A real endpoint answering `status` to every request; it counts them. */
async function endpoint(status: number): Promise<{ server: Server; url: string; received: IncomingMessage[] }> {
  const received: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    received.push(request);
    request.resume();
    request.on('end', () => response.writeHead(status).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('the Webhooks page of the admin UI in a real browser', () => {
  let service: StartedApp;
  let browser: Browser;
  const sessions = new BrowserSessions();
  const servers: Server[] = [];

  const api = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await service.request<T>(method, `/api${path}`, { body });
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const session = (): Promise<Page> => sessions.open(browser, service.baseUrl, service.adminToken);
  const scenario = (name: string, run: () => Promise<void>) => sessions.scenario(name, run);

  /** Clicks "Refresh deliveries" in the webhook's item until a delivery row with `status` shows. */
  const waitForDelivery = async (page: Page, url: string, status: string) => {
    const item = page.locator('li.webhook').filter({ hasText: url });
    const row = item.locator(`tr[data-status="${status}"]`).first();
    const deadline = Date.now() + 20_000;
    while (!(await row.isVisible())) {
      if (Date.now() > deadline) throw new Error(`no ${status} delivery for ${url}`);
      await item.getByRole('button', { name: 'Refresh deliveries' }).click();
      await row.waitFor({ timeout: 250 }).catch(() => undefined);
    }
    return row;
  };

  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([
      startApp({
        env: {
          WEBHOOK_POLL_MS: '50',
          WEBHOOK_RETRY_BASE_MS: '20',
          WEBHOOK_RETRY_MAX_MS: '50',
          WEBHOOK_MAX_ATTEMPTS: '3',
        },
      }),
      launchBrowser(),
    ]);
    await api('POST', '/projects', { key: P, name: 'Shop' });
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Production', protected: false });
    await api('POST', `/projects/${P}/flags`, { key: 'checkout', name: 'Checkout', type: 'boolean' });
  }, 120_000);

  afterEach(() => sessions.closeAll());

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    for (const server of servers) server.close();
  });

  scenario('creates a webhook, shows its secret once, and lists a kill delivered to it as sent', async () => {
    const receiver = await endpoint(204);
    servers.push(receiver.server);
    const page = await session();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: `Webhooks of ${P}` }).waitFor();
    expect(page.url()).toBe(`${service.baseUrl}/projects/${P}/environments/${E}/webhooks`);
    await page.getByText('No webhook yet.').waitFor();
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByLabel('Description').fill('on call');
    await page.getByLabel('Every other flag change').check();
    await page.getByRole('button', { name: 'Create webhook' }).click();
    const secret = (await page.getByTestId('secret').textContent())!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [stored] = (await api('GET', `/projects/${P}/webhooks`)).items;
    expect(stored).toMatchObject({
      url: receiver.url,
      description: 'on call',
      events: expect.arrayContaining(['kill', 'restore', 'trip', 'recovered', 'change']),
      secretHint: `${secret.slice(0, 10)}…`,
    });
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByTestId('secret').waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('li.webhook').filter({ hasText: receiver.url }).waitFor();
    expect(await page.content()).not.toContain(secret);

    await api('POST', `/projects/${P}/environments/${E}/flags/checkout/kill`, { reason: 'from the test' });
    await page.getByRole('button', { name: 'Deliveries' }).click();
    const row = await waitForDelivery(page, receiver.url, 'sent');
    expect(await row.locator('td').nth(1).textContent()).toBe('kill');
    expect(await row.locator('td').nth(3).textContent()).toBe('1');
    expect(await row.locator('td').nth(4).textContent()).toBe('HTTP 204');
    expect(receiver.received).toHaveLength(1);
  });

  scenario('sends a test event to a failing endpoint and shows its attempts and last error', async () => {
    const failing = await endpoint(500);
    servers.push(failing.server);
    await api('POST', `/projects/${P}/webhooks`, { url: failing.url, events: ['kill'] });
    const page = await session();
    await page.goto(`${service.baseUrl}/projects/${P}/environments/${E}/webhooks`);
    const item = page.locator('li.webhook').filter({ hasText: failing.url });
    await item.getByRole('button', { name: 'Send test event' }).click();
    const row = await waitForDelivery(page, failing.url, 'failed');
    expect(await row.locator('td').nth(1).textContent()).toBe('test');
    expect(await row.locator('td').nth(3).textContent()).toBe('3');
    expect(await row.locator('td').nth(4).textContent()).toBe('HTTP 500');
    expect(failing.received).toHaveLength(3);

    await item.getByRole('button', { name: 'Disable' }).click();
    await item.getByText('Disabled', { exact: true }).waitFor();
    const hooks = (await api('GET', `/projects/${P}/webhooks`)).items;
    expect(hooks.find((hook: any) => hook.url === failing.url).enabled).toBe(false);
  });
});
