/** Marks, in a layer's top, a key of its base that was removed. */
const REMOVED: unique symbol = Symbol('removed');

/**
 * A persistent (never mutated) string-keyed map for snapshots that a patch changes a few keys of: a shared,
 * frozen `base` and a small `top` holding what changed since (set values, or REMOVED). `with` builds a new map
 * by copying only the top, not the base, so a 1-flag patch on a 1,000-flag snapshot copies a handful of entries;
 * once the top outgrows about √(base size) it is folded into a new base (amortised O(√n) per changed key).
 * Every instance, once built, stays as it is: an evaluation holding an older one sees the old values.
 * Reads allocate nothing.
 */
export class LayeredMap<V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly top: ReadonlyMap<string, V | typeof REMOVED>,
    /** How many keys are present. */
    readonly size: number,
  ) {}

  /** A map holding `entries` (the map given is owned by the result: the caller must not change it afterwards). */
  static of<V>(entries: Map<string, V>): LayeredMap<V> {
    return new LayeredMap(entries, new Map(), entries.size);
  }

  /** The value under `key`, or undefined. */
  get(key: string): V | undefined {
    if (this.top.size !== 0) {
      const value = this.top.get(key);
      if (value !== undefined) return value === REMOVED ? undefined : value;
    }
    return this.base.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /**
   * A new map with `changes` applied in order (a value sets its key, null removes it); this one is unchanged.
   * Returns this same map when there are no changes.
   */
  with(changes: ReadonlyArray<readonly [string, V | null]>): LayeredMap<V> {
    if (changes.length === 0) return this;
    const top = new Map(this.top);
    let size = this.size;
    for (const [key, value] of changes) {
      const had = (top.has(key) ? top.get(key) !== REMOVED : this.base.has(key)) ? 1 : 0;
      if (value === null) {
        size -= had;
        if (this.base.has(key)) top.set(key, REMOVED);
        else top.delete(key);
      } else {
        size += 1 - had;
        top.set(key, value);
      }
    }
    if (top.size * top.size <= Math.max(64, this.base.size)) return new LayeredMap(this.base, top, size);
    const base = new Map(this.base);
    for (const [key, value] of top) {
      if (value === REMOVED) base.delete(key);
      else base.set(key, value);
    }
    return new LayeredMap(base, new Map(), size);
  }

  /**
   * Calls `visit` for every key present and its value: the base's keys in their order (a key set again keeps
   * its place), then the keys added since, in the order they were added.
   */
  forEach(visit: (value: V, key: string) => void): void {
    const { base, top } = this;
    for (const [key, value] of base) {
      const latest = top.size === 0 ? undefined : top.get(key);
      if (latest === undefined) visit(value, key);
      else if (latest !== REMOVED) visit(latest, key);
    }
    for (const [key, value] of top) if (value !== REMOVED && !base.has(key)) visit(value, key);
  }

  /** Every key present (a new array). */
  keys(): string[] {
    const keys: string[] = [];
    this.forEach((_, key) => keys.push(key));
    return keys;
  }
}
