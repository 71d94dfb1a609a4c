import type { EvaluationContext } from '../model/context.js';
import type { FlagType } from '../model/flag.js';
import type { Outcome } from '../reasons.js';
import type { CompiledProbe } from './compile-probe.js';
import type { ErrorResults } from './error-results.js';

/** Where compiled evaluation finds prerequisite flags and segments (a snapshot, or an adapted lookup). */
export interface CompiledEnv {
  compiledFlag(key: string): CompiledFlag | undefined;
  compiledSegment(key: string): CompiledSegment | undefined;
}

/** A compiled condition: whether it holds for the context (negation already applied). */
export type Matcher = (context: EvaluationContext, env: CompiledEnv, depth: number) => boolean;

/** A compiled serve: the outcome for the context (a frozen result or an ERROR template). */
export type ServeFn = (context: EvaluationContext) => Outcome;

/** A rule compiled once: its conditions folded into one matcher. */
export interface CompiledRule {
  readonly id: string;
  readonly matches: Matcher;
  readonly serve: ServeFn;
}

/** A prerequisite with its accepted variants in a set. */
export interface CompiledPrerequisite {
  readonly flag: string;
  readonly variants: ReadonlySet<string>;
}

/** A flag compiled once into closures and frozen outcomes; `broken` holds the PARSE_ERROR message. */
export interface CompiledFlag {
  readonly key: string;
  readonly version: number;
  readonly type: FlagType | undefined;
  readonly broken: string | undefined;
  readonly killed: boolean;
  /** A killed flag's half-open probe; undefined when not killed or killed outright. */
  readonly probe: CompiledProbe | undefined;
  readonly on: boolean;
  readonly killedOutcome: Outcome;
  readonly disabledOutcome: Outcome;
  readonly prerequisiteFailedOutcome: Outcome;
  readonly prerequisites: readonly CompiledPrerequisite[];
  readonly rules: readonly CompiledRule[];
  readonly fallthrough: ServeFn;
  /** The caller's results for this flag's errors, remembered so an error path allocates nothing. */
  readonly errors: ErrorResults;
}

/** A segment compiled once: membership for a context. */
export interface CompiledSegment {
  readonly key: string;
  contains(context: EvaluationContext, env: CompiledEnv, depth: number): boolean;
}
