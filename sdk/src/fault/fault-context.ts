import type { EvaluationContext } from '@switchyard/evaluation';

/** What a fault's context carries by default, under the caller's attributes. */
export interface OwnAttributes {
  instanceId: string;
  hostname: string;
  app: string;
}

/** Distinct attribute names the reused object may hold before it is replaced (a host with ever-new names). */
const MAX_NAMES = 64;

/**
 * The context a fault flag is evaluated with: the client's own `instanceId`, `hostname` and `app` (its
 * `appName`), the key defaulting to the instance id, and the caller's attributes over them. One object is
 * reused from call to call (evaluation is synchronous and keeps nothing; the context sample copies), so a fault
 * that serves `none` allocates nothing: attributes of the previous call are set back to undefined, which the
 * engine reads as missing. A call made while the object is in use (a getter of the caller's context calling
 * `fault`) gets a fresh one.
 */
export class FaultContext {
  // A plain object: a null-prototype one is kept in dictionary mode, whose for-in allocates.
  private scratch = {} as Record<string, unknown>;
  private names = 0;
  private busy = false;

  constructor(private readonly own: OwnAttributes) {}

  /** The merged context; give it back with {@link release} once evaluated. May throw on a hostile context. */
  merge(context: unknown): EvaluationContext {
    if (this.busy) return this.fill({} as Record<string, unknown>, context);
    this.busy = true;
    const scratch = this.scratch;
    for (const name in scratch) scratch[name] = undefined;
    try {
      return this.fill(scratch, context);
    } catch (error) {
      this.busy = false;
      throw error;
    }
  }

  release(merged: EvaluationContext): void {
    if (merged !== this.scratch) return;
    this.busy = false;
    if (this.names > MAX_NAMES) {
      this.scratch = {} as Record<string, unknown>;
      this.names = 0;
    }
  }

  private fill(target: Record<string, unknown>, context: unknown): EvaluationContext {
    const counted = target === this.scratch;
    this.set(target, 'key', this.own.instanceId, counted);
    this.set(target, 'instanceId', this.own.instanceId, counted);
    this.set(target, 'hostname', this.own.hostname, counted);
    this.set(target, 'app', this.own.app, counted);
    if (typeof context === 'object' && context !== null) {
      const given = context as Record<string, unknown>;
      for (const name in given) {
        if (!Object.hasOwn(given, name) || name === '__proto__') continue;
        const value = given[name];
        if (value !== undefined) this.set(target, name, value, counted);
      }
    }
    return target as EvaluationContext;
  }

  private set(target: Record<string, unknown>, name: string, value: unknown, counted: boolean): void {
    if (counted && !(name in target)) this.names += 1;
    target[name] = value;
  }
}
