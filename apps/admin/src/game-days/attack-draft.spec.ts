import { attackInputOf, newAttackDraft } from './attack-draft.js';

describe('attack drafts', () => {
  it('reads the form into the attack the service takes', () => {
    const draft = {
      ...newAttackDraft('checkout-faults', 'errors-50'),
      targets: ['instances host-3', '10%', '50%'],
      durationMinutes: '5',
      breakerTrips: ['checkout'],
      failureRateFlag: 'checkout',
      failureRatePercent: '20',
      p99Flag: 'checkout',
      p99Ms: '800',
    };
    expect(attackInputOf(draft, 0)).toEqual({
      input: {
        faultFlag: 'checkout-faults',
        variant: 'errors-50',
        targets: [{ instances: ['host-3'] }, { percent: 10 }, { percent: 50 }],
        durationMs: 300_000,
        stopWhen: {
          breakerTrips: ['checkout'],
          failureRate: { flag: 'checkout', above: 0.2 },
          p99Ms: { flag: 'checkout', above: 800 },
        },
      },
      problems: [],
    });
  });

  it('sends no stop conditions and no step hold when none are given', () => {
    const { input } = attackInputOf({ ...newAttackDraft('f', 'latency-2s'), targets: ['25%'] }, 1);
    expect(input.stopWhen).toBeUndefined();
    expect(input.stepMs).toBeUndefined();
    expect(attackInputOf({ ...newAttackDraft('f', 'v'), targets: ['25%'], stepSeconds: '90' }, 1).input.stepMs).toBe(
      90_000,
    );
  });

  it('names the target step it cannot read, at the path the service would use', () => {
    const { problems } = attackInputOf({ ...newAttackDraft('f', 'v'), targets: ['10%', 'lots'] }, 2);
    expect(problems).toEqual([{ path: 'attacks.2.targets.1', message: expect.stringContaining('Step 2') }]);
  });
});
