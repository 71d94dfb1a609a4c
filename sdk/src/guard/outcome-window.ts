/** Calls, failures and timeouts (timeouts are failures too) over a span of time. */
export interface WindowFigures {
  calls: number;
  failures: number;
  timeouts: number;
}

/** Called with each bucket as it closes (its time is over), when it had calls: what the events batch reports. */
export type BucketSink = (start: number, bucketMs: number, calls: number, failures: number, timeouts: number) => void;

/**
 * A rolling window of guarded-call outcomes: a fixed ring of `windowMs / bucketMs` buckets (three Int32 counters
 * and one start epoch each, allocated once), with running totals, so counting an outcome is a few array writes
 * and reading the window's figures is three field reads. Time only moves forward through {@link advance}: the
 * bucket whose time is over closes (handed to the sink when it had calls), and a bucket that falls out of the
 * window is subtracted whole.
 */
export class OutcomeWindow {
  /** Buckets in the ring. */
  readonly size: number;
  calls = 0;
  failures = 0;
  timeouts = 0;
  /** calls, failures, timeouts of bucket i at 3i, 3i+1, 3i+2. */
  private readonly counts: Int32Array;
  /** The epoch (start / bucketMs) each slot holds, or -1. */
  private readonly epochs: Float64Array;
  private current = -1;
  /** The current bucket's counters in `counts` (3 × its slot), and when it ends (ms): a call before that end
   * counts with no division or modulo (epochs of ms since 1970 are not small integers: `%` on them is slow). */
  private at = 0;
  private currentEnd = Number.NEGATIVE_INFINITY;

  constructor(
    readonly windowMs: number,
    readonly bucketMs: number,
    private readonly sink: BucketSink,
  ) {
    this.size = Math.max(1, Math.round(windowMs / bucketMs));
    this.counts = new Int32Array(this.size * 3);
    this.epochs = new Float64Array(this.size).fill(-1);
  }

  /** Moves the window to `now` (ms): buckets that ended before it close; those out of the window drop out. */
  advance(now: number): void {
    const epoch = Math.floor(now / this.bucketMs);
    if (epoch <= this.current) return;
    if (this.current >= 0) this.close(this.current % this.size);
    const from = this.current < 0 || epoch - this.current > this.size ? epoch - this.size : this.current;
    // Each slot between the last bucket and this one is reused: what it held leaves the window.
    for (let e = from + 1; e <= epoch; e++) this.evict(e % this.size);
    const slot = epoch % this.size;
    this.epochs[slot] = epoch;
    this.current = epoch;
    this.at = slot * 3;
    this.currentEnd = (epoch + 1) * this.bucketMs;
  }

  /** Counts one outcome at `now`. */
  record(now: number, failed: boolean, timedOut: boolean): void {
    // Within the current bucket (or before it: a coarse clock's time), there is nothing to advance.
    if (now >= this.currentEnd) this.advance(now);
    const at = this.at;
    this.counts[at] += 1;
    this.calls += 1;
    if (failed || timedOut) {
      this.counts[at + 1] += 1;
      this.failures += 1;
    }
    if (timedOut) {
      this.counts[at + 2] += 1;
      this.timeouts += 1;
    }
  }

  /** Closes the current bucket early (to the sink when it had calls) and empties the window. */
  reset(): void {
    if (this.current >= 0) this.close(this.current % this.size);
    for (let slot = 0; slot < this.size; slot++) this.evict(slot);
    this.current = -1;
    this.currentEnd = Number.NEGATIVE_INFINITY;
  }

  /** The window's figures now (the current bucket included). */
  figures(): WindowFigures {
    return { calls: this.calls, failures: this.failures, timeouts: this.timeouts };
  }

  private close(slot: number): void {
    const at = slot * 3;
    const calls = this.counts[at];
    if (calls > 0)
      this.sink(this.epochs[slot] * this.bucketMs, this.bucketMs, calls, this.counts[at + 1], this.counts[at + 2]);
  }

  private evict(slot: number): void {
    const at = slot * 3;
    this.calls -= this.counts[at];
    this.failures -= this.counts[at + 1];
    this.timeouts -= this.counts[at + 2];
    this.counts[at] = 0;
    this.counts[at + 1] = 0;
    this.counts[at + 2] = 0;
    this.epochs[slot] = -1;
  }
}
