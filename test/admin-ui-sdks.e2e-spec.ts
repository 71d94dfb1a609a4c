import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RecordSdkReport } from '@switchyard/delivery';
import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { adminUiSuite } from './support/admin-ui.js';

const RESULTS = join(process.cwd(), 'test-results');
const P = 'shop';
const E = 'production';

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `uisdks-${name}.png`), fullPage: true });
}

// The Connected SDKs page (issue 13) in Debian's Chromium against the real service: real SDK clients connected
// over real HTTP, and an instance stuck on an old version (its last report acked version 1), which the page marks
// as lagging in words and lists first.
describe("the admin UI's Connected SDKs page in a real browser", () => {
  const suite = adminUiSuite();
  const clients: SwitchyardClient[] = [];
  let sdkKey: string;
  const base = () => `${suite.service.baseUrl}/projects/${P}/environments/${E}`;

  const connect = async (appName: string): Promise<void> => {
    const client = createClient({ sdkKey, baseUrl: suite.service.baseUrl, appName, ackFlushDelayMs: 10 });
    clients.push(client);
    await client.waitUntilReady({ timeoutMs: 5000 });
  };

  beforeAll(async () => {
    await suite.api('POST', '/projects', { key: P, name: 'Shop' });
    await suite.api('POST', `/projects/${P}/environments`, { key: E, name: 'Production', protected: false });
    await suite.api('POST', `/projects/${P}/environments`, { key: 'staging', name: 'Staging' });
    ({ key: sdkKey } = await suite.api('POST', `/projects/${P}/environments/${E}/sdk-keys`, { name: 'fleet' }));
    await suite.api('POST', `/projects/${P}/flags`, { key: 'checkout', name: 'Checkout', type: 'boolean' });
  });

  afterAll(() => Promise.all(clients.map((client) => client.close())));

  suite.scenario('explains how to connect an SDK when none is connected', async () => {
    const page = await suite.session();
    await page.goto(`${suite.service.baseUrl}/projects/${P}/environments/staging`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Connected SDKs' }).click();
    await page.getByRole('heading', { name: 'Connected SDKs in staging' }).waitFor();
    await page.getByText('No SDK instance has connected to staging in the last hour').waitFor();
    expect(await page.getByText('Embedding the SDK').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Keys & tokens' }).last().getAttribute('href')).toBe(
      `/projects/${P}/environments/staging/access`,
    );
    expect(await page.getByRole('status').textContent()).toBe('No SDK instance seen in the last hour.');
    await screenshot(page, 'empty');
  });

  suite.scenario('lists real SDK instances and marks the one stuck on an old version as lagging, first', async () => {
    await connect('checkout-api');
    await connect('billing-worker');
    const legacy = await fetch(`${suite.service.baseUrl}/sdk/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        instance: { id: 'legacy-1', appName: 'legacy-batch', sdkVersion: 'legacy-0.9', hostname: 'batch-host' },
        acks: [{ version: 1, receivedAt: new Date().toISOString() }],
      }),
    });
    expect(legacy.status).toBeLessThan(300);
    await suite.service.app.get(RecordSdkReport).flush();
    const { environmentVersion: version } = await suite.api(
      'POST',
      `/projects/${P}/environments/${E}/flags/checkout/toggle`,
      { on: true },
    );

    const page = await suite.session();
    await page.goto(`${base()}/sdks`);
    await page.getByRole('heading', { name: `Connected SDKs in ${E}` }).waitFor();
    // The page refreshes itself: the legacy instance turns lagging once it has been behind for over 5 s.
    const summary = page.getByRole('status').filter({ hasText: / on version \d+; / });
    await summary.filter({ hasText: `2 of 3 instances on version ${version}; 1 lagging` }).waitFor({ timeout: 20_000 });
    const rows = page.getByTestId('sdk-instance');
    expect(await rows.count()).toBe(3);
    const first = (await rows.nth(0).textContent()) ?? '';
    expect(first).toContain(`Lagging: ${version - 1} versions behind`);
    expect(first).toContain('legacy-batch');
    expect(first).toContain('legacy-0.9');
    expect(first).toContain(`version 1 (environment: version ${version})`);
    for (const index of [1, 2]) {
      const text = (await rows.nth(index).textContent()) ?? '';
      expect(text).toContain('Up to date');
      expect(text).toContain(`version ${version} (environment: version ${version})`);
      expect(text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    }
    await screenshot(page, 'lagging');

    // Filter by app: the filter goes into the URL and survives a reload.
    await page.getByLabel('App').selectOption('checkout-api');
    await summary.filter({ hasText: `1 of 1 instance on version ${version}; 0 lagging` }).waitFor();
    expect(page.url()).toContain('/sdks?app=checkout-api');
    expect(await rows.count()).toBe(1);
    await page.reload();
    await summary.filter({ hasText: `1 of 1 instance on version ${version}; 0 lagging` }).waitFor();
    expect(await page.getByLabel('App').inputValue()).toBe('checkout-api');
  });
});
