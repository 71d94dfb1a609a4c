import { BUCKETS, SaltedBucketer } from '../bucketing/bucket.js';
import type { EvaluationContext } from '../model/context.js';
import type { Outcome } from '../reasons.js';

/**
 * Appended to the flag's salt to bucket probes: a probe's share is independent of the flag's rollouts, so a
 * 5% probe of a flag rolled out to 10% does not always land on the rollout's own first buckets.
 */
export const PROBE_SALT_SUFFIX = ':probe';

/** The number of buckets (of 100000) a probe of `percent`% admits; anything not a finite number admits none. */
export function probeThreshold(percent: unknown): number {
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return 0;
  return Math.min(BUCKETS, Math.max(0, Math.round(percent * 1000)));
}

/** A killed flag's half-open probe, compiled: which contexts it admits, and their outcomes marked `probe`. */
export class CompiledProbe {
  private readonly bucketer: SaltedBucketer;
  private readonly threshold: number;
  /** Marked copies of the flag's frozen outcomes, made once each (a flag has a bounded set of outcomes). */
  private readonly marked = new Map<Outcome, Outcome>();

  /**
   * @param salt the flag's salt (its key when it has none)
   * @param percent the probe's share, 0–100
   */
  constructor(salt: string, percent: unknown) {
    this.bucketer = new SaltedBucketer(salt + PROBE_SALT_SUFFIX);
    this.threshold = probeThreshold(percent);
  }

  /** Whether the context is probed: its `key` (a non-empty string) buckets below the threshold. */
  admits(context: EvaluationContext): boolean {
    if (this.threshold === 0) return false;
    const key = context.key;
    return typeof key === 'string' && key.length > 0 && this.bucketer.bucket(key) < this.threshold;
  }

  /** The outcome marked `probe: true`; an ERROR template passes unmarked (the caller's default is served). */
  mark(outcome: Outcome): Outcome {
    if (outcome.reason === 'ERROR') return outcome;
    let marked = this.marked.get(outcome);
    if (marked === undefined) {
      marked = Object.freeze({ ...outcome, probe: true as const });
      this.marked.set(outcome, marked);
    }
    return marked;
  }
}
