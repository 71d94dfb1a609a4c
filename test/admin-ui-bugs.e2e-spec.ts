import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RecordRecentContexts, RecordSdkReport } from '@switchyard/delivery';
import { createClient } from '@switchyard/sdk';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, ensureAdminUiBuilt, launchBrowser } from './support/browser.js';
import { startApp, type StartedApp } from './support/start-app.js';

// Issue 13's bugs, each reproduced in Debian's Chromium against the real service; each scenario saves a
// screenshot of the fixed screen under test-results/ (uibugs-<n>-….png).
const P = 'shop';
const E = 'production';
const RESULTS = join(process.cwd(), 'test-results');

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `uibugs-${name}.png`), fullPage: true });
}

describe('issue 13 bugs in the admin UI, in a real browser', () => {
  let service: StartedApp;
  let browser: Browser;
  const sessions = new BrowserSessions();

  const api = async <T = any>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const response = await service.request<T>(method, `/api${path}`, { body, token });
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const configPath = (flag: string) => `/projects/${P}/environments/${E}/flags/${flag}`;
  const flagUrl = (flag: string, tab = '') => `${service.baseUrl}/projects/${P}/environments/${E}/flags/${flag}${tab}`;
  const session = (token: string | null = service.adminToken): Promise<Page> =>
    sessions.open(browser, service.baseUrl, token);
  const scenario = (name: string, run: () => Promise<void>) => sessions.scenario(name, run);
  const ramp = { offVariant: 'off', rules: [], fallthrough: { rollout: { weights: { on: 30_000, off: 70_000 } } } };

  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([startApp(), launchBrowser()]);
    await api('POST', '/projects', { key: P, name: 'Shop' });
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Production', protected: false });
  }, 120_000);

  afterEach(() => sessions.closeAll());

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  scenario(
    '1: "Reload (discard my edits)" reloads the other save with its variants, weights and off variant',
    async () => {
      await api('POST', `/projects/${P}/flags`, { key: 'two-tabs', name: 'Two tabs', type: 'boolean' });
      await api('PUT', configPath('two-tabs'), { ...ramp, on: false, baseVersion: 1 });
      const [a, b] = [await session(), await session()];
      for (const page of [a, b]) {
        await page.goto(flagUrl('two-tabs'));
        await page.getByLabel('Default rule: on %').waitFor();
      }
      await a.getByRole('button', { name: 'Add rule' }).click();
      await b.getByLabel('Default rule: on %').fill('40');
      await b.getByRole('button', { name: 'Save targeting' }).click();
      await b.getByRole('status').filter({ hasText: 'Saved as flag version 3' }).waitFor();
      // B's own editor keeps its variants after its save.
      expect(await b.locator('#off-variant option').allTextContents()).toEqual(['on', 'off']);

      await a.getByText('Someone else saved version 3 while you were editing.').waitFor();
      await a.getByRole('button', { name: 'Reload (discard my edits)' }).first().click();
      await a.getByText('Someone else saved version 3').waitFor({ state: 'detached' });
      expect(await a.locator('#off-variant option').allTextContents()).toEqual(['on', 'off']);
      expect(await a.locator('#off-variant').inputValue()).toBe('off');
      expect(await a.getByLabel('Default rule: on %').inputValue()).toBe('40');
      expect(await a.getByLabel('Default rule: off %').inputValue()).toBe('60');
      expect(await a.getByText('the weights must add up to 100%').count()).toBe(0);
      expect(await a.getByLabel('Rule 1 condition 1: values').count()).toBe(0);
      await shoot(a, '1-reload-keeps-variants');
    },
  );

  scenario(
    '3: the revert dialog shows what changes, on/off included, and lets the person keep the flag on',
    async () => {
      await api('POST', `/projects/${P}/flags`, { key: 'went-live', name: 'Went live', type: 'boolean' });
      await api('PUT', configPath('went-live'), { ...ramp, on: false, baseVersion: 1 });
      await api('PUT', configPath('went-live'), {
        ...ramp,
        on: true,
        fallthrough: { variant: 'on' },
        baseVersion: 2,
        reason: 'go live',
      });
      const page = await session();
      await page.goto(flagUrl('went-live', '/history'));
      await page.locator('li[data-version="2"]').getByRole('button', { name: 'Revert to version 2' }).click();
      const dialog = page.getByRole('dialog');
      const changes = dialog.getByRole('list', { name: 'What the revert changes' });
      await changes.getByText('fallthrough.rollout').first().waitFor();
      const onOff = dialog.getByRole('checkbox', { name: /Also switch the flag off, as it was in version 2/ });
      expect(await onOff.isChecked()).toBe(false);
      await dialog.getByText('The flag stays on.').waitFor();
      expect(await changes.locator('code', { hasText: /^on$/ }).count()).toBe(0);

      await onOff.check();
      await changes.locator('code', { hasText: /^on$/ }).waitFor();
      expect(await changes.locator('li', { has: page.locator('code', { hasText: /^on$/ }) }).textContent()).toMatch(
        /true.*false/,
      );
      await shoot(page, '3-revert-shows-on-off');
      await onOff.uncheck();
      await dialog.getByRole('button', { name: 'Revert to version 2' }).click();
      await page.getByRole('status').filter({ hasText: 'Reverted to flag version 2' }).waitFor();
      const now = await api('GET', configPath('went-live'));
      expect(now.version).toBe(4);
      expect(now.config.on).toBe(true);
      expect(now.config.fallthrough).toEqual(ramp.fallthrough);
    },
  );

  scenario(
    '4: revoking asks first, naming the SDK instances that use the key, and warns about your own token',
    async () => {
      const used = await api('POST', `/projects/${P}/environments/${E}/sdk-keys`, { name: 'checkout' });
      for (const appName of ['checkout-api', 'checkout-api']) {
        const client = createClient({ sdkKey: used.key, baseUrl: service.baseUrl, appName });
        await client.waitUntilReady({ timeoutMs: 5000 });
        await client.close();
      }
      await service.app.get(RecordSdkReport).flush();
      const mine = await api('POST', '/tokens', { name: 'my admin token', role: 'admin' });
      const page = await session(mine.token);
      await page.getByRole('link', { name: 'Keys & tokens' }).click();

      await page.getByRole('button', { name: 'Revoke checkout' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('2 SDK instances used this key in the last hour: checkout-api (2)').waitFor();
      await shoot(page, '4-revoke-sdk-key-names-users');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect((await api('GET', `/projects/${P}/environments/${E}/sdk-keys`)).items[0].revokedAt).toBeFalsy();
      await page.getByRole('button', { name: 'Revoke checkout' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke checkout' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Revoke checkout' }).waitFor({ state: 'detached' });
      expect((await api('GET', `/projects/${P}/environments/${E}/sdk-keys`)).items[0].revokedAt).toBeTruthy();

      await page.getByRole('button', { name: 'Revoke my admin token' }).click();
      await page
        .getByRole('dialog')
        .getByText('This is the token you are signed in with: revoking it signs you out at once.')
        .waitFor();
      await shoot(page, '4-revoke-own-token-warns');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      expect((await service.request('GET', '/api/me', { token: mine.token })).status).toBe(200);
      await page.getByRole('heading', { name: 'Admin tokens' }).waitFor();
    },
  );
  scenario('also: the new-flag form drops the key error once the key is fixed', async () => {
    const page = await session();
    await page.getByRole('button', { name: 'New flag' }).click();
    const form = page.locator('form.create-flag');
    await page.getByLabel('Key', { exact: true }).fill('Bad Key');
    await form.getByRole('button', { name: 'Create flag' }).click();
    await form.locator('.field-error').first().waitFor();
    await page.getByLabel('Key', { exact: true }).fill('good-key');
    await form.locator('.field-error').first().waitFor({ state: 'detached' });
    expect(await form.getByRole('alert').count()).toBe(0);
    await shoot(page, 'also-new-flag-key-error-cleared');
  });

  scenario('also: restoring in a list filtered to "Killed" keeps the row and its feedback', async () => {
    await api('POST', `/projects/${P}/flags`, { key: 'was-killed', name: 'Was killed', type: 'boolean' });
    await api('POST', `${configPath('was-killed')}/kill`, { reason: 'incident' });
    const page = await session();
    await page.getByLabel('State').selectOption('killed');
    const row = page.locator('li[data-flag="was-killed"]');
    await row.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('fixed');
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await row.getByRole('status').filter({ hasText: 'was-killed is restored in production.' }).waitFor();
    await row.getByText('No longer killed').waitFor();
    await row.locator('[data-state="off"]').waitFor();
    await shoot(page, 'also-restore-in-killed-list');
    await page.getByLabel('State').selectOption('');
    await page.getByLabel('State').selectOption('killed');
    await row.waitFor({ state: 'detached' });
  });

  scenario('also: the impact line on an off flag says why nothing changes', async () => {
    await api('POST', `/projects/${P}/flags`, { key: 'still-off', name: 'Still off', type: 'boolean' });
    const { key } = await api('POST', `/projects/${P}/environments/${E}/sdk-keys`, { name: 'impact' });
    const client = createClient({ sdkKey: key, baseUrl: service.baseUrl, appName: 'impact', contextSampleSize: 50 });
    await client.waitUntilReady({ timeoutMs: 5000 });
    for (let i = 0; i < 20; i++) client.getBoolean('still-off', { key: `user-${i}` }, false);
    await client.close();
    await service.app.get(RecordRecentContexts).flush();
    const page = await session();
    await page.goto(flagUrl('still-off'));
    const line = page.getByTestId('ramp-impact');
    await line.getByText('Would change the variant for 0 of 20 recent contexts').waitFor();
    expect(await line.textContent()).toContain('The flag is off: every context gets its off variant (off)');
    await shoot(page, 'also-impact-on-off-flag');
  });

  scenario('also: preview drops the previous result when the context is not valid JSON', async () => {
    await api('POST', `/projects/${P}/flags`, { key: 'previewed', name: 'Previewed', type: 'boolean' });
    const page = await session();
    await page.goto(flagUrl('previewed', '/preview'));
    await page.getByRole('button', { name: `Evaluate in ${E}` }).click();
    await page.getByTestId('preview-value').waitFor();
    await page.getByLabel(/^Context/).fill('{ "key": ');
    await page.getByRole('button', { name: `Evaluate in ${E}` }).click();
    await page.getByText('The context is not valid JSON.').waitFor();
    expect(await page.getByTestId('preview-value').count()).toBe(0);
    await shoot(page, 'also-preview-invalid-json');
  });

  scenario('also: history, keys and tokens show times in UTC with the zone, like the audit log', async () => {
    await api('POST', `/projects/${P}/flags`, { key: 'timed', name: 'Timed', type: 'boolean' });
    await api('POST', `/projects/${P}/environments/${E}/sdk-keys`, { name: 'timed-key' });
    const page = await session();
    const utc = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/;
    await page.goto(flagUrl('timed', '/history'));
    expect(await page.locator('li[data-version="1"] time').textContent()).toMatch(utc);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.locator('table.audit time').first().waitFor();
    expect(await page.locator('table.audit time').first().textContent()).toMatch(utc);
    await page.getByRole('link', { name: 'Keys & tokens' }).click();
    const keyRow = page.getByRole('listitem').filter({ hasText: 'timed-key' });
    await keyRow.waitFor();
    expect(await keyRow.textContent()).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    const tokenRow = page.getByRole('listitem').filter({ hasText: 'bootstrap' }).first();
    expect(await tokenRow.textContent()).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    await shoot(page, 'also-times-in-utc');
  });
});

describe('issue 13 bug 2: a project with no environment, in a real browser', () => {
  let service: StartedApp;
  let browser: Browser;
  const sessions = new BrowserSessions();
  const api = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await service.request<T>(method, `/api${path}`, { body });
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([startApp(), launchBrowser()]);
    await api('POST', '/projects', { key: P, name: 'Shop' });
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Production', protected: false });
    // Created over the API, sorting before "shop", with no environment.
    await api('POST', '/projects', { key: 'aaa-new', name: 'AAA new' });
  }, 120_000);

  afterEach(() => sessions.closeAll());

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  sessions.scenario(
    '2: lands everyone on a project that has an environment, with the switcher to the empty one',
    async () => {
      const consoleErrors: string[] = [];
      for (const role of ['admin', 'editor', 'viewer'] as const) {
        const token =
          role === 'admin' ? service.adminToken : (await api('POST', '/tokens', { name: role, role })).token;
        const page = await sessions.open(browser, service.baseUrl, null);
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text());
        });
        await page.goto(`${service.baseUrl}/`);
        await page.getByLabel('Admin token').fill(token);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: /^Flags/ }).waitFor();
        expect(new URL(page.url()).pathname).toBe(`/projects/${P}/environments/${E}`);

        await page.getByLabel('Project').selectOption('aaa-new');
        if (role === 'admin') {
          await page.getByRole('heading', { name: 'Create an environment for aaa-new' }).waitFor();
          const key = page.getByLabel('Key');
          await key.fill('Not A Key');
          expect(await key.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true);
          await key.fill('staging');
          expect(await key.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true);
          await shoot(page, '2-empty-project-admin');
        } else {
          await page.getByText('aaa-new has no environment yet. Ask an admin to create one.').waitFor();
          expect(await page.getByRole('button', { name: /Create/ }).count()).toBe(0);
          if (role === 'editor') await shoot(page, '2-empty-project-editor');
        }
        // The switcher and the sections stay, so nobody is locked out.
        await page.getByLabel('Project').selectOption(P);
        await page.getByRole('heading', { name: /^Flags/ }).waitFor();
      }
      expect(consoleErrors).toEqual([]);
    },
  );
});
