import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, ensureAdminUiBuilt, launchBrowser } from './support/browser.js';
import { startApp, type StartedApp } from './support/start-app.js';

const P = 'shop';
const E = 'production';
const RESULTS = join(process.cwd(), 'test-results');

// The flag page's Activity tab in Debian's Chromium against the real service, fed by the real SDK: the empty
// state, then the evaluations per variant (uPlot chart, totals in text), "Last evaluated … UTC" and the
// instances; and the flag page's "not evaluated for 7 days" stale marker.
describe("the admin UI's flag activity in a real browser", () => {
  let service: StartedApp;
  let browser: Browser;
  let sdk: SwitchyardClient;
  const sessions = new BrowserSessions();

  const api = async <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const response = await service.request<T>(method, `/api${path}`, { body, headers });
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const flagUrl = (flag: string, tab = '') =>
    `${service.baseUrl}/projects/${P}/environments/${E}/flags/${flag}${tab ? `/${tab}` : ''}`;
  const session = (): Promise<Page> => sessions.open(browser, service.baseUrl, service.adminToken);
  const scenario = (name: string, run: () => Promise<void>) => sessions.scenario(name, run);
  const shoot = async (page: Page, name: string) => {
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, `activity-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([startApp(), launchBrowser()]);
    await api('POST', '/projects', { key: P, name: 'Shop' });
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Production', protected: false });
    const { key } = await api('POST', `/projects/${P}/environments/${E}/sdk-keys`, { name: 'fleet' });
    await api('POST', `/projects/${P}/flags`, { key: 'new-checkout', name: 'New checkout', type: 'boolean' });
    await api('POST', `/projects/${P}/flags`, { key: 'forgotten', name: 'Forgotten', type: 'boolean' });
    await api(
      'PUT',
      `/projects/${P}/environments/${E}/flags/new-checkout`,
      {
        on: true,
        offVariant: 'off',
        fallthrough: { variant: 'off' },
        rules: [
          {
            id: 'fr',
            conditions: [{ attribute: 'country', operator: 'in', values: ['FR'] }],
            serve: { variant: 'on' },
          },
        ],
      },
      { 'if-match': '"1"' },
    );
    sdk = createClient({
      sdkKey: key,
      baseUrl: service.baseUrl,
      appName: 'checkout-api',
      instanceId: 'checkout-1',
      flushIntervalMs: 200,
      initialRetryDelayMs: 20,
    });
    await sdk.waitUntilReady({ timeoutMs: 10_000 });
  }, 120_000);

  afterEach(() => sessions.closeAll());

  afterAll(async () => {
    await sdk?.close();
    await browser?.close();
    await service?.close();
  });

  scenario('shows the evaluations per variant, the last evaluation in UTC and the instances', async () => {
    const page = await session();
    await page.goto(flagUrl('new-checkout'));
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: `Activity in ${E}` }).waitFor();
    // Before any SDK evaluated it: the empty state says what to do.
    await page.getByText('No SDK has evaluated this flag in the last hour.', { exact: false }).waitFor();
    expect(await page.getByTestId('last-evaluated').textContent()).toContain(`Never evaluated in ${E}`);
    await shoot(page, 'empty');

    for (let i = 0; i < 3; i++) sdk.getBoolean('new-checkout', { key: `fr-${i}`, country: 'FR' }, false);
    for (let i = 0; i < 5; i++) sdk.getBoolean('new-checkout', { key: `de-${i}`, country: 'DE' }, false);

    // The panel refreshes by itself.
    const chart = page.getByRole('group', { name: 'Evaluations per variant, per minute' });
    await chart.waitFor({ timeout: 20_000 });
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    expect(await chart.textContent()).toContain('8 evaluations in the last hour: on 3 (38%), off 5 (63%)');
    const totals = page.getByLabel('Evaluations per variant', { exact: true });
    expect((await totals.textContent())?.replace(/\s+/g, ' ')).toMatch(/on\s*3\s*38%.*off\s*5\s*63%/);
    expect(await page.getByTestId('last-evaluated').textContent()).toMatch(
      /^Last evaluated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
    );
    const instances = page.getByRole('table', { name: 'SDK instances that evaluated it' });
    const row = instances.getByRole('row').nth(1);
    expect(await row.textContent()).toContain('checkout-1');
    expect(await row.textContent()).toContain('checkout-api');
    expect(await row.textContent()).toMatch(/\d\d:\d\d:\d\d UTC/);
    await shoot(page, 'chart');

    await page.getByRole('button', { name: 'Last day' }).click();
    await page.getByRole('group', { name: 'Evaluations per variant, per hour' }).waitFor();
    expect(await page.getByRole('group', { name: 'Evaluations per variant, per hour' }).textContent()).toContain(
      '8 evaluations in the last day',
    );
  });

  scenario('marks a flag no SDK evaluated for 7 days potentially stale on its page, with the reason', async () => {
    await service.database.dataSource.query(
      `UPDATE flags SET created_at = now() - interval '8 days' WHERE key = 'forgotten'`,
    );
    const page = await session();
    await page.goto(flagUrl('forgotten', 'activity'));
    const line = page.getByTestId('flag-lifecycle');
    await line.getByTestId('stale').waitFor();
    expect(await line.textContent()).toContain('Temporary 8 days old');
    expect(await line.getByTestId('stale-reasons').textContent()).toBe(
      'never evaluated by any SDK, and created 7 days ago or more',
    );
    await page.getByText('No SDK has evaluated this flag in the last hour.', { exact: false }).waitFor();
    await shoot(page, 'stale');
  });
});
