import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { adminUiSuite } from './support/admin-ui.js';

const RESULTS = resolve(process.cwd(), 'test-results');
const P = 'shop';
const ENVS = ['development', 'staging', 'production'];
const flagsUrl = (base: string, query = '') => `${base}/projects/${P}/environments/production${query}`;

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `uimatrix-${name}.png`), fullPage: true });
}

describe("the admin UI's environment matrix in a real browser", () => {
  const suite = adminUiSuite();
  const { api } = suite;
  const cell = (page: Page, flag: string, env: string) => page.locator(`tr[data-flag="${flag}"] td[data-env="${env}"]`);
  const config = (env: string, flag: string) => api('GET', `/projects/${P}/environments/${env}/flags/${flag}`);

  beforeAll(async () => {
    await api('POST', '/projects', { key: P, name: 'Shop' });
    for (const key of ENVS) await api('POST', `/projects/${P}/environments`, { key, name: key });
    await api('POST', `/projects/${P}/flags`, {
      key: 'new-checkout',
      name: 'New checkout',
      type: 'boolean',
      tags: ['checkout'],
    });
    await api('POST', `/projects/${P}/flags`, { key: 'banner', name: 'Banner', type: 'boolean', tags: ['ui'] });
    await api('POST', `/projects/${P}/flags`, {
      key: 'search-v2',
      name: 'Search v2',
      type: 'boolean',
      tags: ['search'],
    });
    // production is protected (the default for that name): the setup's writes there carry a reason.
    await api('POST', `/projects/${P}/environments/production/flags/new-checkout/toggle`, {
      on: true,
      reason: 'launch',
    });
    await api('POST', `/projects/${P}/environments/staging/flags/banner/kill`, { reason: 'incident 7' });
  });

  suite.scenario(
    'opens the matrix by default with two environments or more and remembers the person’s choice',
    async () => {
      const page = await suite.session();
      const views = page.getByRole('group', { name: 'View' });
      const pressed = async (name: string) => views.getByRole('button', { name }).getAttribute('aria-pressed');
      await page.goto(flagsUrl(suite.service.baseUrl));
      await page.getByRole('table', { name: 'Flags by environment' }).waitFor();
      expect(await pressed('All environments')).toBe('true');
      expect(new URL(page.url()).search).toBe('');
      await page.getByRole('heading', { name: 'Flags in every environment' }).waitFor();

      // Choosing the list goes into the URL and is remembered: a plain visit opens the list again.
      await views.getByRole('button', { name: 'production only' }).click();
      await page.getByRole('heading', { name: 'Flags in production' }).waitFor();
      expect(new URL(page.url()).searchParams.get('view')).toBe('list');
      expect(await page.evaluate(() => window.localStorage.getItem('switchyard.flag-list.view'))).toBe('list');
      await page.goto(flagsUrl(suite.service.baseUrl));
      await page.getByRole('heading', { name: 'Flags in production' }).waitFor();
      expect(await pressed('production only')).toBe('true');
      expect(new URL(page.url()).searchParams.get('view')).toBe('list');
      // A shared link with its view opens that view, whatever was remembered.
      await page.goto(flagsUrl(suite.service.baseUrl, '?view=matrix'));
      await page.getByRole('table', { name: 'Flags by environment' }).waitFor();
      expect(await pressed('All environments')).toBe('true');

      // A project with one environment opens the list.
      await api('POST', '/projects', { key: 'solo', name: 'Solo' });
      await api('POST', '/projects/solo/environments', { key: 'dev', name: 'dev' });
      const fresh = await suite.session();
      await fresh.goto(`${suite.service.baseUrl}/projects/solo/environments/dev`);
      await fresh.getByRole('heading', { name: 'Flags in dev' }).waitFor();
      expect(new URL(fresh.url()).search).toBe('');
      await screenshot(page, 'default-matrix');
    },
  );

  suite.scenario('shows every environment as a column and switches, kills and restores per cell', async () => {
    const page = await suite.session();
    await page.goto(flagsUrl(suite.service.baseUrl));
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'All environments' }).click();
    const table = page.getByRole('table', { name: 'Flags by environment' });
    for (const env of ENVS) await table.getByRole('columnheader', { name: env }).waitFor();
    expect(await cell(page, 'new-checkout', 'production').locator('[data-state]').getAttribute('data-state')).toBe(
      'on',
    );
    expect(await cell(page, 'new-checkout', 'staging').locator('[data-state]').getAttribute('data-state')).toBe('off');
    expect(await cell(page, 'banner', 'staging').locator('[data-state]').getAttribute('data-state')).toBe('killed');

    // Each action is named with its flag and environment.
    await page.getByRole('button', { name: 'Kill new-checkout in production', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('incident 8');
    await dialog.getByRole('button', { name: 'Kill now' }).click();
    await cell(page, 'new-checkout', 'production').locator('[data-state="killed"]').waitFor();
    expect((await config('production', 'new-checkout')).config.killed).toMatchObject({ reason: 'incident 8' });
    expect((await config('staging', 'new-checkout')).config.killed).toBeNull();

    await page.getByRole('button', { name: 'Turn search-v2 on in development', exact: true }).click();
    await cell(page, 'search-v2', 'development').locator('[data-state="on"]').waitFor();
    expect((await config('development', 'search-v2')).config.on).toBe(true);
    expect((await config('production', 'search-v2')).config.on).toBe(false);

    // In the protected production, the cell's switch asks for a reason first (uisafety's confirmation).
    await page.getByRole('button', { name: 'Turn search-v2 on in production', exact: true }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('protected environment').waitFor();
    await confirm.getByLabel('Reason').fill('go live');
    await confirm.getByRole('button', { name: 'Turn on' }).click();
    await cell(page, 'search-v2', 'production').locator('[data-state="on"]').waitFor();
    expect((await config('production', 'search-v2')).config.on).toBe(true);

    await page.getByRole('button', { name: 'Restore banner in staging', exact: true }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('fixed');
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await cell(page, 'banner', 'staging').locator('[data-state="off"]').waitFor();
    expect((await config('staging', 'banner')).config.killed).toBeNull();
    await screenshot(page, 'matrix');
  });

  suite.scenario('keeps search, several tags, state and environments in the URL, through a reload', async () => {
    const page = await suite.session();
    await page.goto(flagsUrl(suite.service.baseUrl, '?view=matrix'));
    await page.locator('tr[data-flag="search-v2"]').waitFor();
    // `/` jumps to the search from anywhere but a field.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox');
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('e');
    await page.getByLabel('Tags').selectOption(['checkout', 'ui']);
    await page.getByLabel('Environments').selectOption(['staging', 'production']);
    await page.locator('tr[data-flag="search-v2"]').waitFor({ state: 'detached' });
    const query = new URL(page.url()).searchParams;
    expect(query.getAll('tag')).toEqual(['checkout', 'ui']);
    expect(query.getAll('env')).toEqual(['staging', 'production']);
    expect(query.get('q')).toBe('e');
    expect(await page.locator('th[data-env="development"]').count()).toBe(0);

    // Shared or reloaded, the address gives the same view; a state filter matches any shown column.
    await page.goto(`${page.url()}&state=killed`);
    await page.locator('tr[data-flag="new-checkout"]').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.getByRole('searchbox').inputValue()).toBe('e');
    expect(
      await page.locator('th[data-env]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-env'))),
    ).toEqual(['staging', 'production']);
    await screenshot(page, 'filters');
  });

  suite.scenario('keeps the header compact at phone width, its sections one row', async () => {
    const page = await suite.session();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(flagsUrl(suite.service.baseUrl));
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'Webhooks' }).waitFor();
    const header = await page.locator('header.top-bar').boundingBox();
    const flags = await nav.getByRole('link', { name: 'Flags' }).boundingBox();
    const webhooks = await nav.getByRole('link', { name: 'Webhooks' }).boundingBox();
    // Two short lines (pickers, sections), however many sections an admin has; nothing scrolls the page sideways.
    expect(header!.height).toBeLessThan(100);
    expect(webhooks!.y).toBe(flags!.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'phone-header');
  });
});
