import {
  FAULT_NONE_VARIANT,
  isFaultFlag,
  type EvaluationContext,
  type EvaluationResult,
  type FaultSpec,
  type Flag,
} from '@switchyard/evaluation';
import { FaultContext, type OwnAttributes } from './fault-context.js';
import type { FaultStats } from './fault-types.js';
import { InjectedFault } from './injected-fault.js';

/** The one promise every fault that injects nothing returns: no allocation on the `none` path. */
export const NO_FAULT: Promise<void> = Promise.resolve();

/** Distinct problems told to `onError` at most (each once). */
const MAX_WARNINGS = 100;

/** What faults need from the client. */
export interface FaultHost {
  /** The flag as delivered, or undefined (unknown, or no snapshot yet). */
  flag(key: string): Flag | undefined;
  /** The client's evaluation of a json flag (counted and sampled like any other); never throws. */
  evaluate(key: string, context: EvaluationContext): EvaluationResult;
  /** A problem worth telling the host (never thrown). */
  error(error: Error): void;
}

/** Timers of the waits (a parameter so tests can drive time). */
export interface FaultTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What one call injects: a wait (ms, 0 for none) and/or an error. */
interface Decision {
  waitMs: number;
  error: InjectedFault | undefined;
}

/** A spec as the SDK acts on it; one per variant value, cached. */
interface Plan {
  latencyMs: number;
  jitterMs: number;
  errorRate: number;
  errorMessage: string | undefined;
  refused: boolean;
}

/**
 * `client.fault` and the fault paths of `guard`, `darkLaunch` and `faultyFetch`: evaluates the fault flag for
 * the merged context and injects what the served spec says. Nothing acts while the flag is off, killed, unknown,
 * not a fault flag, or serving `none`; a spec waiting longer than `maxFaultLatencyMs` is refused whole. Never
 * throws into the host: the only rejection it produces is the injected error.
 */
export class Faults {
  private readonly counts: FaultStats = { delayed: 0, failed: 0, refused: 0, invalid: 0 };
  private readonly context: FaultContext;
  /** The client's own attributes as a context, for calls without one on flags served without targeting. */
  private readonly ownContext: EvaluationContext;
  /** Per delivered variants object: is it a fault flag's? */
  private readonly kinds = new WeakMap<object, boolean>();
  /** Per delivered variant value: the plan. */
  private readonly plans = new WeakMap<object, Plan>();
  private readonly warned = new Set<string>();
  private readonly waits = new Map<unknown, () => void>();

  /**
   * @param host the client's side
   * @param own the client's own attributes, merged under the caller's context
   * @param maxLatencyMs the longest wait a fault may ask for (`maxFaultLatencyMs`)
   * @param timers the waits' timers
   * @param random draws the jitter and which calls fail
   */
  constructor(
    private readonly host: FaultHost,
    own: OwnAttributes,
    private readonly maxLatencyMs: number,
    private readonly timers: FaultTimers,
    private readonly random: () => number = Math.random,
  ) {
    this.context = new FaultContext(own);
    this.ownContext = Object.freeze({ key: own.instanceId, ...own });
  }

  /** Injects the fault the flag serves for `context` (see `SwitchyardClient.fault`). */
  fault(key: string, context: unknown): Promise<void> {
    const decision = this.decide(key, context);
    if (decision === undefined) return NO_FAULT;
    if (decision.waitMs === 0) return Promise.reject(decision.error);
    return this.wait(decision);
  }

  /**
   * Runs `fn` after the fault the flag serves for `context`: at once when none; after throwing the injected error
   * (no wait); or, with a wait, as a promise that rejects with the error or resolves with what `fn` returns.
   */
  before(key: string, context: unknown, fn: () => unknown): unknown {
    const decision = this.decide(key, context);
    if (decision === undefined) return fn();
    if (decision.waitMs === 0) throw decision.error;
    return this.wait(decision).then(fn);
  }

  /** A copy of the counters. */
  stats(): FaultStats {
    return { ...this.counts };
  }

  /** The client is closing: every pending wait ends now (resolved; an injected error is not thrown then). */
  close(): void {
    for (const [timer, end] of [...this.waits]) {
      this.timers.clearTimeout(timer);
      end();
    }
  }

  /** What to inject, or undefined for nothing. Never throws. */
  private decide(key: string, context: unknown): Decision | undefined {
    let plan: Plan | undefined;
    let variant: string;
    try {
      const flag = this.host.flag(key);
      if (flag === undefined || !this.isFaultFlag(key, flag)) return undefined;
      const result = this.evaluate(key, flag, context);
      if (result.variant === undefined || result.variant === FAULT_NONE_VARIANT) return undefined;
      if (result.reason === 'KILLED' || result.reason === 'DISABLED' || result.probe === true) return undefined;
      variant = result.variant;
      plan = this.planOf(result.value);
    } catch {
      return undefined;
    }
    if (plan === undefined) return undefined;
    if (plan.refused) {
      this.counts.refused += 1;
      this.warn(
        `${key}/${variant}`,
        `fault ${key}: variant ${variant} waits up to ${plan.latencyMs + plan.jitterMs} ms, above maxFaultLatencyMs (${this.maxLatencyMs}): refused, nothing injected`,
      );
      return undefined;
    }
    const waitMs =
      plan.jitterMs === 0
        ? plan.latencyMs
        : Math.max(0, Math.round(plan.latencyMs + (this.random() * 2 - 1) * plan.jitterMs));
    const fails = plan.errorRate > 0 && this.random() < plan.errorRate;
    if (waitMs === 0 && !fails) return undefined;
    if (waitMs > 0) this.counts.delayed += 1;
    if (fails) this.counts.failed += 1;
    const message = plan.errorMessage ?? `fault injected by switchyard (${key}: ${variant})`;
    return { waitMs, error: fails ? new InjectedFault(message, key, variant) : undefined };
  }

  /**
   * Off or killed flags serve without targeting: the caller's context as is (the client's own without one);
   * flags that target get the merged context.
   */
  private evaluate(key: string, flag: Flag, context: unknown): EvaluationResult {
    if (flag.on !== true || (flag.killed !== undefined && flag.killed !== null))
      return this.host.evaluate(
        key,
        typeof context === 'object' && context !== null ? (context as EvaluationContext) : this.ownContext,
      );
    const merged = this.context.merge(context);
    try {
      return this.host.evaluate(key, merged);
    } finally {
      this.context.release(merged);
    }
  }

  private isFaultFlag(key: string, flag: Flag): boolean {
    const variants = flag.variants;
    if (typeof variants !== 'object' || variants === null) return false;
    let kind = this.kinds.get(variants);
    if (kind === undefined) {
      kind = flag.type === 'json' && isFaultFlag(variants);
      this.kinds.set(variants, kind);
    }
    if (!kind) {
      this.counts.invalid += 1;
      this.warn(
        `${key}/invalid`,
        `fault ${key}: not a fault flag (json, variants fault specs with none: {}): nothing injected`,
      );
    }
    return kind;
  }

  /** The plan of a served value (valid: the flag is a fault flag), cached per value object. */
  private planOf(value: unknown): Plan | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    let plan = this.plans.get(value);
    if (plan === undefined) {
      const spec = value as FaultSpec;
      const latencyMs = spec.latencyMs ?? 0;
      const jitterMs = spec.jitterMs ?? 0;
      plan = {
        latencyMs,
        jitterMs,
        errorRate: spec.errorRate ?? 0,
        errorMessage: spec.errorMessage,
        refused: latencyMs + jitterMs > this.maxLatencyMs,
      };
      this.plans.set(value, plan);
    }
    return plan;
  }

  private wait(decision: Decision): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        this.waits.delete(timer);
        if (decision.error === undefined) resolve();
        else reject(decision.error);
      }, decision.waitMs);
      this.waits.set(timer, () => {
        this.waits.delete(timer);
        resolve();
      });
    });
  }

  private warn(id: string, message: string): void {
    if (this.warned.has(id) || this.warned.size >= MAX_WARNINGS) return;
    this.warned.add(id);
    this.host.error(new Error(message));
  }
}
