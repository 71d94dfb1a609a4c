import { bucket } from '@switchyard/evaluation';
import { RecordRecentContexts } from '@switchyard/delivery';
import { createClient } from '@switchyard/sdk';
import type { Browser } from 'playwright-core';
import { BrowserSessions, ensureAdminUiBuilt, launchBrowser } from './support/browser.js';
import { startApp, type StartedApp } from './support/start-app.js';

const P = 'shop';
const FLAG = 'new-checkout';
const users = Array.from({ length: 200 }, (_, i) => ({ key: `user-${i}` }));

describe('the ramp impact in the admin UI, in a real browser', () => {
  let service: StartedApp;
  let browser: Browser;
  const sessions = new BrowserSessions();

  const api = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await service.request<T>(method, `/api${path}`, { body });
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const configPath = (env: string) => `/projects/${P}/environments/${env}/flags/${FLAG}`;
  const halfRamp = {
    on: true,
    offVariant: 'off',
    rules: [],
    fallthrough: { rollout: { weights: { on: 50_000, off: 50_000 } } },
  };

  const session = () => sessions.open(browser, service.baseUrl, service.adminToken);
  const scenario = (name: string, run: () => Promise<void>) => sessions.scenario(name, run);

  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([startApp(), launchBrowser()]);
    await api('POST', '/projects', { key: P, name: 'Shop' });
    for (const env of ['production', 'staging'])
      await api('POST', `/projects/${P}/environments`, { key: env, name: env });
    await api('POST', `/projects/${P}/flags`, { key: FLAG, name: 'New checkout', type: 'boolean' });
    for (const env of ['production', 'staging']) {
      const current = await api('GET', configPath(env));
      await api('PUT', configPath(env), { ...halfRamp, baseVersion: current.version });
    }
    // A real SDK reports the contexts it evaluated in production.
    const { key } = await api('POST', `/projects/${P}/environments/production/sdk-keys`, { name: 'ui-impact' });
    const client = createClient({
      sdkKey: key,
      baseUrl: service.baseUrl,
      appName: 'ui-impact',
      contextSampleSize: 500,
    });
    await client.waitUntilReady({ timeoutMs: 5000 });
    for (const user of users) client.getBoolean(FLAG, user, false);
    await client.close();
    // The SDK's close sent its last batch; the service buffers reported contexts: write them now.
    await service.app.get(RecordRecentContexts).flush();
    expect((await api('POST', `${configPath('production')}/impact`, halfRamp)).sampled).toBe(users.length);
  }, 120_000);

  afterEach(() => sessions.closeAll());

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  scenario('shows how many recent contexts the ramp would change, updating as the ramp moves', async () => {
    const page = await session();
    await page.goto(`${service.baseUrl}/projects/${P}/environments/production/flags/${FLAG}`);
    const line = page.getByTestId('ramp-impact');
    await line.getByText(`Would change the variant for 0 of ${users.length} recent contexts (seen since `).waitFor();
    expect(await line.textContent()).toMatch(/\(seen since \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\./);

    await page.getByLabel('Default rule: on %').fill('100');
    const off = users.filter((user) => bucket(FLAG, user.key) >= 50_000).length;
    await line.getByText(`Would change the variant for ${off} of ${users.length} recent contexts`).waitFor();
    expect(await line.textContent()).toContain(`off → on: ${off}`);

    const slider = page.getByRole('slider', { name: 'on' });
    await slider.focus();
    await slider.press('Home');
    const on = users.length - off;
    await line.getByText(`Would change the variant for ${on} of ${users.length} recent contexts`).waitFor();
    expect(await line.textContent()).toContain(`on → off: ${on}`);
  });

  scenario('says plainly when no SDK has reported contexts for the environment yet', async () => {
    const page = await session();
    await page.goto(`${service.baseUrl}/projects/${P}/environments/staging/flags/${FLAG}`);
    await page.getByTestId('ramp-impact').getByText('No SDK has reported contexts for this environment yet').waitFor();
  });
});
