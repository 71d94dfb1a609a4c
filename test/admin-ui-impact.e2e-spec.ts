import { bucket } from '@switchyard/evaluation';
import { RecordRecentContexts } from '@switchyard/delivery';
import { createClient } from '@switchyard/sdk';
import { adminUiSuite } from './support/admin-ui.js';

const P = 'shop';
const FLAG = 'new-checkout';
const users = Array.from({ length: 200 }, (_, i) => ({ key: `user-${i}` }));

describe('the ramp impact in the admin UI, in a real browser', () => {
  const ui = adminUiSuite();
  const { api, session, scenario } = ui;
  const configPath = (env: string) => `/projects/${P}/environments/${env}/flags/${FLAG}`;
  const halfRamp = {
    on: true,
    offVariant: 'off',
    rules: [],
    fallthrough: { rollout: { weights: { on: 50_000, off: 50_000 } } },
  };

  beforeAll(async () => {
    await api('POST', '/projects', { key: P, name: 'Shop' });
    for (const env of ['production', 'staging'])
      await api('POST', `/projects/${P}/environments`, { key: env, name: env, protected: false });
    await api('POST', `/projects/${P}/flags`, { key: FLAG, name: 'New checkout', type: 'boolean' });
    for (const env of ['production', 'staging']) {
      const current = await api('GET', configPath(env));
      await api('PUT', configPath(env), { ...halfRamp, baseVersion: current.version });
    }
    // A real SDK reports the contexts it evaluated in production.
    const { key } = await api('POST', `/projects/${P}/environments/production/sdk-keys`, { name: 'ui-impact' });
    const client = createClient({
      sdkKey: key,
      baseUrl: ui.service.baseUrl,
      appName: 'ui-impact',
      contextSampleSize: 500,
    });
    await client.waitUntilReady({ timeoutMs: 5000 });
    for (const user of users) client.getBoolean(FLAG, user, false);
    await client.close();
    // The SDK's close sent its last batch; the service buffers reported contexts: write them now.
    await ui.service.app.get(RecordRecentContexts).flush();
    expect((await api('POST', `${configPath('production')}/impact`, halfRamp)).sampled).toBe(users.length);
  }, 120_000);

  scenario('shows how many recent contexts the ramp would change, updating as the ramp moves', async () => {
    const page = await session();
    await page.goto(`${ui.service.baseUrl}/projects/${P}/environments/production/flags/${FLAG}`);
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
    await page.goto(`${ui.service.baseUrl}/projects/${P}/environments/staging/flags/${FLAG}`);
    await page.getByTestId('ramp-impact').getByText('No SDK has reported contexts for this environment yet').waitFor();
  });
});
