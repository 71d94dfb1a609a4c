import { DURATION_BUCKETS_MS } from './dark-launch-types.js';
import { bucketOf, DurationHistogram, percentileOf } from './duration-histogram.js';

describe('the duration histogram', () => {
  it('has the 20 buckets of the shared contract', () => {
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

  it('files a duration under the first upper bound at or above it (bounds inclusive)', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.05)).toBe(0);
    expect(bucketOf(0.051)).toBe(1);
    expect(bucketOf(1)).toBe(4);
    expect(bucketOf(1.5)).toBe(5);
    expect(bucketOf(30_000)).toBe(18);
    expect(bucketOf(30_001)).toBe(19);
    expect(bucketOf(-3)).toBe(0);
    expect(bucketOf(Number.NaN)).toBe(0);
    for (let i = 0; i < DURATION_BUCKETS_MS.length - 1; i++) expect(bucketOf(DURATION_BUCKETS_MS[i]!)).toBe(i);
  });

  it('reads a percentile as the upper bound of the bucket where the running count reaches the rank', () => {
    const histogram = new DurationHistogram();
    for (let i = 0; i < 98; i++) histogram.record(0.3);
    histogram.record(40);
    histogram.record(40_000);
    expect(histogram.total).toBe(100);
    expect(percentileOf(histogram.counts, 0.5)).toBe(0.5);
    expect(percentileOf(histogram.counts, 0.99)).toBe(50);
    expect(percentileOf(histogram.counts, 1)).toBe(Infinity);
    expect(percentileOf(new DurationHistogram().counts, 0.99)).toBeNull();
  });
});
