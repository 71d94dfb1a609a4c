import type { Browser, Page } from 'playwright-core';
import { histogram } from '@switchyard/darklaunch/testing';
import { BrowserSessions, ensureAdminUiBuilt, launchBrowser } from './support/browser.js';
import { startApp, type StartedApp } from './support/start-app.js';

const P = 'shop';
const E = 'production';

describe("the admin UI's dark-launch page in a real browser", () => {
  let service: StartedApp;
  let browser: Browser;
  let sdkKey: string;
  const sessions = new BrowserSessions();

  const api = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await service.request<T>(method, `/api${path}`, { body });
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const flagPath = (flag: string) => `/projects/${P}/environments/${E}/flags/${flag}`;
  const session = (): Promise<Page> => sessions.open(browser, service.baseUrl, service.adminToken);
  const scenario = (name: string, run: () => Promise<void>) => sessions.scenario(name, run);

  /** A batch as the SDK's darkLaunch sends it. */
  const postEvents = async (body: unknown): Promise<void> => {
    const response = await fetch(`${service.baseUrl}/sdk/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.text();
    if (response.status >= 300) throw new Error(`events → ${response.status}`);
  };
  const instance = { id: 'instance-3', appName: 'search', sdkVersion: 'e2e', hostname: 'host-3' };

  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([startApp(), launchBrowser()]);
    await api('POST', '/projects', { key: P, name: 'Shop' });
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Production', protected: false });
    ({ key: sdkKey } = await api('POST', `/projects/${P}/environments/${E}/sdk-keys`, { name: 'fleet' }));
    await api('POST', `/projects/${P}/flags`, {
      key: 'search-v2',
      name: 'Search v2',
      type: 'string',
      variants: { off: 'off', shadow: 'shadow', live: 'live' },
      offVariant: 'off',
      fallthroughVariant: 'shadow',
    });
    await api('POST', `/projects/${P}/flags`, { key: 'banner', name: 'Banner', type: 'boolean' });
  }, 120_000);

  afterEach(() => sessions.closeAll());

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  scenario('shows what SDKs report: figures, charts, ranked and noise paths, samples, in UTC', async () => {
    const page = await session();
    await page.goto(`${service.baseUrl}${flagPath('search-v2')}`);
    await page.getByRole('link', { name: 'Dark launch' }).click();
    await page.getByRole('heading', { name: 'Dark launch' }).waitFor();
    await page.getByText('No differing paths in this window.').waitFor();

    await postEvents({
      instance,
      darkLaunches: [
        {
          flag: 'search-v2',
          windowStart: new Date().toISOString(),
          windowMs: 2000,
          modes: { off: 0, shadow: 40, live: 0 },
          shadow: {
            compared: 40,
            matches: 30,
            mismatches: 10,
            ignored: 0,
            candidateErrors: 0,
            timeouts: 0,
            skipped: 0,
          },
          live: { calls: 0, failures: 0 },
          controlMs: histogram({ 6: 40 }),
          candidateMs: histogram({ 8: 40 }),
          paths: [
            { path: '$.items[2].price', count: 8, noise: false },
            { path: '$.total', count: 2, noise: false },
            { path: '$.requestId', count: 40, noise: true },
          ],
          samples: [{ path: '$.items[2].price', contextKey: 'user-42', control: '9.99', candidate: '10.49' }],
        },
      ],
    });

    // The page refreshes by itself: the report shows without a reload.
    const figures = page.getByRole('definition').filter({ hasText: '25.0%' });
    await figures.first().waitFor();
    const paths = page.getByRole('table', { name: 'Differing paths' });
    expect(await paths.getByRole('row').nth(1).textContent()).toContain('$.items[2].price');
    expect(await paths.getByRole('row').nth(1).textContent()).toContain('80.0%');
    expect(await paths.getByRole('row').nth(2).textContent()).toContain('$.total');
    expect(await page.getByRole('table', { name: 'Noise paths' }).textContent()).toContain('$.requestId');
    const samples = page.getByRole('table', { name: 'Recent samples' });
    expect(await samples.textContent()).toMatch(/user-42.*\$\.items\[2\]\.price.*9\.99.*10\.49/);
    expect(await samples.textContent()).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    // Two uPlot charts, each named and summarised in text.
    const rates = page.getByRole('group', { name: 'Mismatch and error rates over time' });
    expect(await rates.locator('canvas').count()).toBeGreaterThan(0);
    expect(await rates.textContent()).toMatch(/Highest mismatch rate 25\.0% at \d\d:\d\d:\d\d UTC/);
    const latency = page.getByRole('group', { name: 'p99 latency: control vs candidate' });
    expect(await latency.locator('canvas').count()).toBeGreaterThan(0);
    expect(await latency.textContent()).toContain('control p99 ≤ 5 ms, candidate p99 ≤ 20 ms (×4.0)');
    expect(await page.getByLabel('Dark-launch figures').textContent()).toContain('Candidate ÷ control');

    // The window switch asks for another window.
    await page.getByRole('button', { name: 'Last 5 minutes' }).click();
    expect(await page.getByRole('button', { name: 'Last 5 minutes' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByText(/one point every 10 s/).waitFor();
    await page.getByRole('button', { name: 'Last day' }).click();
    await page.getByText(/one point every 30 min/).waitFor();
  });

  scenario('offers the dark-launch page on dark-launch flags only', async () => {
    const page = await session();
    await page.goto(`${service.baseUrl}${flagPath('banner')}`);
    await page.getByRole('link', { name: 'History' }).waitFor();
    expect(await page.getByRole('link', { name: 'Dark launch' }).count()).toBe(0);
    await page.goto(`${service.baseUrl}${flagPath('search-v2')}/dark-launch`);
    await page.getByRole('heading', { name: 'Dark launch' }).waitFor();
  });
});
