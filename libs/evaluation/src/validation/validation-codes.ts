/**
 * Every code a validator may put in a {@link ValidationIssue}: UPPER_SNAKE_CASE, like the service's error
 * codes (`VALIDATION_FAILED`) and OpenFeature's (`FLAG_NOT_FOUND`). Stable: clients may switch on them.
 */
export const VALIDATION_CODES = [
  'REQUIRED',
  'INVALID_TYPE',
  'INVALID_KEY',
  'UNKNOWN_FIELD',
  'TOO_MANY',
  'TOO_LONG',
  'VARIANT_TYPE',
  'UNKNOWN_VARIANT',
  'DUPLICATE_RULE_ID',
  'EMPTY_ROLLOUT',
  'INVALID_WEIGHT',
  'WEIGHTS_SUM',
  'UNKNOWN_OPERATOR',
  'EMPTY_VALUES',
  'INVALID_VALUE',
  'INVALID_REGEX',
  'REGEX_TOO_LONG',
  'UNSUPPORTED_REGEX',
  'UNKNOWN_SEGMENT',
  'SEGMENT_CYCLE',
  'SEGMENT_DEPTH',
  'SELF_PREREQUISITE',
  'UNKNOWN_FLAG',
  'PREREQUISITE_CYCLE',
  'PREREQUISITE_DEPTH',
  'KEY_MISMATCH',
] as const;

/** One of {@link VALIDATION_CODES}. */
export type ValidationCode = (typeof VALIDATION_CODES)[number];
