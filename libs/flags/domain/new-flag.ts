import type { FlagType, JsonValue } from '@switchyard/evaluation';
import { checkFlag } from './flag-checks.js';
import { initialConfig, type FlagConfig } from './flag-config.js';
import type { FlagDefinition } from './flag-definition.js';
import { LIMITS } from './limits.js';
import { slugProblem } from './slug.js';
import { IssueList, type StructureIssue } from './structure-issue.js';
import { toWireFlag } from './wire-flag.js';

/** What creating a flag takes; variants default to `{ on: true, off: false }` for boolean flags. */
export interface NewFlagInput {
  key: string;
  name: string;
  description?: string;
  type: FlagType;
  variants?: Record<string, JsonValue>;
  offVariant?: string;
  /** The variant served when the flag is on and no rule matches. */
  fallthroughVariant?: string;
  tags?: string[];
  temporary?: boolean;
}

/** The off and fallthrough variants a flag starts with when none are given. */
export function defaultVariants(variants: Record<string, JsonValue>, offVariant?: string, fallthroughVariant?: string) {
  const keys = Object.keys(variants);
  const off = offVariant ?? (keys.includes('off') ? 'off' : keys[0] ?? 'off');
  const on = fallthroughVariant ?? (keys.includes('on') ? 'on' : keys.find((key) => key !== off) ?? off);
  return { offVariant: off, fallthroughVariant: on };
}

/** Builds a flag definition and its initial config, or returns why it cannot. */
export function newFlag(
  input: NewFlagInput,
  ids: { id: string; projectId: string; now: string },
): { flag: FlagDefinition; config: FlagConfig } | { issues: StructureIssue[] } {
  const list = new IssueList();
  const keyProblem = slugProblem(input.key);
  if (keyProblem) list.add('key', 'INVALID_KEY', keyProblem);
  const variants = input.variants ?? (input.type === 'boolean' ? { on: true, off: false } : {});
  const variantKeys = Object.keys(variants);
  if (variantKeys.length === 0) list.add('variants', 'REQUIRED', `a ${input.type} flag needs at least one variant`);
  if (variantKeys.length > LIMITS.variants) list.add('variants', 'TOO_MANY', `must have at most ${LIMITS.variants} variants`);
  for (const key of variantKeys) {
    if (JSON.stringify(variants[key]).length > LIMITS.variantJsonBytes) list.add(`variants.${key}`, 'TOO_LONG', 'value is too large');
  }
  if (list.issues.length > 0) return { issues: list.issues };
  const flag: FlagDefinition = {
    id: ids.id, projectId: ids.projectId, key: input.key, name: input.name, description: input.description ?? '',
    type: input.type, variants, tags: [...new Set(input.tags ?? [])], temporary: input.temporary ?? true,
    archivedAt: null, createdAt: ids.now, updatedAt: ids.now,
  };
  const { offVariant, fallthroughVariant } = defaultVariants(variants, input.offVariant, input.fallthroughVariant);
  const config = initialConfig(input.key, offVariant, fallthroughVariant);
  const issues = checkFlag(toWireFlag(flag, config, 1), { flags: {}, segments: {} });
  return issues.length > 0 ? { issues } : { flag, config };
}
