/** How many contexts move from one variant to another (null: the engine answered with an error, no variant). */
export interface VariantTransition {
  from: string | null;
  to: string | null;
  count: number;
}

/** What a proposed config would change over the environment's recent contexts. */
export interface RampImpact {
  /** Recent contexts evaluated (at most 10,000). */
  sampled: number;
  /** Of those, how many would be served a different variant. */
  changed: number;
  /** The changes, most frequent first. */
  transitions: VariantTransition[];
  /** When the oldest sampled context was last seen (ISO-8601 UTC); null when none were reported yet. */
  since: string | null;
}
