/**
 * Size limits that strict validation (writes) enforces, so that one write can neither exhaust the service nor
 * bloat every snapshot. Lengths count UTF-16 code units; `variantJson` is the length of the variant's JSON.
 */
export const CONFIG_LIMITS = {
  /** Flag and segment keys (the slug grammar allows 1–64 characters). */
  key: 64,
  variants: 50,
  variantJson: 32_768,
  rules: 200,
  ruleId: 64,
  ruleDescription: 2000,
  conditions: 50,
  values: 1000,
  /** One condition value (a regular expression has its own, equal, limit: `MAX_PATTERN_LENGTH`). */
  value: 1024,
  /** Attribute names, `bucketBy`, salts and variant names in references. */
  attribute: 256,
  prerequisites: 50,
  prerequisiteVariants: 50,
  /** Entries of a segment's `included` or `excluded` list. */
  segmentKeys: 10_000,
  /** One context key in `included` or `excluded`. */
  contextKey: 1024,
} as const;
