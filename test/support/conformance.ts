import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  ErrorCode,
  EvaluationContext,
  Flag,
  FlagType,
  JsonValue,
  Reason,
  Segment,
  Snapshot,
} from '@switchyard/evaluation';

/** The folder of the language-neutral corpus: one JSON file per topic (see its README.md). */
export const CONFORMANCE_DIR = fileURLToPath(new URL('../../libs/evaluation/conformance/', import.meta.url));

/** The key asked for when a case's flag is null (it is in no snapshot and no lookup). */
export const MISSING_FLAG_KEY = 'missing-flag';

/** Which runner a corpus file is for: the engine (default) or only the SDK (e.g. PROVIDER_NOT_READY). */
export type ConformanceScope = 'engine' | 'sdk';

/** What an evaluation of a case must return; `variant` and `errorCode` are absent when there are none. */
export interface ConformanceExpectation {
  value: JsonValue;
  variant?: string;
  reason: Reason;
  errorCode?: ErrorCode;
}

/** One case of the corpus, with the optional fields filled in. */
export interface ConformanceCase {
  /** The file's name without `.json`, e.g. `rollouts`. */
  file: string;
  scope: ConformanceScope;
  name: string;
  /** The key to evaluate: the flag's key, or {@link MISSING_FLAG_KEY} when `flag` is null. */
  flagKey: string;
  /** The flag under test; null means it does not exist (FLAG_NOT_FOUND). */
  flag: Flag | null;
  /** The environment's other flags (prerequisites), by key. */
  flags: Record<string, Flag>;
  segments: Record<string, Segment>;
  /** The context; a few cases deliberately have no `key`. */
  context: EvaluationContext;
  default: JsonValue;
  expectedType?: FlagType;
  expected: ConformanceExpectation;
  /** Set in sdk-scope cases: false means the client has no snapshot yet. */
  ready?: boolean;
  /**
   * Why the case cannot be run through the flag service (it refuses to store such a flag): the service e2e
   * asserts that refusal instead, and counts these cases apart. Engine and SDK runners run them as usual.
   */
  notApplicableToService?: string;
}

interface CorpusFile {
  description?: unknown;
  scope?: unknown;
  cases?: unknown;
}

const REASONS = new Set([
  'STATIC',
  'DEFAULT',
  'TARGETING_MATCH',
  'SPLIT',
  'DISABLED',
  'KILLED',
  'PREREQUISITE_FAILED',
  'ERROR',
]);
const TYPES = new Set(['boolean', 'string', 'number', 'json']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape a runner relies on, so a typo in the corpus fails loudly with its file and case. */
function toCase(file: string, scope: ConformanceScope, raw: unknown, index: number): ConformanceCase {
  const where = `${file}.json case ${index}`;
  if (!isRecord(raw) || typeof raw.name !== 'string' || raw.name.length === 0)
    throw new Error(`${where}: needs a name`);
  const fail = (why: string): never => {
    throw new Error(`${where} (${raw.name}): ${why}`);
  };
  if (raw.flag !== null && !isRecord(raw.flag)) fail('flag must be an object or null');
  if (!isRecord(raw.context)) fail('context must be an object');
  if (!('default' in raw)) fail('default is required');
  if (raw.expectedType !== undefined && !TYPES.has(raw.expectedType as string)) fail('unknown expectedType');
  const notApplicable = raw.notApplicableToService;
  if (notApplicable !== undefined && (typeof notApplicable !== 'string' || notApplicable.trim() === '')) {
    fail('notApplicableToService must be a non-empty reason');
  }
  const expected = raw.expected;
  if (!isRecord(expected) || !('value' in expected) || !REASONS.has(expected.reason as string)) {
    fail('expected needs a value and a known reason');
  }
  const flag = raw.flag as Flag | null;
  const result: ConformanceCase = {
    file,
    scope,
    name: raw.name,
    flagKey: flag === null ? MISSING_FLAG_KEY : flag.key,
    flag,
    flags: (raw.flags ?? {}) as Record<string, Flag>,
    segments: (raw.segments ?? {}) as Record<string, Segment>,
    context: raw.context as EvaluationContext,
    default: raw.default as JsonValue,
    expected: expected as unknown as ConformanceExpectation,
  };
  if (raw.expectedType !== undefined) result.expectedType = raw.expectedType as FlagType;
  if (typeof raw.ready === 'boolean') result.ready = raw.ready;
  if (typeof notApplicable === 'string') result.notApplicableToService = notApplicable;
  return result;
}

/**
 * Reads every `*.json` file of the corpus (sorted by name) and returns its cases. `scope` picks the files:
 * `engine` (default) skips files marked `"scope": "sdk"`, `sdk` returns only those, `all` returns both.
 * Each call parses the files afresh, so callers may not share objects by accident.
 */
export function loadConformanceCases(options: { scope?: ConformanceScope | 'all' } = {}): ConformanceCase[] {
  const wanted = options.scope ?? 'engine';
  const files = readdirSync(CONFORMANCE_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const cases: ConformanceCase[] = [];
  for (const name of files) {
    const file = name.slice(0, -'.json'.length);
    const doc = JSON.parse(readFileSync(CONFORMANCE_DIR + name, 'utf8')) as CorpusFile;
    if (!Array.isArray(doc.cases)) throw new Error(`${name}: needs a cases array`);
    const scope: ConformanceScope = doc.scope === 'sdk' ? 'sdk' : 'engine';
    if (wanted !== 'all' && wanted !== scope) continue;
    doc.cases.forEach((raw, index) => cases.push(toCase(file, scope, raw, index)));
  }
  return cases;
}

/** Every flag of the case's environment by key: its other flags plus the flag under test (when it exists). */
export function flagsForCase(c: ConformanceCase): Record<string, Flag> {
  return c.flag === null ? { ...c.flags } : { ...c.flags, [c.flag.key]: c.flag };
}

/** A snapshot `{ version, flags, segments }` holding the case's flag, its other flags and its segments. */
export function snapshotForCase(c: ConformanceCase, version = 1): Snapshot {
  return { version, flags: flagsForCase(c), segments: { ...c.segments } };
}

/** The lookup `evaluate` takes: the case's flags (prerequisites) and segments by key. */
export function lookupForCase(c: ConformanceCase): {
  flag(key: string): Flag | undefined;
  segment(key: string): Segment | undefined;
} {
  const flags = flagsForCase(c);
  return {
    flag: (key) => (Object.hasOwn(flags, key) ? flags[key] : undefined),
    segment: (key) => (Object.hasOwn(c.segments, key) ? c.segments[key] : undefined),
  };
}
