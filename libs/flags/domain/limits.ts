/** Size limits on every write, so that one request can neither exhaust the service nor bloat every snapshot. */
export const LIMITS = {
  name: 200,
  description: 2000,
  reason: 1000,
  variants: 50,
  variantJsonBytes: 32_768,
  tags: 50,
  tag: 64,
  rules: 200,
  conditions: 50,
  values: 1000,
  value: 1024,
  attribute: 256,
  prerequisites: 50,
  prerequisiteVariants: 50,
  segmentKeys: 10_000,
  contextAttributes: 100,
} as const;
