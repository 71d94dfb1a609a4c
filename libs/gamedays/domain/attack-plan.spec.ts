import { dueByClock, stepConfig } from './attack-plan.js';
import type { Attack } from './game-day.js';

const preRun = {
  on: false,
  offVariant: 'none',
  rules: [],
  fallthrough: { variant: 'none' },
  prerequisites: [],
  salt: 's',
};
const attack = (startedAt: Date | null, step = 0): Attack => ({
  index: 0,
  faultFlag: 'slow',
  variant: 'latency-2s',
  targets: [{ instances: ['host-3'] }, { percent: 10 }, { percent: 50 }],
  stepMs: 100,
  durationMs: 300,
  stopWhen: {},
  status: 'running',
  step,
  startedAt,
  endedAt: null,
  stopReason: null,
});

describe('the attack plan', () => {
  it('serves the variant to the step’s instances by a rule on instanceId, none to the rest', () => {
    expect(stepConfig(preRun, 'latency-2s', { instances: ['host-3'] })).toMatchObject({
      on: true,
      salt: 's',
      rules: [
        {
          conditions: [{ attribute: 'instanceId', operator: 'in', values: ['host-3'] }],
          serve: { variant: 'latency-2s' },
        },
      ],
      fallthrough: { variant: 'none' },
    });
  });

  it('serves a percentage step as a rollout of contexts', () => {
    expect(stepConfig(preRun, 'latency-2s', { percent: 12.5 }).fallthrough).toEqual({
      rollout: { weights: { 'latency-2s': 12_500, none: 87_500 } },
    });
  });

  it('moves to the step the clock has reached, and to the time box at its end', () => {
    const start = new Date(1_000_000);
    const after = (ms: number) => new Date(start.getTime() + ms);
    expect(dueByClock(attack(start), after(99))).toEqual({ kind: 'none' });
    expect(dueByClock(attack(start), after(250))).toEqual({ kind: 'step', step: 2 });
    expect(dueByClock(attack(start, 2), after(299))).toEqual({ kind: 'none' });
    expect(dueByClock(attack(start, 2), after(300))).toEqual({ kind: 'time-box' });
    expect(dueByClock(attack(null), after(1000))).toEqual({ kind: 'none' });
  });
});
