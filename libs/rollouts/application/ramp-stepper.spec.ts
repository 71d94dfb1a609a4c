import { FakeRampFigures, InMemoryRampFlags, InMemoryRampPlanStore } from '../testing/in-memory-rollouts.js';
import type { RampPlanInput } from '../domain/ramp-plan.js';
import { AdvanceRampPlans } from './advance-ramp-plans.js';
import { PauseRampPlan } from './pause-ramp-plan.js';
import { RampStepper } from './ramp-stepper.js';
import { ResumeRampPlan } from './resume-ramp-plan.js';
import { SaveRampPlan } from './save-ramp-plan.js';

const person = { type: 'token' as const, id: 'token:bob', name: 'bob' };
const target = { projectKey: 'shop', environmentKey: 'prod', flagKey: 'checkout', actor: person };
const input: RampPlanInput = {
  steps: [
    { shadowPercent: 100, livePercent: 0, holdMs: 60_000 },
    { shadowPercent: 90, livePercent: 10, holdMs: 60_000 },
    { shadowPercent: 75, livePercent: 25, holdMs: 60_000 },
  ],
  thresholds: { maxCandidateErrorPercent: 1, maxMismatchPercent: 5, maxP99Ratio: 2, minSample: 500 },
  onBreach: 'rollback',
};
const healthy = { compared: 1_000, matches: 1_000, controlP99Ms: 10, candidateP99Ms: 12 };

function setup(start = new Date('2026-12-02T00:00:00.000Z')) {
  let now = start;
  const clock = () => now;
  const flags = new InMemoryRampFlags();
  const figures = new FakeRampFigures();
  const store = new InMemoryRampPlanStore();
  flags.add('checkout');
  const advance = new AdvanceRampPlans(store, new RampStepper(flags, figures, store), (message, error) => {
    throw new Error(`${message}: ${String(error)}`);
  });
  return {
    flags,
    figures,
    store,
    save: new SaveRampPlan(flags, store, clock),
    pause: new PauseRampPlan(flags, store, clock),
    resume: new ResumeRampPlan(flags, store, clock),
    plan: () => store.find('env-prod', 'checkout').then((plan) => plan!),
    /** Moves the clock on and runs one scheduler pass. */
    tick: async (ms: number) => {
      now = new Date(now.getTime() + ms);
      await advance.execute(now);
    },
  };
}

describe('RampStepper', () => {
  it('serves step 1 when started, advances step by step after each healthy hold, then completes', async () => {
    const t = setup();
    await t.save.execute(target, input, undefined);
    expect(t.flags.latest('checkout').weights).toEqual({ live: 0, shadow: 100_000, off: 0 });
    t.figures.set('checkout', healthy);
    await t.tick(30_000); // hold not over
    expect((await t.plan()).currentStep).toBe(0);
    await t.tick(30_000);
    expect((await t.plan()).currentStep).toBe(1);
    expect(t.flags.latest('checkout')).toMatchObject({
      weights: { live: 10_000, shadow: 90_000, off: 0 },
      actor: { id: `ramp-plan:${(await t.plan()).id}` },
    });
    expect(t.flags.latest('checkout').reason).toBe(
      'ramp plan: step 1 → step 2: healthy: candidate errors 0%, mismatches 0% over 1,000 runs; now step 2 (shadow 90%, live 10%)',
    );
    await t.tick(60_000);
    await t.tick(60_000);
    const done = await t.plan();
    expect(done.state).toBe('completed');
    expect(t.flags.versions('checkout').map((v) => v.weights?.live)).toEqual([undefined, 0, 10_000, 25_000]);
  });

  it('waits while a step has fewer runs than its minimum sample, whatever its hold', async () => {
    const t = setup();
    await t.save.execute(target, input, undefined);
    t.figures.set('checkout', { compared: 212 });
    await t.tick(600_000);
    expect((await t.plan()).currentStep).toBe(0);
    expect(t.flags.versions('checkout')).toHaveLength(2);
  });

  it('rolls back to the last healthy step when candidate errors break the threshold, with the figures in the reason', async () => {
    const t = setup();
    await t.save.execute(target, input, undefined);
    t.figures.set('checkout', healthy);
    await t.tick(60_000);
    await t.tick(60_000);
    expect((await t.plan()).currentStep).toBe(2);
    t.figures.set('checkout', { compared: 900, liveCalls: 304, liveFailures: 49 });
    await t.tick(1_000);
    const plan = await t.plan();
    expect(plan.state).toBe('rolled-back');
    expect(plan.currentStep).toBe(1);
    expect(t.flags.latest('checkout').weights).toEqual({ live: 10_000, shadow: 90_000, off: 0 });
    expect(t.flags.latest('checkout').reason).toBe(
      'ramp plan: step 3 → step 2: candidate errors 4.1% > 1% over 1,204 runs; rolled back to step 2 (shadow 90%, live 10%)',
    );
  });

  it('rolls back to off when the first step breaks a threshold', async () => {
    const t = setup();
    await t.save.execute(target, input, undefined);
    t.figures.set('checkout', { compared: 1_000, mismatches: 80 });
    await t.tick(1_000);
    expect(t.flags.latest('checkout').weights).toEqual({ live: 0, shadow: 0, off: 100_000 });
    expect(t.flags.latest('checkout').reason).toMatch(/^ramp plan: step 1 → off: mismatches 8% > 5% over 1,000/);
  });

  it('kills the flag on a breach when the plan says kill', async () => {
    const t = setup();
    await t.save.execute(target, { ...input, onBreach: 'kill' }, undefined);
    t.figures.set('checkout', { ...healthy, candidateP99Ms: 31 });
    await t.tick(1_000);
    expect((await t.plan()).state).toBe('killed');
    expect(t.flags.latest('checkout')).toMatchObject({ killed: true });
    expect(t.flags.latest('checkout').reason).toMatch(/candidate p99 31 ms is 3.1× control's 10 ms > 2×/);
  });

  it("pauses when someone else wrote the flag, and resumes from the flag as it is, restarting the step's hold", async () => {
    const t = setup();
    await t.save.execute(target, input, undefined);
    t.figures.set('checkout', healthy);
    t.flags.personWrites('checkout', 'alice');
    await t.tick(60_000);
    const paused = await t.plan();
    expect(paused).toMatchObject({
      state: 'paused',
      currentStep: 0,
      status: 'paused: version 3 by alice changed the flag',
    });
    expect(t.flags.versions('checkout')).toHaveLength(3);
    await t.resume.execute(target, paused.version);
    expect((await t.plan()).state).toBe('running');
    await t.tick(59_000);
    expect((await t.plan()).currentStep).toBe(0);
    await t.tick(1_000);
    expect((await t.plan()).currentStep).toBe(1);
  });

  it('adopts a version its own plan wrote whose plan update was lost, instead of pausing', async () => {
    const t = setup();
    const plan = await t.save.execute(target, input, undefined);
    const last = t.flags.latest('checkout');
    t.flags
      .versions('checkout')
      .push({ ...last, version: last.version + 1, actor: { id: `ramp-plan:${plan.id}`, name: 'ramp' } });
    t.figures.set('checkout', healthy);
    await t.tick(60_000);
    expect(await t.plan()).toMatchObject({ state: 'running', currentStep: 1 });
  });

  it('never runs a step twice when two schedulers pass over the same plan at once', async () => {
    const t = setup();
    await t.save.execute(target, input, undefined);
    t.figures.set('checkout', healthy);
    const stepper = new RampStepper(t.flags, t.figures, t.store);
    const read = await t.plan();
    const at = new Date(read.stepStartedAt.getTime() + 60_000);
    await Promise.all([stepper.step(read, at), stepper.step(structuredClone(read), at)]);
    expect(t.flags.versions('checkout').map((v) => v.weights?.live)).toEqual([undefined, 0, 10_000]);
    expect((await t.plan()).currentStep).toBe(1);
  });
});
