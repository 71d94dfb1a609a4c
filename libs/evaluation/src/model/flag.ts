import type { BreakerSettings, KillProbe } from './breaker.js';

/** The four kinds of value a flag can serve. */
export type FlagType = 'boolean' | 'string' | 'number' | 'json';

/** A JSON value, as served by `json` flags and carried in variants. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The operators a condition may use. See DESIGN.md "Evaluation semantics". */
export type Operator =
  | 'in'
  | 'startsWith'
  | 'endsWith'
  | 'contains'
  | 'matches'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'before'
  | 'after'
  | 'semverEq'
  | 'semverLt'
  | 'semverGt';

/** Every operator, in a stable order (for validators and UIs). */
export const OPERATORS: readonly Operator[] = [
  'in',
  'startsWith',
  'endsWith',
  'contains',
  'matches',
  'lt',
  'lte',
  'gt',
  'gte',
  'before',
  'after',
  'semverEq',
  'semverLt',
  'semverGt',
];

/** A condition on one attribute of the context: holds when any of `values` matches. */
export interface AttributeCondition {
  attribute: string;
  operator: Operator;
  values: Array<string | number | boolean>;
  negate?: boolean;
}

/** A condition that holds when the context is in the named segment. */
export interface SegmentCondition {
  segment: string;
  negate?: boolean;
}

/** One condition of a rule or a segment. */
export type Condition = AttributeCondition | SegmentCondition;

/** A weighted split of variants: integer weights summing to 100000 (0.001% steps). */
export interface Rollout {
  /** The context attribute hashed into a bucket; defaults to `key`. */
  bucketBy?: string;
  /** Variant key → weight, in the order the variants are tried. */
  weights: Record<string, number>;
}

/** What a rule or the fallthrough serves: one variant, or a rollout. */
export type Serve = { variant: string } | { rollout: Rollout };

/** A targeting rule: when all its conditions hold, it serves `serve`. */
export interface Rule {
  id: string;
  description?: string;
  conditions: Condition[];
  serve: Serve;
}

/** A flag that must serve one of `variants` before this flag is evaluated. */
export interface Prerequisite {
  flag: string;
  variants: string[];
}

/**
 * Who tripped a kill switch: a person's admin token, an automation's admin token, the SDKs' circuit breaker,
 * or a scheduler.
 */
export type KillKind = 'person' | 'token' | 'breaker' | 'schedule';

/** Every kill kind, in a stable order (for validators and UIs). */
export const KILL_KINDS: readonly KillKind[] = ['person', 'token', 'breaker', 'schedule'];

/** The kill switch's record: who tripped it, when, and why; with `probe`, the flag is half-open. */
export interface Kill {
  /** When the kill was committed (ISO 8601, UTC). */
  at: string;
  /** The name of who tripped it (a token's name, the breaker's, a schedule's). */
  by: string;
  /** The kind of actor named by `by`; absent on records written before kinds existed (kind unknown). */
  kind?: KillKind;
  reason?: string;
  /** Half-open: a share of contexts gets the normal evaluation again (see {@link KillProbe}). */
  probe?: KillProbe;
}

/** A flag as delivered for one environment (the wire format). */
export interface Flag {
  key: string;
  type: FlagType;
  version: number;
  variants: Record<string, JsonValue>;
  offVariant: string;
  on: boolean;
  killed?: Kill | null;
  prerequisites?: Prerequisite[];
  rules: Rule[];
  fallthrough: Serve;
  /** Salt for bucketing; defaults to the flag key. */
  salt?: string;
  /** The SDK circuit breaker's settings for this flag (SDK defaults when absent). */
  breaker?: BreakerSettings | null;
}
