import { activitySeries, windowSteps } from './flag-activity.js';

const NOW = new Date('2026-12-02T10:15:42Z');

describe('flag activity series', () => {
  it('has one whole step per minute of the last hour, or per hour of the last day, the last one holding now', () => {
    const hour = windowSteps('1h', NOW);
    expect(hour).toHaveLength(60);
    expect(new Date(hour[59]!).toISOString()).toBe('2026-12-02T10:15:00.000Z');
    expect(new Date(hour[0]!).toISOString()).toBe('2026-12-02T09:16:00.000Z');
    const day = windowSteps('1d', NOW);
    expect(day).toHaveLength(24);
    expect(new Date(day[23]!).toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(windowSteps('7d', NOW)).toHaveLength(168);
  });

  it('sums per variant and step, zero for empty steps, the flag’s variants first, and ignores buckets outside', () => {
    const steps = windowSteps('1h', NOW);
    const bucket = (variant: string, start: number, count: number) => ({ variant, start: new Date(start), count });
    const view = activitySeries(
      [
        bucket('on', steps[59]!, 3),
        bucket('on', steps[0]!, 2),
        bucket('renamed', steps[10]!, 1),
        bucket('on', steps[0]! - 60_000, 100), // before the window
      ],
      ['on', 'off'],
      steps,
    );
    expect(view.totals).toEqual([
      { variant: 'on', count: 5 },
      { variant: 'off', count: 0 },
      { variant: 'renamed', count: 1 },
    ]);
    expect(view.total).toBe(6);
    const on = view.series[0]!.counts;
    expect([on.length, on[0], on[59], on.slice(1, 59).every((n) => n === 0)]).toEqual([60, 2, 3, true]);
    expect(view.series[1]!.counts.every((n) => n === 0)).toBe(true);
  });
});
