import type { AttributeValue, EvaluationContext } from '@switchyard/evaluation';

/** A context as reported to the service: its key and its non-private attributes. */
export type SampledContext = { key: string } & Record<string, AttributeValue>;

/**
 * A bounded sample of the contexts evaluated since the last flush: the first `size` distinct keys of each flush
 * window. Once full, `offer` is one comparison; until then one map lookup, and one copy per new key (at most
 * `size` copies per window), so the evaluation hot path stays allocation-free in the steady state.
 * Attributes named in `privateAttributes` are never copied, so they never leave the process.
 */
export class ContextSample {
  private sample = new Map<string, SampledContext>();
  private readonly hidden: ReadonlySet<string>;

  /**
   * @param size the most distinct contexts kept per window (0 keeps none)
   * @param privateAttributes attribute names never copied into the sample
   */
  constructor(private readonly size: number, privateAttributes: readonly string[]) {
    this.hidden = new Set(privateAttributes);
  }

  /** How many contexts are held. */
  get length(): number {
    return this.sample.size;
  }

  /** Offers an evaluated context: kept when its key is new and there is room. Never throws. */
  offer(context: EvaluationContext): void {
    if (this.sample.size >= this.size) return;
    const key = context?.key;
    if (typeof key !== 'string' || key === '' || this.sample.has(key)) return;
    this.sample.set(key, this.copy(context));
  }

  /** Hands over what is held and starts a new window. */
  take(): SampledContext[] {
    if (this.sample.size === 0) return [];
    const taken = [...this.sample.values()];
    this.sample = new Map();
    return taken;
  }

  /** Puts back contexts of a batch that failed to send, within the bound (newer sightings win). */
  restore(contexts: readonly SampledContext[]): void {
    for (const context of contexts) {
      if (this.sample.size >= this.size) return;
      if (!this.sample.has(context.key)) this.sample.set(context.key, context);
    }
  }

  private copy(context: EvaluationContext): SampledContext {
    const copy: SampledContext = { key: context.key };
    for (const name in context) {
      if (name === 'key' || this.hidden.has(name) || !Object.prototype.hasOwnProperty.call(context, name)) continue;
      const value = context[name];
      if (value === undefined) continue;
      copy[name] = Array.isArray(value) ? [...value] : value;
    }
    return copy;
  }
}
