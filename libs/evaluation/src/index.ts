/**
 * @switchyard/evaluation — THE flag evaluation engine: pure TypeScript, no I/O, one runtime dependency (re2js).
 * Semantics: DESIGN.md "Evaluation semantics" and docs/evaluation.md.
 */
export type * from './model/flag.js';
export { KILL_KINDS, OPERATORS } from './model/flag.js';
export type * from './model/breaker.js';
export { DARK_LAUNCH_VARIANTS, isDarkLaunchFlag } from './model/dark-launch.js';
export {
  FAULT_LIMITS,
  FAULT_NONE_VARIANT,
  faultSpecProblems,
  faultVariantsProblems,
  isFaultFlag,
  type FaultSpec,
} from './model/fault.js';
export type * from './model/segment.js';
export type * from './model/context.js';
export type * from './model/snapshot.js';
export type * from './model/result.js';
export { evaluate, type EvaluateOptions, type EvaluationLookup } from './evaluate.js';
export { compileSnapshot, type CompiledSnapshot } from './snapshot/compile-snapshot.js';
export { applyPatch, type PatchVisitor } from './snapshot/apply-patch.js';
export { bucket, BUCKETS } from './bucketing/bucket.js';
export { murmur3 } from './bucketing/murmur3.js';
export { validateFlag } from './validation/validate-flag.js';
export { validateSegment } from './validation/validate-segment.js';
export { validateBreaker } from './validation/validate-breaker.js';
export { BREAKER_DEFAULTS, BREAKER_LIMITS } from './validation/breaker-limits.js';
export { parseSnapshot } from './validation/parse-snapshot.js';
export type { ValidationIssue, ValidationEnv, ValidationOptions } from './validation/validation-issue.js';
export { VALIDATION_CODES, type ValidationCode } from './validation/validation-codes.js';
export { CONFIG_LIMITS } from './validation/limits.js';
export { KEY_PATTERN, KEY_MESSAGE, VARIANT_KEY_PATTERN, keyProblem } from './validation/keys.js';
export { MAX_PREREQUISITE_DEPTH } from './compile/run-flag.js';
export { PROBE_SALT_SUFFIX, probeThreshold } from './compile/compile-probe.js';
export { MAX_SEGMENT_DEPTH } from './conditions/compile-condition.js';
export { MAX_MATCH_INPUT_LENGTH } from './conditions/operators.js';
export { MAX_PATTERN_LENGTH, patternProblem, type PatternProblem } from './conditions/regex.js';
