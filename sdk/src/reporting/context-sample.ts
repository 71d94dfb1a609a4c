import type { AttributeValue, EvaluationContext } from '@switchyard/evaluation';

/** A context as reported to the service: its key and its non-private attributes. */
export type SampledContext = { key: string } & Record<string, AttributeValue>;

/** What the service accepts in one sampled context (docs/protocol.md): a batch with more is refused whole. */
export const SAMPLE_LIMITS = { attributes: 100, text: 256, listItems: 100 } as const;

/** Attribute names never sampled: JSON parsers refuse them as prototype poisoning. */
const POISONED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Text the service can store: within the length limit, no NUL, no lone surrogate (Node >= 20's isWellFormed). */
function isSendableText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= SAMPLE_LIMITS.text &&
    !value.includes('\0') &&
    (value as string & { isWellFormed(): boolean }).isWellFormed()
  );
}

/** The attribute as sent, or undefined when the service would refuse it (it is then left out). */
function sendable(value: unknown): AttributeValue | undefined {
  if (typeof value === 'boolean' || isSendableText(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (!Array.isArray(value) || value.length > SAMPLE_LIMITS.listItems) return undefined;
  const list: string[] = [];
  for (const item of value) {
    if (!isSendableText(item)) return undefined;
    list.push(item);
  }
  return list;
}

/**
 * A bounded sample of the contexts evaluated since the last flush: the first `size` distinct keys of each flush
 * window. Once full, `offer` is one comparison; until then one map lookup, and one copy per new key (at most
 * `size` copies per window), so the evaluation hot path stays allocation-free in the steady state.
 * Attributes named in `privateAttributes` are never copied, so they never leave the process. Only what the
 * service accepts is copied (see {@link SAMPLE_LIMITS}; other attributes are left out, a context whose key does
 * not fit is not sampled), so one odd context can never get a whole batch refused.
 */
export class ContextSample {
  private sample = new Map<string, SampledContext>();
  private readonly hidden: ReadonlySet<string>;

  /**
   * @param size the most distinct contexts kept per window (0 keeps none)
   * @param privateAttributes attribute names never copied into the sample
   */
  constructor(
    private readonly size: number,
    privateAttributes: readonly string[],
  ) {
    this.hidden = new Set(privateAttributes);
  }

  /** How many contexts are held. */
  get length(): number {
    return this.sample.size;
  }

  /**
   * Offers an evaluated context: kept when its key is new and there is room. Reading a hostile context (a
   * throwing getter, a Proxy) can throw: the caller guards the call; nothing is kept then.
   */
  offer(context: EvaluationContext): void {
    if (this.sample.size >= this.size) return;
    const key = context?.key;
    if (typeof key !== 'string' || key === '' || this.sample.has(key) || !isSendableText(key)) return;
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
    let attributes = 1;
    for (const name in context) {
      if (attributes >= SAMPLE_LIMITS.attributes) break;
      if (name === 'key' || this.hidden.has(name) || POISONED_NAMES.has(name) || !isSendableText(name)) continue;
      if (!Object.prototype.hasOwnProperty.call(context, name)) continue;
      const value = sendable(context[name]);
      if (value === undefined) continue;
      copy[name] = value;
      attributes += 1;
    }
    return copy;
  }
}
