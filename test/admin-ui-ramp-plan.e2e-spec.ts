import { seedEnvironmentWithKeyId } from '@switchyard/delivery/testing';
import { adminUiSuite } from './support/admin-ui.js';

const P = 'shop';
const E = 'production';

describe("the admin UI's ramp plan in a real browser", () => {
  const ui = adminUiSuite({ env: { SCHEDULER_TICK_MS: '100' } });
  const { api, session, scenario } = ui;
  const flagPath = (flag: string) => `/projects/${P}/environments/${E}/flags/${flag}`;

  beforeAll(async () => {
    await seedEnvironmentWithKeyId(ui.service, P, E);
  }, 120_000);

  scenario(
    'starts a plan from the flag page (a bad percentage said under its field), shows its timeline, pauses and resumes it',
    async () => {
      await api('POST', `/projects/${P}/flags`, { key: 'search-v2', name: 'Search v2', kind: 'dark-launch' });
      const page = await session();
      await page.goto(`${ui.service.baseUrl}${flagPath('search-v2')}/dark-launch`);
      const panel = page.getByRole('region', { name: 'Ramp plan' });
      await panel.getByText(`No ramp plan in ${E}`).waitFor();
      await panel.getByRole('button', { name: 'Create a ramp plan' }).click();
      await panel.getByLabel('Step 2 live percent').fill('150');
      await panel.getByRole('button', { name: 'Start the plan' }).click();
      await panel.getByRole('alert').filter({ hasText: /100/ }).first().waitFor();
      expect((await ui.service.request('GET', `/api${flagPath('search-v2')}/ramp-plan`)).status).toBe(404);

      await panel.getByLabel('Step 2 live percent').fill('10');
      await panel.getByRole('button', { name: 'Start the plan' }).click();
      await panel.getByTestId('ramp-state').filter({ hasText: 'Running: step 1 of 4' }).waitFor();
      await panel.getByTestId('ramp-health').filter({ hasText: 'waiting: 0 of 500 runs' }).waitFor();
      const steps = panel.getByRole('list', { name: 'Ramp steps' }).getByRole('listitem');
      expect(await steps.allTextContents()).toEqual([
        'Step 1: shadow 100%, live 0%, hold 10 min (current)',
        'Step 2: shadow 90%, live 10%, hold 10 min (next)',
        'Step 3: shadow 75%, live 25%, hold 10 min (upcoming)',
        'Step 4: shadow 0%, live 100%, hold 10 min (upcoming)',
      ]);
      expect(await steps.first().getAttribute('aria-current')).toBe('step');
      const served = await api('GET', flagPath('search-v2'));
      expect(served.config.fallthrough.rollout.weights).toEqual({ live: 0, shadow: 100_000, off: 0 });

      await panel.getByRole('button', { name: 'Pause the plan' }).click();
      await panel.getByTestId('ramp-state').filter({ hasText: 'Paused at step 1 of 4' }).waitFor();
      expect((await api('GET', `${flagPath('search-v2')}/ramp-plan`)).state).toBe('paused');
      await panel.getByRole('button', { name: 'Resume the plan' }).click();
      await panel.getByTestId('ramp-state').filter({ hasText: 'Running: step 1 of 4' }).waitFor();
      expect((await api('GET', `${flagPath('search-v2')}/ramp-plan`)).state).toBe('running');
    },
  );

  scenario('reaches the ramp plan from the flag page through its Dark launch tab', async () => {
    await api('POST', `/projects/${P}/flags`, { key: 'pricing', name: 'Pricing', kind: 'dark-launch' });
    const page = await session();
    await page.goto(`${ui.service.baseUrl}${flagPath('pricing')}`);
    expect(await page.getByRole('region', { name: 'Ramp plan' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Flag sections' }).getByRole('link', { name: 'Dark launch' }).click();
    await page.getByRole('region', { name: 'Ramp plan' }).getByText(`No ramp plan in ${E}`).waitFor();
  });
});
