import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import type { Page } from 'playwright-core';
import { adminUiSuite } from './support/admin-ui.js';
import { within } from './support/wait.js';

// The admin UI's game-day pages (issue 15) in Debian's Chromium against the real service and the real SDK:
// a run planned through the form, pre-checks saying what is missing, a forced start in a protected environment
// (with its reason), the attack in the live timeline, a note, stop everything, the fault flag back to `none`
// in a connected SDK, and the Markdown export holding the events.
const P = 'shop';
const E = 'production';
const RESULTS = join(process.cwd(), 'test-results');
/** A context of the instance the first step targets, as the SDK sends it for a fault. */
const HOST_3 = { key: 'probe', instanceId: 'host-3', hostname: 'host-3' };
const HOST_4 = { key: 'probe', instanceId: 'host-4', hostname: 'host-4' };

describe("the admin UI's game-day pages in a real browser", () => {
  const suite = adminUiSuite();
  const { api, scenario } = suite;
  let sdkKey: string;
  const shoot = async (page: Page, name: string): Promise<void> => {
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, `uigamedays-${name}.png`), fullPage: true });
  };
  const served = (client: SwitchyardClient, context: object): string | undefined =>
    client.getDetails('checkout-faults', context, {}).variant;
  /** Resolves once the SDK serves `variant` to `context`: checked now and at every change it receives. */
  const untilServed = (client: SwitchyardClient, context: object, variant: string): Promise<void> =>
    within(
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (served(client, context) !== variant) return;
          client.off('changed', check);
          resolve();
        };
        client.on('changed', check);
        check();
      }),
      `the SDK serving ${variant} to ${JSON.stringify(context)}`,
    );

  beforeAll(async () => {
    await api('POST', '/projects', { key: P, name: 'Shop' });
    // Named so, production is protected: starting a run there asks for a reason.
    await api('POST', `/projects/${P}/environments`, { key: E, name: 'Production' });
    ({ key: sdkKey } = await api('POST', `/projects/${P}/environments/${E}/sdk-keys`, { name: 'fleet' }));
    await api('POST', `/projects/${P}/flags`, { key: 'checkout', name: 'Checkout', type: 'boolean' });
  });

  scenario(
    'plans a run through the form, shows what is missing, starts it forced, notes, stops everything, exports',
    async () => {
      const page = await suite.session();
      // The fault flag, made from the flag list as a new user would.
      await page.getByRole('button', { name: 'New flag' }).click();
      await page.getByLabel('Key').fill('checkout-faults');
      await page.getByLabel('Name', { exact: true }).fill('Checkout faults');
      await page.getByLabel('Type', { exact: true }).selectOption('fault');
      await page.getByRole('button', { name: 'Create flag' }).click();
      await page.getByRole('heading', { name: 'Checkout faults' }).waitFor();
      const created = await api('GET', `/projects/${P}/flags/checkout-faults`);
      expect([created.type, Object.keys(created.variants).sort()]).toEqual([
        'json',
        ['errors-50', 'latency-2s', 'none'],
      ]);

      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Game days' }).click();
      await page.getByRole('heading', { name: `Game days in ${E}` }).waitFor();
      await page.getByText(`No run in ${E} yet.`).waitFor();
      await page.getByRole('button', { name: 'New run' }).click();

      const form = page.getByRole('form', { name: 'New run' });
      await form.getByLabel('Name').fill('Checkout without payments');
      // The picker offers fault flags only, and the variants of the one picked.
      const flagPicker = form.getByLabel('Fault flag');
      expect(await flagPicker.locator('option').allTextContents()).toEqual(['Checkout faults (checkout-faults)']);
      await form.getByLabel('Fault (variant)').selectOption('errors-50');
      const steps = form.getByRole('group', { name: 'Attack 1 target steps' });
      await steps.getByLabel('Step 1').fill('instances host-3');
      await steps.getByRole('button', { name: 'Remove step 3' }).click();
      expect(await steps.getByLabel('Step 2').inputValue()).toBe('10%');
      expect(await form.getByLabel(/Duration/).inputValue()).toBe('5');
      await form.getByLabel(/A breaker trips on/).selectOption(['checkout']);
      await shoot(page, '1-new-run-form');
      await form.getByRole('button', { name: 'Plan the run' }).click();

      await page.getByRole('heading', { name: 'Checkout without payments' }).waitFor();
      const attacks = page.getByRole('table', { name: 'Attacks' });
      expect(await attacks.textContent()).toMatch(/checkout-faults → errors-50.*instances host-3.*10%.*5 min/);
      expect(await attacks.textContent()).toContain('a breaker trips on checkout');

      // Pre-checks: no webhook, no SDK connected; Start is disabled until "start anyway" is ticked.
      const missing = page.getByRole('list', { name: 'Missing before the start' });
      await missing.locator('[data-code="NO_WEBHOOKS"]').waitFor();
      await missing.locator('[data-code="NO_CONNECTED_SDKS"]').waitFor();
      expect(await missing.getByRole('link', { name: /add one in Alerts/ }).getAttribute('href')).toBe(
        `/projects/${P}/environments/${E}/webhooks`,
      );
      expect(await missing.getByRole('link', { name: 'see Connected SDKs' }).getAttribute('href')).toBe(
        `/projects/${P}/environments/${E}/sdks`,
      );
      const start = page.getByRole('button', { name: 'Start the run' });
      expect(await start.isDisabled()).toBe(true);
      await shoot(page, '2-prechecks');
      await page.getByLabel(/Start anyway/).check();
      await start.click();

      // Production is protected: the start asks for a reason, and refuses to go without one.
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('protected-note').waitFor();
      await dialog.getByRole('button', { name: 'Start the run' }).click();
      await dialog.getByText(/Say why: production is protected/).waitFor();
      expect((await api('GET', `/projects/${P}/environments/${E}/game-days`)).runs[0].status).toBe('planned');
      await dialog.getByLabel('Reason').fill('Failure Friday: checkout without payments');
      await dialog.getByRole('button', { name: 'Start the run' }).click();
      await dialog.waitFor({ state: 'detached' });

      // The attack runs: in the timeline (UTC to the millisecond, in words) and in a connected SDK, on host-3 only.
      const timeline = page.getByRole('table', { name: 'Timeline' });
      const started = timeline.locator('tr[data-kind="attack-started"]');
      await started.waitFor();
      expect(await started.textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTCAttack started1/);
      const client = createClient({ sdkKey, baseUrl: suite.service.baseUrl, appName: 'checkout-api' });
      try {
        await client.waitUntilReady({ timeoutMs: 5000 });
        await untilServed(client, HOST_3, 'errors-50');
        expect(served(client, HOST_4)).toBe('none');

        await page.getByLabel('Note (a discovery, a TODO)').fill('No page went out for checkout: TODO alert on 5xx');
        await page.getByRole('button', { name: 'Add note' }).click();
        await timeline.locator('tr[data-kind="note"]', { hasText: 'TODO alert on 5xx' }).waitFor();
        await shoot(page, '3-running');

        // Stop everything: one click, one confirmation naming the environment.
        await page.getByRole('button', { name: 'Stop everything' }).click();
        const stop = page.getByRole('dialog', { name: /Stop everything in Production \(production\)/ });
        await stop.getByRole('button', { name: 'Stop everything now' }).click();
        await stop.waitFor({ state: 'detached' });
        await page.locator('.page-head [data-status="stopped"]').waitFor();
        await timeline.locator('tr[data-kind="run-stopped"]').waitFor();
        expect(await page.getByRole('button', { name: 'Stop everything' }).count()).toBe(0);
        await untilServed(client, HOST_3, 'none');
        await shoot(page, '4-stopped');
      } finally {
        await client.close();
      }

      // The Markdown export holds the events.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export Markdown' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('game-day-checkout-without-payments.md');
      const markdown = readFileSync((await file.path())!, 'utf8');
      expect(markdown).toContain('Checkout without payments');
      expect(markdown).toContain('TODO alert on 5xx');
      expect(markdown).toMatch(/\d\d:\d\d:\d\d\.\d{3}/);

      // The list shows the run stopped, with its UTC times.
      await page.getByRole('link', { name: `← Game days in ${E}` }).click();
      const row = page.getByRole('table', { name: 'Runs' }).getByRole('row', { name: /Checkout without payments/ });
      expect(await row.textContent()).toMatch(/Stopped.*UTC.*UTC/);
    },
  );

  scenario("shows the service's validation messages next to the fields, and what it cannot read", async () => {
    const runs = async (): Promise<number> =>
      (await api('GET', `/projects/${P}/environments/${E}/game-days`)).runs.length;
    const planned = await runs();
    const page = await suite.session();
    await page.goto(`${suite.service.baseUrl}/projects/${P}/environments/${E}/game-days`);
    await page.getByRole('button', { name: 'New run' }).click();
    const form = page.getByRole('form', { name: 'New run' });
    await form.getByLabel('Name').fill('Too long');
    const steps = form.getByRole('group', { name: 'Attack 1 target steps' });
    await steps.getByLabel('Step 1').fill('half of them');
    await form.getByRole('button', { name: 'Plan the run' }).click();
    await steps.getByText(/Step 1: write "instances host-3" or a percentage/).waitFor();

    await steps.getByLabel('Step 1').fill('instances host-3');
    await form.getByLabel(/Duration/).fill('20');
    await form.getByRole('button', { name: 'Plan the run' }).click();
    // The service's message shows right under the Duration field, and nothing was planned.
    const durationMessage = form
      .getByLabel(/Duration/)
      .locator('xpath=following-sibling::ul[contains(@class, "field-error")][1]');
    await durationMessage.waitFor();
    expect(await durationMessage.textContent()).toMatch(/900000|15 min/);
    await shoot(page, '5-validation');
    expect(await runs()).toBe(planned);
  });
});
