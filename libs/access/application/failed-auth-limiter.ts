/** Limits of the failed-authentication limiter. */
export interface FailedAuthLimits {
  maxFailures: number;
  windowMs: number;
}

/** Default: 20 failures a minute from one address, then 429 until the oldest failure ages out. */
export const DEFAULT_FAILED_AUTH_LIMITS: FailedAuthLimits = { maxFailures: 20, windowMs: 60_000 };

const MAX_ADDRESSES = 50_000;

/** Counts failed authentications per client address in memory (per node) over a sliding window. */
export class FailedAuthLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: FailedAuthLimits = DEFAULT_FAILED_AUTH_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the address must wait before trying again; 0 when it may try now. */
  retryAfterSeconds(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.limits.maxFailures) return 0;
    const oldest = recent[recent.length - this.limits.maxFailures]!;
    return Math.max(1, Math.ceil((oldest + this.limits.windowMs - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    const recent = this.recent(address);
    recent.push(this.now());
    if (recent.length > this.limits.maxFailures) recent.splice(0, recent.length - this.limits.maxFailures);
    if (!this.failures.has(address) && this.failures.size >= MAX_ADDRESSES) this.evictOne();
    this.failures.set(address, recent);
  }

  private recent(address: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const list = (this.failures.get(address) ?? []).filter((at) => at > cutoff);
    if (list.length === 0) this.failures.delete(address);
    return list;
  }

  private evictOne(): void {
    const first = this.failures.keys().next();
    if (!first.done) this.failures.delete(first.value);
  }
}
