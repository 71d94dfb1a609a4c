import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { adminUiSuite } from './support/admin-ui.js';

const RESULTS = join(process.cwd(), 'test-results');
const P = 'shop';
const E = 'production';

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `uiaudit-${name}.png`), fullPage: true });
}

// The readable audit log (issue 13) in Debian's Chromium against the real service: actions in words, each row
// linked to its flag and to that version's diff on the flag's history, flag keys offered as you type, and the
// filters kept in the URL.
describe("the admin UI's audit log in a real browser", () => {
  const suite = adminUiSuite();
  const flag = `/projects/${P}/environments/${E}/flags/checkout`;
  const auditUrl = (query = '') => `${suite.service.baseUrl}/projects/${P}/environments/${E}/audit${query}`;
  const rows = (page: Page) => page.getByTestId('audit-entry');

  beforeAll(async () => {
    const { api } = suite;
    await api('POST', '/projects', { key: P, name: 'Shop' });
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Production', protected: false });
    for (const key of ['checkout', 'checkout-banner', 'search'])
      await api('POST', `/projects/${P}/flags`, { key, name: key, type: 'boolean' });
    await api('POST', `${flag}/toggle`, { on: true }); // v2
    await api('POST', `${flag}/toggle`, { on: false }); // v3
    await api('POST', `${flag}/kill`, { reason: 'incident 12' }); // v4
    await api('POST', `${flag}/restore`, { reason: 'fixed' }); // v5
    await api('POST', `${flag}/revert`, { version: 2, reason: 'back to launch config' }); // v6
    await api('POST', `/projects/${P}/environments/${E}/flags/search/toggle`, { on: true });
    // A row written before the details said on/off (they held only {version, kind}).
    await suite.service.database.dataSource.query(
      `UPDATE audit_log SET details = '{"version": 2, "kind": "toggle"}'
        WHERE flag_key = 'search' AND action = 'flag-config.toggled'`,
    );
  });

  suite.scenario('shows toggles, kill, restore and revert in words, old rows sensibly', async () => {
    const page = await suite.session();
    await page.goto(auditUrl());
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await rows(page).first().waitFor();
    const actions = await page.locator('[data-testid="audit-entry"] .audit-action').allTextContents();
    expect(actions.slice(0, 6)).toEqual([
      'turned on or off',
      'reverted to v2',
      'restored',
      'killed',
      'turned off',
      'turned on',
    ]);
    expect(await rows(page).nth(3).textContent()).toContain('incident 12');
    await screenshot(page, 'readable');
  });

  suite.scenario('links a row to its flag and to that version’s diff, which opens at the right version', async () => {
    const page = await suite.session();
    await page.goto(auditUrl());
    await page.getByRole('link', { name: `diff of v3 of checkout in ${E}`, exact: true }).click();
    await page.waitForURL(`**${flag}/history/3`);
    const focused = page.locator('li.history-item[aria-current="true"]');
    await focused.waitFor();
    expect(await focused.getAttribute('data-version')).toBe('3');
    expect(await focused.textContent()).toContain('Flag version 3');
    expect(await focused.getByRole('list', { name: 'Changes' }).textContent()).toMatch(/on\s*true\s*→?\s*false/);
    await page.getByText('Showing the diff of flag version 3').waitFor();
    expect(await page.locator('li.history-item[aria-current="true"]').count()).toBe(1);
    await screenshot(page, 'diff-link');

    // Reloading the linked address opens the same version; the flag link opens the flag in its environment.
    await page.reload();
    await page.locator('li.history-item[aria-current="true"][data-version="3"]').waitFor();
    await page.goto(auditUrl());
    await page
      .getByRole('link', { name: `checkout in ${E}`, exact: true })
      .first()
      .click();
    await page.waitForURL(`**${flag}`);
    await page.getByRole('heading', { name: 'checkout', exact: true }).waitFor();
  });

  suite.scenario('offers the project’s flag keys as you type, and keeps the filters in the URL', async () => {
    const page = await suite.session();
    await page.goto(auditUrl());
    const input = page.getByRole('combobox', { name: 'Flag' });
    expect(await input.getAttribute('list')).toBe('audit-flag-keys');
    await page.locator('#audit-flag-keys option[value="search"]').waitFor({ state: 'attached' });
    expect(
      await page
        .locator('#audit-flag-keys option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
    ).toEqual(['checkout', 'checkout-banner', 'search']);

    await input.fill('checkout');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/audit\?flag=checkout$/);
    await page.locator('[data-testid="audit-entry"] .audit-action', { hasText: 'reverted to v2' }).waitFor();
    // The unfiltered rows (search's among them) stay until the filtered page arrives: wait for them to go.
    await page.locator('[data-testid="audit-entry"]', { hasText: '/ search' }).first().waitFor({ state: 'detached' });
    const targets = await page.locator('[data-testid="audit-entry"] td:nth-child(4)').allTextContents();
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toContain('/ checkout');

    await page.reload();
    expect(await page.getByRole('combobox', { name: 'Flag' }).inputValue()).toBe('checkout');
    await page.locator('[data-testid="audit-entry"] .audit-action', { hasText: 'reverted to v2' }).waitFor();
    expect(await page.locator('[data-testid="audit-entry"]', { hasText: '/ search' }).count()).toBe(0);
    await screenshot(page, 'filtered');
  });
});
