import { DURATION_BUCKETS_MS } from './dark-launch-types.js';

const BOUNDS = DURATION_BUCKETS_MS;
const LAST = BOUNDS.length - 1;

/** The index of the bucket `ms` falls in (its upper bound is the first one at or above `ms`). */
export function bucketOf(ms: number): number {
  if (!(ms > BOUNDS[0]!)) return 0; // also NaN and negative values (a clock step): the first bucket
  let low = 1;
  let high = LAST;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ms <= BOUNDS[middle]!) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * A percentile (0 < q ≤ 1) of a histogram of `DURATION_BUCKETS_MS` counts: the upper bound of the bucket where
 * the running count reaches the rank `ceil(q × total)`; `Infinity` for the last bucket (above 30 000 ms), null
 * without a sample.
 */
export function percentileOf(counts: readonly number[], q: number): number | null {
  let total = 0;
  for (const count of counts) total += count;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let running = 0;
  for (let i = 0; i < counts.length; i += 1) {
    running += counts[i]!;
    if (running >= rank) return BOUNDS[i] ?? Infinity;
  }
  return Infinity;
}

/** A fixed-size duration histogram: 20 counters, whatever the traffic. */
export class DurationHistogram {
  readonly counts: number[] = new Array<number>(BOUNDS.length).fill(0);

  record(ms: number): void {
    this.counts[bucketOf(ms)]! += 1;
  }

  /** Adds another histogram's counts (a report put back after a failed send). */
  add(counts: readonly number[]): void {
    for (let i = 0; i < this.counts.length && i < counts.length; i += 1) this.counts[i]! += counts[i]!;
  }

  get total(): number {
    let total = 0;
    for (const count of this.counts) total += count;
    return total;
  }
}
