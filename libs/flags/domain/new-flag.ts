import {
  DARK_LAUNCH_VARIANTS,
  FAULT_NONE_VARIANT,
  faultVariantsProblems,
  isDarkLaunchFlag,
  validateFlag,
  type FlagType,
  type JsonValue,
  type ValidationIssue,
} from '@switchyard/evaluation';
import { initialConfig, type FlagConfig } from './flag-config.js';
import type { FlagDefinition } from './flag-definition.js';

/** What creating a flag takes; variants default to `{ on: true, off: false }` for boolean flags. */
export interface NewFlagInput {
  key: string;
  name: string;
  description?: string;
  /**
   * `dark-launch`: a string flag with variants off, shadow, live, serving off (type and variants may be omitted).
   * `fault`: a json flag whose variants are fault specs with `none: {}`, serving none (variants default to
   * {@link DEFAULT_FAULT_VARIANTS}).
   */
  kind?: FlagKind;
  /** Required unless `kind` gives it. */
  type?: FlagType;
  variants?: Record<string, JsonValue>;
  offVariant?: string;
  /** The variant served when the flag is on and no rule matches. */
  fallthroughVariant?: string;
  tags?: string[];
  temporary?: boolean;
}

/** The kinds of flag that creation fills in: a dark launch, or a fault flag. */
export type FlagKind = 'dark-launch' | 'fault';

/** A fault flag's variants when its creator gives none: nothing, a 2 s wait (± 200 ms), half the calls failing. */
export const DEFAULT_FAULT_VARIANTS: Record<string, JsonValue> = {
  [FAULT_NONE_VARIANT]: {},
  'latency-2s': { latencyMs: 2000, jitterMs: 200 },
  'errors-50': { errorRate: 0.5, errorMessage: 'injected by switchyard' },
};

/** The off and fallthrough variants a flag starts with when none are given. */
export function defaultVariants(variants: Record<string, JsonValue>, offVariant?: string, fallthroughVariant?: string) {
  const keys = Object.keys(variants);
  const off = offVariant ?? (keys.includes('off') ? 'off' : (keys[0] ?? 'off'));
  const on = fallthroughVariant ?? (keys.includes('on') ? 'on' : (keys.find((key) => key !== off) ?? off));
  return { offVariant: off, fallthroughVariant: on };
}

function isRecord(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The engine names the fallthrough by its wire path; the create body calls it fallthroughVariant.
const fromWirePath = (issue: ValidationIssue): ValidationIssue =>
  issue.path === 'fallthrough.variant' ? { ...issue, path: 'fallthroughVariant' } : issue;

/**
 * Builds a flag definition and its initial config, or returns why it cannot: the engine's strict validator
 * checks the key, type, variants (count, size, type) and the off and fallthrough variants.
 */
export function newFlag(
  given: NewFlagInput,
  ids: { id: string; projectId: string; now: string },
): { flag: FlagDefinition; config: FlagConfig } | { issues: ValidationIssue[] } {
  const kindProblems = problemsOfKind(given);
  if (kindProblems.length > 0) return { issues: kindProblems };
  const input = withKind(given);
  const variants: unknown =
    input.variants === undefined ? (input.type === 'boolean' ? { on: true, off: false } : {}) : input.variants;
  const { offVariant, fallthroughVariant } = defaultVariants(
    isRecord(variants) ? variants : {},
    input.offVariant,
    input.fallthroughVariant,
  );
  const candidate = {
    key: input.key,
    type: input.type,
    version: 1,
    variants,
    offVariant,
    on: false,
    rules: [],
    fallthrough: { variant: fallthroughVariant },
  };
  const issues = validateFlag(candidate, undefined, { strict: true }).map(fromWirePath);
  if (issues.length > 0 || !isRecord(variants)) return { issues };
  const flag: FlagDefinition = {
    id: ids.id,
    projectId: ids.projectId,
    key: input.key,
    name: input.name,
    description: input.description ?? '',
    type: input.type!,
    variants,
    tags: [...new Set(input.tags ?? [])],
    temporary: input.temporary ?? true,
    archivedAt: null,
    createdAt: ids.now,
    updatedAt: ids.now,
  };
  return { flag, config: initialConfig(input.key, offVariant, fallthroughVariant) };
}

function problemsOfKind(given: NewFlagInput): ValidationIssue[] {
  if (given.kind === 'dark-launch') return darkLaunchProblems(given);
  if (given.kind === 'fault') return faultProblems(given);
  return [];
}

/** The input with what its kind fixes filled in. */
function withKind(given: NewFlagInput): NewFlagInput {
  if (given.kind === 'dark-launch')
    return {
      ...given,
      type: 'string',
      variants: { ...DARK_LAUNCH_VARIANTS },
      offVariant: 'off',
      fallthroughVariant: 'off',
    };
  if (given.kind === 'fault')
    return {
      ...given,
      type: 'json',
      variants: given.variants ?? structuredClone(DEFAULT_FAULT_VARIANTS),
      offVariant: FAULT_NONE_VARIANT,
      fallthroughVariant: FAULT_NONE_VARIANT,
    };
  return given;
}

/**
 * A fault flag is a json flag serving none while off, killed or untargeted; variants given must include
 * `none: {}` and be fault specs, each bad field named (`variants.<name>.<field>`).
 */
function faultProblems(input: NewFlagInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const refuse = (path: string, message: string) => issues.push({ path, code: 'INVALID_VALUE', message });
  if (input.type !== undefined && input.type !== 'json') refuse('type', 'a fault flag is a json flag');
  if (input.variants !== undefined) issues.push(...faultVariantsProblems(input.variants, 'variants'));
  if (input.offVariant !== undefined && input.offVariant !== FAULT_NONE_VARIANT)
    refuse('offVariant', 'a fault flag serves none while off or killed');
  if (input.fallthroughVariant !== undefined && input.fallthroughVariant !== FAULT_NONE_VARIANT)
    refuse('fallthroughVariant', 'a fault flag serves none unless a rule targets a fault');
  return issues;
}

/** A dark-launch flag's type is string and its variants are off, shadow, live: a body saying otherwise is refused. */
function darkLaunchProblems(input: NewFlagInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const refuse = (path: string, message: string) => issues.push({ path, code: 'INVALID_VALUE', message });
  if (input.type !== undefined && input.type !== 'string') refuse('type', 'a dark-launch flag is a string flag');
  if (input.variants !== undefined && !isDarkLaunchFlag(input.variants))
    refuse('variants', 'a dark-launch flag has exactly the variants off, shadow, live (omit them)');
  if (input.offVariant !== undefined && input.offVariant !== 'off')
    refuse('offVariant', 'a dark-launch flag serves off while off or killed');
  if (input.fallthroughVariant !== undefined && input.fallthroughVariant !== 'off')
    refuse('fallthroughVariant', 'a dark-launch flag starts serving off; a ramp plan moves it');
  return issues;
}
