import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { admin, seedEnvironment } from '@switchyard/delivery/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually } from './support/wait.js';

// A ramp plan judged by real figures (issue 12): the real service, the real SDK's darkLaunch over HTTP, its
// reports in the event batches, the darklaunch context's figures. A healthy candidate takes the plan from
// shadow to 25% live step by step; a candidate that then starts failing (one call in ten: well under the
// breaker's 50%, so the breaker does not kill the flag) makes the plan roll back to 10% live by itself, with
// the figures in the audited reason.
const ENV = '/projects/shop/environments/prod';
let app: StartedApp;
let sdk: SwitchyardClient;
let load: NodeJS.Timeout | undefined;
let failing = false;
let calls = 0;

const plan = {
  steps: [
    { shadowPercent: 100, livePercent: 0, holdMs: 1_000 },
    { shadowPercent: 90, livePercent: 10, holdMs: 1_000 },
    { shadowPercent: 75, livePercent: 25, holdMs: 3_600_000 },
  ],
  thresholds: { maxCandidateErrorPercent: 1, maxMismatchPercent: 1, maxP99Ratio: null, minSample: 50 },
  onBreach: 'rollback',
};

const view = () => admin(app, 'GET', `${ENV}/flags/checkout/ramp-plan`);

beforeAll(async () => {
  app = await startApp({ env: { SCHEDULER_TICK_MS: '100' } });
  const sdkKey = await seedEnvironment(app);
  sdk = createClient({ sdkKey, baseUrl: app.baseUrl, appName: 'checkout', darkLaunchFlushIntervalMs: 500 });
  await sdk.waitUntilReady({ timeoutMs: 10_000 });
}, 120_000);

afterAll(async () => {
  clearInterval(load);
  await sdk?.close();
  await app?.close();
});

describe('ramp plan judged by the SDK’s dark-launch figures', () => {
  it('advances with a healthy candidate, then rolls back by itself when the candidate starts failing at 25% live', async () => {
    await admin(app, 'POST', '/projects/shop/flags', { key: 'checkout', name: 'checkout', kind: 'dark-launch' });
    const options = {
      control: () => ({ total: 30 }),
      candidate: () => {
        calls += 1;
        if (failing && calls % 10 === 0) throw new Error('new checkout down');
        return { total: 30 };
      },
    };
    let user = 0;
    load = setInterval(() => {
      for (let i = 0; i < 20; i++) sdk.darkLaunch('checkout', { key: `user-${user++ % 5_000}` }, options);
    }, 20);
    await admin(app, 'PUT', `${ENV}/flags/checkout/ramp-plan`, plan);

    const atStep3 = await eventually('the plan at step 3 (25% live)', view, (plan) => plan.currentStep === 2, {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    expect(atStep3.state).toBe('running');
    expect(atStep3.events.map((event: { kind: string }) => event.kind)).toEqual(['started', 'advanced', 'advanced']);
    expect(atStep3.events[1].message).toMatch(
      /^ramp plan: step 1 → step 2: healthy: candidate errors 0%, mismatches 0% over [\d,]+ runs/,
    );

    failing = true;
    const rolledBack = await eventually('the plan rolled back', view, (plan) => plan.state !== 'running', {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    expect(rolledBack).toMatchObject({ state: 'rolled-back', currentStep: 1 });
    const [latest] = (await admin(app, 'GET', `${ENV}/flags/checkout/versions`)).items;
    expect(latest.actor.id).toBe(`ramp-plan:${rolledBack.id}`);
    expect(latest.config.fallthrough.rollout.weights).toEqual({ live: 10_000, shadow: 90_000, off: 0 });
    expect(latest.config.killed).toBeNull();
    expect(latest.reason).toMatch(
      /^ramp plan: step 3 → step 2: candidate errors \d+(\.\d)?% > 1% over [\d,]+ runs; rolled back to step 2 \(shadow 90%, live 10%\)$/,
    );
  }, 150_000);
});
