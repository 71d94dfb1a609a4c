import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, ensureAdminUiBuilt, launchBrowser } from './support/browser.js';
import { startApp, type StartedApp } from './support/start-app.js';

const P = 'shop';
const E = 'production';
const BREAKER = {
  windowMs: 5000,
  minimumCalls: 10,
  failureRatio: 0.25,
  timeoutMs: 300,
  autoRecover: { coolDownMs: 600000, probePercent: 10, probeWindowMs: 30000, maxCoolDownMs: 1200000 },
};

describe("the admin UI's circuit breaker in a real browser", () => {
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
  const flagWithBreaker = async (key: string) => {
    await api('POST', `/projects/${P}/flags`, { key, name: key, type: 'boolean' });
    const { version } = await api('GET', flagPath(key));
    await api('PUT', flagPath(key), {
      baseVersion: version,
      on: true,
      offVariant: 'off',
      rules: [],
      fallthrough: { variant: 'on' },
      breaker: BREAKER,
    });
  };
  const session = (): Promise<Page> => sessions.open(browser, service.baseUrl, service.adminToken);
  const scenario = (name: string, run: () => Promise<void>) => sessions.scenario(name, run);

  /** A batch as the SDK's guard sends it: the minute's outcomes, and a trip in a batch of its own. */
  const postEvents = async (body: unknown): Promise<void> => {
    const response = await fetch(`${service.baseUrl}/sdk/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.text();
    if (response.status >= 300) throw new Error(`events → ${response.status}`);
  };
  const instance = { id: 'instance-7', appName: 'checkout', sdkVersion: 'e2e', hostname: 'host-7' };

  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([startApp(), launchBrowser()]);
    await api('POST', '/projects', { key: P, name: 'Shop' });
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Production' });
    ({ key: sdkKey } = await api('POST', `/projects/${P}/environments/${E}/sdk-keys`, { name: 'fleet' }));
  }, 120_000);

  afterEach(() => sessions.closeAll());

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  scenario("keeps the flag's breaker settings through a targeting save, and edits them", async () => {
    await flagWithBreaker('banner');
    const page = await session();
    await page.goto(`${service.baseUrl}${flagPath('banner')}`);
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Rule 1 condition 1: attribute').fill('country');
    await page.getByLabel('Rule 1 condition 1: values').fill('FR');
    await page.getByLabel('Rule 1: variant').selectOption('on');
    await page.getByRole('button', { name: 'Save targeting' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Saved as version \d+/ })
      .waitFor();
    const saved = (await api('GET', flagPath('banner'))).config;
    expect(saved.rules).toHaveLength(1);
    expect(saved.breaker).toEqual(BREAKER);

    await page.getByText(`Breaker settings in ${E}`).click();
    expect(await page.getByLabel('Window (ms)', { exact: true }).inputValue()).toBe('5000');
    await page.getByLabel('Failure ratio (0–1)').fill('1.5');
    await page.getByRole('button', { name: 'Save breaker settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'breaker.failureRatio' }).first().waitFor();
    expect((await api('GET', flagPath('banner'))).config.breaker.failureRatio).toBe(0.25);
    await page.getByLabel('Failure ratio (0–1)').fill('0.4');
    await page.getByRole('button', { name: 'Save breaker settings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Breaker settings saved as version/ })
      .waitFor()
      .catch(async (error) => {
        throw new Error(`${error}: ${await page.getByRole('form', { name: 'Breaker settings' }).textContent()}`);
      });
    const edited = (await api('GET', flagPath('banner'))).config;
    expect(edited.breaker).toEqual({ ...BREAKER, failureRatio: 0.4 });
    expect(edited.rules).toHaveLength(1);
  });

  scenario('shows a trip as the SDK reports it, pins it killed with no recovery, and restores it', async () => {
    await flagWithBreaker('payments');
    const now = new Date();
    await postEvents({
      instance,
      guards: [
        {
          flag: 'payments',
          windowStart: new Date(now.getTime() - 1000).toISOString(),
          windowMs: 1000,
          calls: 231,
          failures: 120,
          timeouts: 3,
          probe: false,
        },
      ],
    });
    await postEvents({
      instance,
      trips: [
        {
          flag: 'payments',
          at: now.toISOString(),
          windowMs: 5000,
          calls: 231,
          failures: 120,
          timeouts: 3,
          failureRatio: 120 / 231,
          probe: false,
        },
      ],
    });

    const page = await session();
    await page.goto(`${service.baseUrl}/projects/${P}/environments/${E}`);
    await page.locator('li[data-flag="payments"]').getByText('Breaker open').first().waitFor();

    await page.goto(`${service.baseUrl}${flagPath('payments')}`);
    const state = page.getByTestId('breaker-state');
    await state.filter({ hasText: 'Breaker open' }).waitFor();
    const trip = page.getByTestId('breaker-trip');
    await trip
      .getByText(/of 231 calls failed/)
      .first()
      .waitFor();
    await trip.locator('.breaker-instances').getByText('checkout@host-7').waitFor();
    expect(await trip.textContent()).toContain(' UTC');
    expect(await page.getByTestId('breaker-next').textContent()).toMatch(
      /^Probe at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
    );
    expect(await page.getByTestId('failure-sparkline').getAttribute('aria-label')).toContain('120 of 231');

    await page.getByRole('button', { name: 'Pin: no auto-recovery' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('until the provider confirms the fix');
    await page.getByRole('dialog').getByRole('button', { name: 'Pin killed' }).click();
    await state.filter({ hasText: 'Pinned: killed, no auto-recovery' }).waitFor();
    const pinned = await api('GET', `${flagPath('payments')}/breaker`);
    expect(pinned.state).toBe('pinned');
    expect(pinned.nextActionAt).toBeNull();
    expect((await api('GET', flagPath('payments'))).config.killed).not.toBeNull();

    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('provider fixed');
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await state.filter({ hasText: 'Closed' }).waitFor();
    expect((await api('GET', `${flagPath('payments')}/breaker`)).state).toBe('closed');
    const restored = (await api('GET', flagPath('payments'))).config;
    expect(restored.killed).toBeNull();
    expect(restored.breaker).toEqual(BREAKER);
  });
});
