import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@switchyard/sdk';
import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, ensureAdminUiBuilt, launchBrowser } from './support/browser.js';
import { startApp, type StartedApp } from './support/start-app.js';

// Production safety and lifecycle in the admin UI, in Debian's Chromium against the real service: a protected
// environment asks for a confirmation naming it and a reason on every change from the list and the flag page;
// flag versions and environment versions are labelled apart; lifecycle badges, the archived view with
// unarchive, and variant edits.
const P = 'shop';
const E = 'production';
const RESULTS = join(process.cwd(), 'test-results');

describe('production safety and lifecycle in the admin UI', () => {
  let service: StartedApp;
  let browser: Browser;
  const sessions = new BrowserSessions();

  const api = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await service.request<T>(method, `/api${path}`, { body });
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const config = (flag: string) => api(`GET`, `/projects/${P}/environments/${E}/flags/${flag}`);
  const versions = async (flag: string) =>
    (await api(`GET`, `/projects/${P}/environments/${E}/flags/${flag}/versions`)).items;
  const createFlag = (key: string, extra: object = {}) =>
    api('POST', `/projects/${P}/flags`, { key, name: key, type: 'boolean', ...extra });
  const listUrl = () => `${service.baseUrl}/projects/${P}/environments/${E}`;
  const flagUrl = (flag: string) => `${listUrl()}/flags/${flag}`;
  // The single-environment list (with two environments the matrix is the default view).
  const productionListUrl = () => `${listUrl()}?view=list`;
  const session = (): Promise<Page> => sessions.open(browser, service.baseUrl, service.adminToken);
  const scenario = (name: string, run: () => Promise<void>) => sessions.scenario(name, run);
  const shoot = async (page: Page, name: string) => {
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, `uisafety-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([startApp(), launchBrowser()]);
    await api('POST', '/projects', { key: P, name: 'Shop' });
    // Named so, production starts protected; staging does not.
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Production' });
    await api('POST', `/projects/${P}/environments`, { key: 'staging', name: 'Staging' });
  }, 120_000);

  afterEach(() => sessions.closeAll());

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  scenario('asks for a confirmation naming production and a reason before a toggle from the list', async () => {
    await createFlag('list-toggle');
    const page = await session();
    await page.goto(productionListUrl());
    await page.getByTestId('protected-badge').waitFor();
    await page.getByRole('button', { name: 'list-toggle is off: turn it on' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Turn list-toggle on in ${E}?` }).waitFor();
    expect(await dialog.getByTestId('protected-note').textContent()).toContain(`(${E}) is a protected environment`);
    await shoot(page, 'toggle-confirmation');
    await dialog.getByRole('button', { name: 'Turn on' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: `${E} is protected` })
      .waitFor();
    expect((await config('list-toggle')).config.on).toBe(false);
    await dialog.getByLabel('Reason').fill('launch in production');
    await dialog.getByRole('button', { name: 'Turn on' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await config('list-toggle')).config.on).toBe(true);
    expect((await versions('list-toggle'))[0]).toMatchObject({ kind: 'toggle', reason: 'launch in production' });
  });

  scenario(
    'confirms a targeting save in production with the reason typed beside it, and labels the two versions',
    async () => {
      await createFlag('page-save');
      const { key } = await api('POST', `/projects/${P}/environments/${E}/sdk-keys`, { name: 'fleet' });
      const client = createClient({ sdkKey: key, baseUrl: service.baseUrl, appName: 'uisafety', ackFlushDelayMs: 10 });
      try {
        await client.waitUntilReady({ timeoutMs: 5000 });
        const page = await session();
        await page.goto(flagUrl('page-save'));
        await page.getByTestId('config-version').waitFor();
        expect(await page.locator('.flag-head').textContent()).toContain('flag version 1');
        await page.getByLabel('Off variant').selectOption('on');
        await page.getByLabel('Reason for this change').fill('serve on while off');
        await page.getByRole('button', { name: 'Save targeting' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('heading', { name: `Save the targeting of page-save in ${E}?` }).waitFor();
        expect(await dialog.getByLabel('Reason').inputValue()).toBe('serve on while off');
        await dialog.getByRole('button', { name: 'Save targeting' }).click();
        await page.getByRole('status').filter({ hasText: 'Saved as flag version 2.' }).waitFor();
        expect((await versions('page-save'))[0]).toMatchObject({ version: 2, reason: 'serve on while off' });

        await page.getByRole('button', { name: 'Kill', exact: true }).click();
        await page.getByRole('dialog').getByTestId('protected-note').waitFor();
        await page.getByRole('dialog').getByLabel('Reason').fill('incident');
        await page.getByRole('dialog').getByRole('button', { name: 'Kill now' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `page-save is killed in ${E}` })
          .waitFor();
        const environmentVersion = (await api('GET', `/projects/${P}/environments`)).items.find(
          (environment: { key: string }) => environment.key === E,
        ).version;
        await page
          .getByRole('status')
          .filter({ hasText: `Environment version ${environmentVersion} applied by 1 of 1 live SDK instance` })
          .waitFor();
        // The flag's head and the delivery line refresh apart: wait for the head's label, then read it.
        await page.locator('.flag-head', { hasText: 'flag version 3' }).waitFor();
        expect(await page.locator('.flag-head').textContent()).toContain('flag version 3');
        await shoot(page, 'flag-and-environment-versions');
      } finally {
        await client.close();
      }
    },
  );

  scenario('asks again for a revert from the history, naming production', async () => {
    await createFlag('page-revert');
    await api('PUT', `/projects/${P}/environments/${E}/flags/page-revert`, {
      ...{ on: false, offVariant: 'on', rules: [], fallthrough: { variant: 'on' } },
      baseVersion: 1,
      reason: 'set up',
    });
    const page = await session();
    await page.goto(`${flagUrl('page-revert')}/history`);
    await page.getByRole('button', { name: 'Revert to version 1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Revert page-revert to flag version 1 in ${E}?` }).waitFor();
    await dialog.getByRole('button', { name: 'Revert to version 1' }).click();
    await dialog.getByRole('alert').waitFor();
    expect((await config('page-revert')).version).toBe(2);
    await dialog.getByLabel('Reason').fill('back to off');
    await dialog.getByRole('button', { name: 'Revert to version 1' }).click();
    await page.getByRole('status').filter({ hasText: 'Reverted to flag version 1' }).waitFor();
    expect((await config('page-revert')).version).toBe(3);
  });

  scenario('lets an admin lift the protection with a reason; the list then toggles at once', async () => {
    await createFlag('unprotected-toggle');
    const page = await session();
    await page.goto(productionListUrl());
    await page.getByRole('button', { name: `Lift protection of ${E}` }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('game day rehearsal');
    await page.getByRole('dialog').getByRole('button', { name: 'Lift protection' }).click();
    await page.getByTestId('protected-badge').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'unprotected-toggle is off: turn it on' }).click();
    await page.getByRole('button', { name: 'unprotected-toggle is on: turn it off' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: `Protect ${E}` }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('rehearsal over');
    await page.getByRole('dialog').getByRole('button', { name: 'Protect' }).click();
    await page.getByTestId('protected-badge').waitFor();
    const audit = await service.database.dataSource.query(
      `SELECT reason, details FROM audit_log WHERE action = 'environment.protection-changed' ORDER BY id`,
    );
    expect(audit).toEqual([
      { reason: 'game day rehearsal', details: { protected: false } },
      { reason: 'rehearsal over', details: { protected: true } },
    ]);
  });

  scenario(
    'shows temporary or permanent, age and the stale marker, and unarchives from the archived view',
    async () => {
      await createFlag('old-release');
      await createFlag('kill-switch', { temporary: false });
      await service.database.dataSource.query(
        `UPDATE flags SET created_at = now() - interval '45 days' WHERE key IN ('old-release', 'kill-switch')`,
      );
      await api('POST', `/projects/${P}/flags/kill-switch/archive`, { reason: 'replaced' });
      const page = await session();
      await page.goto(productionListUrl());
      const row = page.locator('li[data-flag="old-release"]');
      expect(await row.getByTestId('lifecycle').textContent()).toContain('Temporary 45 days old');
      expect(await row.getByTestId('stale').getAttribute('title')).toBe(
        'older than its expected lifetime (40 days for a temporary flag); never evaluated by any SDK, and created 7 days ago or more',
      );
      expect(await page.locator('li[data-flag="list-toggle"]').getByTestId('stale').count()).toBe(0);
      await shoot(page, 'lifecycle');

      await page.getByLabel('Archived flags').check();
      const archived = page.locator('li[data-flag="kill-switch"]');
      expect(await archived.getByTestId('lifecycle').textContent()).toContain('Permanent');
      expect(await page.locator('li[data-flag="old-release"]').count()).toBe(0);
      await archived.getByRole('button', { name: 'Unarchive' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('protected-note').waitFor();
      await dialog.getByLabel('Reason').fill('still needed');
      await dialog.getByRole('button', { name: 'Unarchive' }).click();
      await archived.waitFor({ state: 'detached' });
      expect((await api('GET', `/projects/${P}/flags/kill-switch`)).archivedAt).toBeNull();
      await page.getByLabel('Archived flags').uncheck();
      await page.locator('li[data-flag="kill-switch"]').waitFor();
    },
  );

  scenario('adds a variant and says who uses one that cannot be removed', async () => {
    await createFlag('colour', { type: 'string', variants: { off: 'grey', on: 'blue' } });
    const page = await session();
    await page.goto(flagUrl('colour'));
    await page.getByText('Flag settings (all environments)').click();
    const variants = page.getByRole('region', { name: 'Variants' });
    await variants.getByLabel('New variant').fill('teal');
    await variants.getByLabel('Value').fill('#0aa');
    await variants.getByRole('button', { name: 'Add variant' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('a third colour');
    await page.getByRole('dialog').getByRole('button', { name: 'Change variants' }).click();
    await variants.locator('li[data-variant="teal"]').waitFor();
    expect((await api('GET', `/projects/${P}/flags/colour`)).variants).toEqual({
      off: 'grey',
      on: 'blue',
      teal: '#0aa',
    });

    await variants.locator('li[data-variant="on"]').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('try');
    await page.getByRole('dialog').getByRole('button', { name: 'Change variants' }).click();
    await variants.getByRole('alert').filter({ hasText: '"on" cannot be removed: its config in' }).waitFor();
    expect(Object.keys((await api('GET', `/projects/${P}/flags/colour`)).variants)).toContain('on');
    await shoot(page, 'variants');
  });
});
