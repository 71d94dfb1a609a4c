import { DURATION_BUCKETS_MS, histogramQuantile } from './dark-launch-report.js';

const counts = (byIndex: Record<number, number>) => DURATION_BUCKETS_MS.map((_, i) => byIndex[i] ?? 0);

describe('dark-launch reports', () => {
  it('has the 20 duration buckets of the shared contract', () => {
    expect(DURATION_BUCKETS_MS).toEqual([
      0.05,
      0.1,
      0.2,
      0.5,
      1,
      2,
      5,
      10,
      20,
      50,
      100,
      200,
      500,
      1000,
      2000,
      5000,
      10000,
      20000,
      30000,
      Infinity,
    ]);
  });

  it('reads a quantile as the upper bound of the bucket where the running count reaches the rank', () => {
    expect(histogramQuantile(counts({}), 0.99)).toBeNull();
    expect(histogramQuantile(counts({ 3: 1 }), 0.99)).toBe(0.5);
    expect(histogramQuantile(counts({ 0: 50, 9: 50 }), 0.5)).toBe(0.05);
    expect(histogramQuantile(counts({ 0: 50, 9: 50 }), 0.51)).toBe(50);
    expect(histogramQuantile(counts({ 0: 99, 19: 1 }), 0.99)).toBe(0.05);
    expect(histogramQuantile(counts({ 0: 98, 19: 2 }), 0.99)).toBe(Infinity);
  });
});
