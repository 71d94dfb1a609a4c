import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, ensureAdminUiBuilt, launchBrowser } from './support/browser.js';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually } from './support/wait.js';

const P = 'shop';
const E = 'staging';

/** A time `ms` from now as a datetime-local value in UTC, to the second. */
const utcLocal = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);
/** How the UI writes that time: `2027-01-31 09:00:05 UTC`, seconds left out when they are zero. */
const shown = (local: string) => `${(local.endsWith(':00') ? local.slice(0, 16) : local).replace('T', ' ')} UTC`;

describe("the admin UI's scheduled changes in a real browser", () => {
  let service: StartedApp;
  let browser: Browser;
  const sessions = new BrowserSessions();

  const api = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await service.request<T>(method, `/api${path}`, { body });
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const envPath = `/projects/${P}/environments/${E}`;
  const flagPath = (flag: string) => `${envPath}/flags/${flag}`;
  const session = (): Promise<Page> => sessions.open(browser, service.baseUrl, service.adminToken);
  const scenario = (name: string, run: () => Promise<void>) => sessions.scenario(name, run);

  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([startApp({ env: { SCHEDULER_TICK_MS: '50' } }), launchBrowser()]);
    await api('POST', '/projects', { key: P, name: 'Shop' });
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Staging' });
  }, 120_000);

  afterEach(() => sessions.closeAll());

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  scenario('schedules a targeting edit at a UTC time from the flag page and shows it applied', async () => {
    await api('POST', `/projects/${P}/flags`, { key: 'launch', name: 'launch', type: 'boolean' });
    const page = await session();
    await page.goto(`${service.baseUrl}${flagPath('launch')}`);
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Rule 1 condition 1: attribute').fill('country');
    await page.getByLabel('Rule 1 condition 1: values').fill('FR');
    await page.getByLabel('Rule 1: variant').selectOption('on');
    await page.getByRole('button', { name: 'Schedule this change…' }).click();
    const at = utcLocal(4000);
    await page.getByLabel('Apply at (UTC)').fill(at);
    expect(await page.getByTestId('schedule-at-text').textContent()).toContain(`${shown(at)}`);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Say why' }).waitFor();
    await page.getByLabel('Reason for the scheduled change').fill('France first');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Scheduled for ${shown(at)}, based on version 1.` })
      .waitFor();
    expect((await api('GET', flagPath('launch'))).version).toBe(1);
    await page
      .getByTestId('pending-schedules')
      .filter({
        hasText: `1 scheduled change pending for this flag; next: Replace the targeting (planned on version 1) at ${shown(at)}`,
      })
      .waitFor();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Scheduled changes' }).click();
    const row = page.getByTestId('scheduled-launch');
    await row.getByText('Replace the targeting (planned on version 1)').waitFor();
    await row.getByText('France first').waitFor();
    // The environment's live version moves when the scheduler applies it: the list reloads by itself.
    await row.getByText(/Applied at .* UTC as version 2/).waitFor({ timeout: 20_000 });
    const applied = await api('GET', flagPath('launch'));
    expect(applied.config.rules).toHaveLength(1);
    const [latest] = (await api('GET', `${flagPath('launch')}/versions`)).items;
    expect(latest.actor.type).toBe('scheduler');
  });

  scenario('lists a stale change with its reason and cancels a pending one', async () => {
    await api('POST', `/projects/${P}/flags`, { key: 'banner', name: 'banner', type: 'boolean' });
    const stale = await api('POST', `${envPath}/scheduled-changes`, {
      flag: 'banner',
      kind: 'toggle',
      on: true,
      baseVersion: 1,
      at: new Date(Date.now() + 1500).toISOString(),
      reason: 'show it',
    });
    await api('POST', `${flagPath('banner')}/toggle`, { on: false, baseVersion: 1, reason: 'not yet' });
    await api('PUT', flagPath('banner'), {
      baseVersion: 1,
      on: false,
      offVariant: 'off',
      rules: [],
      fallthrough: { variant: 'off' },
      reason: 'someone else',
    });
    await eventually(
      'stale',
      () => api('GET', `${envPath}/scheduled-changes/${stale.id}`),
      (c) => c.state === 'stale',
    );
    const page = await session();
    await page.goto(`${service.baseUrl}${envPath}/scheduled`);
    await page.getByText('Schedule an on/off, kill or restore').click();
    const form = page.getByRole('form', { name: 'Schedule a switch' });
    await form.getByLabel('Flag').fill('banner');
    await form.getByLabel('Change').selectOption('kill');
    const at = utcLocal(3_600_000);
    await form.getByLabel('At (UTC)').fill(at);
    await form.getByLabel('Reason').fill('end of campaign');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Scheduled: Kill of banner at ${shown(at)}.` })
      .waitFor();
    await page.getByLabel('State').selectOption('stale');
    const staleRow = page.locator('tr[data-state="stale"]');
    await staleRow.getByText('Not applied: the flag was at version 2, not the version 1 it was planned on').waitFor();
    await page.getByLabel('State').selectOption('pending');
    const pending = page.locator('tr[data-state="pending"]');
    await pending.getByText('end of campaign').waitFor();
    await pending.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Cancelled: Kill of banner' }).waitFor();
    await page.getByLabel('State').selectOption('cancelled');
    await page
      .locator('tr[data-state="cancelled"]')
      .getByText(/Cancelled by/)
      .waitFor();
    const listed = (await api('GET', `${envPath}/scheduled-changes?flag=banner`)).items;
    expect(listed.map((c: { state: string }) => c.state).sort()).toEqual(['cancelled', 'stale']);
  });
});
