import { INSTANCES_KEPT_PER_FLAG } from './flag-activity.js';
import { PendingActivity } from './pending-activity.js';

const at = (iso: string) => new Date(iso);
const instance = (id: string) => ({ id, appName: 'app', sdkVersion: '1.0.0' });

describe('PendingActivity', () => {
  it('merges counts per variant into one minute and one hour bucket, and keeps the newest time per flag', () => {
    const pending = new PendingActivity();
    pending.add(
      'env',
      { instance: instance('a'), evaluations: [{ flag: 'f', variant: 'on', count: 2 }] },
      at('2026-12-02T10:15:10Z'),
    );
    pending.add(
      'env',
      {
        instance: instance('b'),
        evaluations: [
          { flag: 'f', variant: 'on', count: 3 },
          { flag: 'f', variant: 'off', count: 1 },
        ],
      },
      at('2026-12-02T10:15:50Z'),
    );
    // The next minute, same hour.
    pending.add(
      'env',
      { instance: instance('a'), evaluations: [{ flag: 'f', variant: 'on', count: 4 }] },
      at('2026-12-02T10:16:01Z'),
    );
    const batch = pending.drain();
    expect(batch.counts.map((c) => [c.stepMs, c.start.toISOString(), c.variant, c.count])).toEqual([
      [60_000, '2026-12-02T10:15:00.000Z', 'off', 1],
      [60_000, '2026-12-02T10:15:00.000Z', 'on', 5],
      [60_000, '2026-12-02T10:16:00.000Z', 'on', 4],
      [3_600_000, '2026-12-02T10:00:00.000Z', 'off', 1],
      [3_600_000, '2026-12-02T10:00:00.000Z', 'on', 9],
    ]);
    expect(batch.lastEvaluations).toEqual([{ environmentId: 'env', flagKey: 'f', at: at('2026-12-02T10:16:01Z') }]);
    expect(batch.instances.map((i) => [i.instanceId, i.lastSeen.toISOString()])).toEqual([
      ['a', '2026-12-02T10:16:01.000Z'],
      ['b', '2026-12-02T10:15:50.000Z'],
    ]);
    expect(pending.isEmpty).toBe(true);
    expect(pending.drain()).toEqual({ counts: [], instances: [], lastEvaluations: [] });
  });

  it('keeps at most the most recently seen instances per flag in memory, whatever the fleet size', () => {
    const pending = new PendingActivity();
    const total = INSTANCES_KEPT_PER_FLAG + 30;
    for (let i = 0; i < total; i++)
      pending.add(
        'env',
        { instance: instance(`i-${i}`), evaluations: [{ flag: 'f', variant: 'on', count: 1 }] },
        new Date(1_000 + i),
      );
    // The first one again: it becomes the newest, so the 31 oldest others give way.
    pending.add(
      'env',
      { instance: instance('i-0'), evaluations: [{ flag: 'f', variant: 'on', count: 1 }] },
      new Date(5_000),
    );
    const { instances, counts } = pending.drain();
    expect(instances).toHaveLength(INSTANCES_KEPT_PER_FLAG);
    const ids = new Set(instances.map((i) => i.instanceId));
    expect(ids.has('i-0')).toBe(true);
    expect(ids.has('i-1')).toBe(false);
    expect(ids.has(`i-${total - 1}`)).toBe(true);
    expect(counts.find((c) => c.stepMs === 60_000)!.count).toBe(total + 1);
  });

  it('ignores counts of zero', () => {
    const pending = new PendingActivity();
    pending.add('env', { instance: instance('a'), evaluations: [{ flag: 'f', variant: 'on', count: 0 }] }, new Date(0));
    expect(pending.isEmpty).toBe(true);
  });
});
