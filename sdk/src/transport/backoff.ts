/**
 * Exponential back-off with "equal jitter": the n-th consecutive failure waits a random time between half and
 * all of `min(max, initial * 2^(n-1))`, so a fleet that lost the service together does not return together.
 */
export class Backoff {
  private failures = 0;

  /**
   * @param initialMs the first delay's upper bound
   * @param maxMs the cap
   * @param random a source of numbers in [0, 1), injectable for tests
   */
  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Records a failure and returns how long to wait before the next attempt. */
  next(): number {
    this.failures += 1;
    const ceiling = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.failures - 1, 30));
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }

  /** Consecutive failures since the last success. */
  get attempts(): number {
    return this.failures;
  }

  /** Forgets the failures after a success. */
  reset(): void {
    this.failures = 0;
  }
}
