import { seedEnvironmentWithKeyId } from '@switchyard/delivery/testing';
import { adminUiSuite } from './support/admin-ui.js';
import { breakerFlag, guardsBatch, instance, postEvents as post, tripBatch } from './support/breaker.js';

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
  const ui = adminUiSuite();
  const { api, session, scenario } = ui;
  let sdkKey: string;
  const flagPath = (flag: string) => `/projects/${P}/environments/${E}/flags/${flag}`;
  const flagWithBreaker = (key: string) => breakerFlag(ui.service, key, BREAKER, { project: P, environment: E });
  /** A batch as the SDK's guard sends it (the minute's outcomes; a trip in a batch of its own). */
  const postEvents = async (body: unknown): Promise<void> => {
    const status = await post(ui.service, sdkKey, body);
    if (status >= 300) throw new Error(`events → ${status}`);
  };
  const from = instance(7);

  beforeAll(async () => {
    ({ key: sdkKey } = await seedEnvironmentWithKeyId(ui.service, P, E));
  }, 120_000);

  scenario("keeps the flag's breaker settings through a targeting save, and edits them", async () => {
    await flagWithBreaker('banner');
    const page = await session();
    await page.goto(`${ui.service.baseUrl}${flagPath('banner')}`);
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Rule 1 condition 1: attribute').fill('country');
    await page.getByLabel('Rule 1 condition 1: values').fill('FR');
    await page.getByLabel('Rule 1: variant').selectOption('on');
    await page.getByRole('button', { name: 'Save targeting' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Saved as flag version \d+/ })
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
    await postEvents(
      guardsBatch('payments', from, {
        calls: 231,
        failures: 120,
        timeouts: 3,
        windowStart: new Date(now.getTime() - 1000),
      }),
    );
    await postEvents(tripBatch('payments', from, { at: now.toISOString(), windowMs: 5000 }));

    const page = await session();
    await page.goto(`${ui.service.baseUrl}/projects/${P}/environments/${E}`);
    await page.locator('li[data-flag="payments"]').getByText('Breaker open').first().waitFor();

    await page.goto(`${ui.service.baseUrl}${flagPath('payments')}`);
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
