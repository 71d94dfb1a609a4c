import {
  compileSnapshot,
  type CompiledSnapshot,
  type EvaluationContext,
  type Flag,
  type Segment,
} from '@switchyard/evaluation';
import { RECENT_CONTEXT_LIMITS } from '../domain/recent-context.js';
import type { RampImpact, VariantTransition } from '../domain/ramp-impact.js';
import type { ConfigProposals, ProposalTarget } from './config-proposals.js';
import type { RecentContextStore } from './recent-context-store.js';

/**
 * "How many recent contexts would this ramp affect": evaluates the current config and a proposed one with the
 * engine over the environment's recent contexts (reported by SDKs), and counts who would change variant.
 * Writes nothing.
 */
export class EstimateRampImpact {
  constructor(
    private readonly proposals: ConfigProposals,
    private readonly contexts: RecentContextStore,
    private readonly limit: number = RECENT_CONTEXT_LIMITS.keepPerEnvironment,
  ) {}

  async execute(target: ProposalTarget, config: Record<string, unknown>): Promise<RampImpact> {
    const checked = await this.proposals.check(target, config);
    const recent = await this.contexts.list(checked.environmentId, this.limit);
    const before = compileWith(checked.flags, checked.segments, checked.current);
    const after = compileWith(checked.flags, checked.segments, checked.proposed);
    const counts = new Map<string, VariantTransition>();
    let changed = 0;
    for (const context of recent.contexts) {
      const from = variantOf(before, target.flagKey, context);
      const to = variantOf(after, target.flagKey, context);
      if (from === to) continue;
      changed += 1;
      const id = `${from}\u0000${to}`;
      const transition = counts.get(id);
      if (transition) transition.count += 1;
      else counts.set(id, { from, to, count: 1 });
    }
    return {
      sampled: recent.contexts.length,
      changed,
      transitions: [...counts.values()].sort((a, b) => b.count - a.count),
      since: recent.since ? recent.since.toISOString() : null,
    };
  }
}

function compileWith(flags: Record<string, Flag>, segments: Record<string, Segment>, flag: Flag): CompiledSnapshot {
  return compileSnapshot({ version: 0, flags: { ...flags, [flag.key]: flag }, segments });
}

function variantOf(snapshot: CompiledSnapshot, flagKey: string, context: EvaluationContext): string | null {
  return snapshot.evaluate(flagKey, context, null).variant ?? null;
}
