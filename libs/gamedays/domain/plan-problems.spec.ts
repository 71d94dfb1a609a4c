import { planProblems } from './plan-problems.js';

const attack = (over: Record<string, unknown> = {}) => ({
  faultFlag: 'latency',
  variant: 'latency-2s',
  targets: [{ instances: ['host-3'] }, { percent: 10 }, { percent: 50 }],
  ...over,
});
const paths = (body: unknown) => planProblems(body, 10_000).problems.map((p) => p.path);

describe('planProblems', () => {
  it('fills in the defaults: a 5 min time box, each step held an equal share', () => {
    const { problems, plan } = planProblems({ name: ' friday ', attacks: [attack()] }, 10_000);
    expect(problems).toEqual([]);
    expect(plan).toEqual({
      name: 'friday',
      attacks: [{ ...attack(), durationMs: 300_000, stepMs: 100_000, stopWhen: {} }],
    });
  });

  it('names every bad field', () => {
    expect(
      paths({
        name: 'x',
        attacks: [
          attack({ variant: 'none', durationMs: 9_999, stepMs: 0 }),
          attack({ targets: [{ percent: 50 }, { percent: 49 }], durationMs: 900_001 }),
          attack({
            targets: [{ instances: ['a b'] }, { percent: 101 }, { both: 1 }],
            stopWhen: { p99Ms: { flag: 'x' } },
          }),
        ],
        extra: 1,
      }),
    ).toEqual([
      'extra',
      'attacks.0.variant',
      'attacks.0.durationMs',
      'attacks.0.stepMs',
      'attacks.1.targets.1.percent',
      'attacks.1.durationMs',
      'attacks.2.targets.0.instances.0',
      'attacks.2.targets.1.percent',
      'attacks.2.targets.2',
      'attacks.2.stopWhen.p99Ms.above',
    ]);
  });

  it('refuses steps that would start after the time box', () => {
    const { problems } = planProblems({ name: 'x', attacks: [attack({ durationMs: 60_000, stepMs: 30_000 })] }, 10_000);
    expect(problems).toEqual([expect.objectContaining({ path: 'attacks.0.stepMs', code: 'AFTER_TIME_BOX' })]);
  });

  it('bounds the plan: 1 to 20 attacks, 1 to 10 steps', () => {
    expect(paths({ name: 'x', attacks: [] })).toEqual(['attacks']);
    expect(paths({ name: 'x', attacks: Array(21).fill(attack()) })).toEqual(['attacks']);
    expect(paths({ name: 'x', attacks: [attack({ targets: Array(11).fill({ percent: 1 }) })] })).toEqual([
      'attacks.0.targets',
    ]);
  });
});
