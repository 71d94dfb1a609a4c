import { type Attack } from './game-day.js';
import { attackFigures, findings, type FindingInputs } from './findings.js';

const at = (iso: string) => new Date(`2026-12-02T${iso}Z`);

const attack: Attack = {
  index: 0,
  faultFlag: 'errs',
  variant: 'errors-50',
  targets: [{ percent: 100 }],
  stepMs: 300_000,
  durationMs: 300_000,
  stopWhen: { failureRate: { flag: 'checkout', above: 0.5 } },
  status: 'finished',
  step: 0,
  startedAt: at('10:00:30.000'),
  endedAt: at('10:05:30.000'),
  stopReason: 'time box of 5 min reached',
};

const inputs = (over: Partial<FindingInputs> = {}): FindingInputs => ({
  minutes: {
    checkout: [
      { minute: at('09:58:00.000'), calls: 200, failures: 2 },
      { minute: at('10:01:00.000'), calls: 100, failures: 38 },
    ],
  },
  trips: [],
  alertsSent: [],
  p99During: {},
  now: at('10:10:00.000'),
  nothingCanFire: false,
  ...over,
});

describe('findings', () => {
  it('finds the alert that did not fire while a guarded flag failed above 10%', () => {
    expect(findings([attack], inputs())).toEqual([
      {
        at: at('10:01:00.000'),
        attack: 0,
        message: 'no alert fired while checkout errors were at 38% (attack 1: errors-50 on errs)',
      },
    ]);
  });

  it('finds nothing when a webhook delivery was sent within a minute of the effect', () => {
    expect(findings([attack], inputs({ alertsSent: [at('10:01:45.000')] }))).toEqual([]);
    expect(findings([attack], inputs({ alertsSent: [at('10:02:01.000')] }))).toHaveLength(1);
  });

  it('does not judge an effect less than a minute old, unless nothing can fire any more', () => {
    const now = at('10:01:30.000');
    expect(findings([attack], inputs({ now }))).toEqual([]);
    expect(findings([attack], inputs({ now, nothingCanFire: true }))).toHaveLength(1);
  });

  it('counts a trip as an effect even without failure figures', () => {
    const quiet = inputs({ minutes: {}, trips: [{ flag: 'checkout', at: at('10:02:00.000') }] });
    expect(findings([attack], quiet)[0]!.message).toMatch(/^no alert fired while the breaker tripped on checkout/);
  });

  it('compares the attack’s minutes with the same number of minutes before it', () => {
    expect(attackFigures([attack], inputs())).toEqual([
      {
        attack: 0,
        flag: 'checkout',
        before: { calls: 200, failureRate: 0.01, p99Ms: null },
        during: { calls: 100, failureRate: 0.38, p99Ms: null },
      },
    ]);
  });
});
