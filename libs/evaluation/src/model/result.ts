import type { JsonValue } from './flag.js';

/** Why an evaluation produced its value (OpenFeature's names plus KILLED and PREREQUISITE_FAILED). */
export type Reason =
  'STATIC' | 'DEFAULT' | 'TARGETING_MATCH' | 'SPLIT' | 'DISABLED' | 'KILLED' | 'PREREQUISITE_FAILED' | 'ERROR';

/** What went wrong, when `reason` is ERROR (OpenFeature's names). */
export type ErrorCode =
  | 'FLAG_NOT_FOUND'
  | 'TYPE_MISMATCH'
  | 'TARGETING_KEY_MISSING'
  | 'PARSE_ERROR'
  | 'PROVIDER_NOT_READY'
  | 'INVALID_CONTEXT'
  | 'GENERAL';

/** The outcome of one evaluation. */
export interface EvaluationResult<T = JsonValue> {
  value: T;
  /** The served variant's key; absent on ERROR. */
  variant?: string;
  reason: Reason;
  errorCode?: ErrorCode;
  /** Human-readable detail for ERROR results. */
  errorMessage?: string;
  /** The flag's version, or 0 when the flag was not available. */
  flagVersion: number;
  /** The id of the matching rule, for TARGETING_MATCH and rule-level SPLIT. */
  ruleId?: string;
  /**
   * True only when the flag is killed with a probe (half-open) and this context is one of the probed share: the
   * value, variant and reason are the flag's normal evaluation. Absent otherwise (a killed flag's other contexts
   * get the off variant with reason KILLED).
   */
  probe?: true;
}
