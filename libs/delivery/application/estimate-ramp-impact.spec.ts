import { bucket, type EvaluationContext, type Flag } from '@switchyard/evaluation';
import { FixedConfigProposals } from '../testing/fixed-config-proposals.js';
import { InMemoryRecentContextStore } from '../testing/in-memory-recent-context-store.js';
import { EstimateRampImpact } from './estimate-ramp-impact.js';

const flag = (weights: Record<string, number>, on = true): Flag => ({
  key: 'checkout',
  type: 'boolean',
  version: 1,
  variants: { on: true, off: false },
  offVariant: 'off',
  on,
  rules: [
    { id: 'staff', conditions: [{ attribute: 'staff', operator: 'in', values: [true] }], serve: { variant: 'on' } },
  ],
  fallthrough: { rollout: { weights } },
});

/** The contexts recently seen in env-1, the environment the proposals are in (any other has none). */
const recent = (contexts: EvaluationContext[], since: Date | null) =>
  new InMemoryRecentContextStore({ environmentId: 'env-1', contexts, since });

const target = { projectKey: 'shop', environmentKey: 'prod', flagKey: 'checkout' };
const users = Array.from({ length: 400 }, (_, i) => ({ key: `user-${i}` }));

describe('EstimateRampImpact', () => {
  it('counts the contexts a 50% → 100% ramp moves from off to on, as bucketing decides', async () => {
    const estimate = new EstimateRampImpact(
      new FixedConfigProposals(flag({ on: 50_000, off: 50_000 })),
      recent(users, new Date('2026-11-24T10:00:00Z')),
    );
    const impact = await estimate.execute(target, { fallthrough: { rollout: { weights: { on: 100_000, off: 0 } } } });
    const expected = users.filter((user) => bucket('checkout', user.key) >= 50_000).length;
    expect(expected).toBeGreaterThan(0);
    expect(impact).toEqual({
      sampled: 400,
      changed: expected,
      transitions: [{ from: 'off', to: 'on', count: expected }],
      since: '2026-11-24T10:00:00.000Z',
    });
  });

  it('leaves out contexts a targeting rule already serves', async () => {
    const staff = users.map((user) => ({ ...user, staff: true }));
    const estimate = new EstimateRampImpact(
      new FixedConfigProposals(flag({ on: 0, off: 100_000 })),
      recent(staff, new Date()),
    );
    const impact = await estimate.execute(target, { fallthrough: { rollout: { weights: { on: 100_000, off: 0 } } } });
    expect(impact.changed).toBe(0);
    expect(impact.transitions).toEqual([]);
  });

  it('lists every kind of change, most frequent first', async () => {
    const estimate = new EstimateRampImpact(
      new FixedConfigProposals(flag({ on: 30_000, off: 70_000 })),
      recent(users, new Date()),
    );
    const impact = await estimate.execute(target, { on: false });
    const wasOn = users.filter((user) => bucket('checkout', user.key) < 30_000).length;
    expect(impact.changed).toBe(wasOn);
    expect(impact.transitions).toEqual([{ from: 'on', to: 'off', count: wasOn }]);
  });

  it('says plainly that nothing was sampled when no contexts were reported', async () => {
    const estimate = new EstimateRampImpact(
      new FixedConfigProposals(flag({ on: 50_000, off: 50_000 })),
      recent([], null),
    );
    expect(await estimate.execute(target, { on: false })).toEqual({
      sampled: 0,
      changed: 0,
      transitions: [],
      since: null,
    });
  });

  it('evaluates at most its limit of recent contexts', async () => {
    const estimate = new EstimateRampImpact(
      new FixedConfigProposals(flag({ on: 50_000, off: 50_000 })),
      recent(users, new Date()),
      10,
    );
    expect((await estimate.execute(target, { on: false })).sampled).toBe(10);
  });
});
