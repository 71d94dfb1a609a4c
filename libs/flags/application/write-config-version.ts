import { validateFlag, type Flag, type Patch } from '@switchyard/evaluation';
import type { Actor } from '@switchyard/kernel';
import type { ConfigChangeKind, FlagConfig, FlagConfigRecord } from '../domain/flag-config.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { Environment, Project } from '../domain/project.js';
import { toWireFlag } from '../domain/wire-flag.js';
import type { ConfigChangeRows, FlagsTransaction } from './flags-unit-of-work.js';
import { loadWireState } from './resolve.js';

/** One config write: the flag, its current config, the next one, and why. */
export interface ConfigWrite {
  project: Project;
  environment: Environment;
  flag: FlagDefinition;
  current: FlagConfigRecord | null;
  next: FlagConfig;
  kind: ConfigChangeKind;
  reason: string | null;
  actor: Actor;
  /** Skip the engine's checks (kill/restore only change the kill record, and must never be blocked; or checked already). */
  skipChecks?: boolean;
  /** Facts of this kind of write for the audit entry's details (a revert's `revertedTo`). */
  details?: Record<string, unknown>;
}

const ACTIONS: Record<ConfigChangeKind, string> = {
  create: 'flag-config.created',
  update: 'flag-config.updated',
  toggle: 'flag-config.toggled',
  kill: 'flag-config.killed',
  restore: 'flag-config.restored',
  revert: 'flag-config.reverted',
  probe: 'flag-config.probing',
  recover: 'flag-config.recovered',
};

/** Refuses a stale base version; a missing base version is allowed only when `required` is false. */
export function assertBaseVersion(current: FlagConfigRecord, baseVersion: number | undefined, required: boolean): void {
  if (baseVersion === undefined) {
    if (required) throw FlagsErrors.baseVersionRequired();
    return;
  }
  if (baseVersion !== current.version) throw FlagsErrors.staleVersion(baseVersion, current.version);
}

// The candidate comes from a request body: anything may be of the wrong type until the validator has run.
function referencesOthers(wire: Flag): boolean {
  const rules: unknown = wire.rules;
  const usesSegments =
    Array.isArray(rules) &&
    rules.some((rule: unknown) => {
      const conditions = (rule as { conditions?: unknown } | null)?.conditions;
      return (
        Array.isArray(conditions) &&
        conditions.some(
          (condition: unknown) => typeof condition === 'object' && condition !== null && 'segment' in condition,
        )
      );
    });
  const prerequisites: unknown = wire.prerequisites;
  return usesSegments || (Array.isArray(prerequisites) && prerequisites.length > 0);
}

/**
 * The one check of a config write: the engine's strict validator on the flag it would deliver, against the
 * environment's other flags and segments; throws VALIDATION_FAILED with every issue. Inside the transaction.
 */
export async function assertValidConfig(
  tx: FlagsTransaction,
  flag: FlagDefinition,
  environmentId: string,
  next: FlagConfig,
  version: number,
): Promise<Flag> {
  const wire = toWireFlag(flag, next, version);
  // Other flags matter only for prerequisites (and their cycles), segments only when a rule names one:
  // a plain toggle need not read the whole environment.
  const state = referencesOthers(wire)
    ? await loadWireState(tx, flag.projectId, environmentId)
    : { flags: {}, segments: {} };
  const issues = validateFlag(
    wire,
    { flags: { ...state.flags, [wire.key]: wire }, segments: state.segments },
    { strict: true },
  );
  if (issues.length > 0) throw FlagsErrors.invalid(`Flag "${flag.key}" config is invalid`, issues);
  return wire;
}

/**
 * Checks (assertValidConfig) and writes a new immutable config version plus its audit entry, inside the
 * caller's transaction. The caller bumps the environment's version first and appends the change log row after.
 */
export async function writeConfigVersion(tx: FlagsTransaction, write: ConfigWrite): Promise<Flag> {
  const version = (write.current?.version ?? 0) + 1;
  const wire = write.skipChecks
    ? toWireFlag(write.flag, write.next, version)
    : await assertValidConfig(tx, write.flag, write.environment.id, write.next, version);
  const rows = configRows(write, version, new Date().toISOString());
  await tx.configs.save(rows.record, rows.version);
  await tx.audit.append(rows.audit);
  return wire;
}

/**
 * Writes several flags' new configs as one change of their environment, inside the caller's transaction: one
 * version bump, one config version and audit entry per flag (checked by the caller already), one change-log row.
 * For the writers that act on many flags at once (kill by tag, a game day's stop everything).
 */
export async function writeEnvironmentChange(
  tx: FlagsTransaction,
  environment: Environment,
  writes: readonly Omit<ConfigWrite, 'skipChecks'>[],
): Promise<Patch> {
  const version = await tx.environments.bumpVersion(environment.id);
  const flags: Record<string, Flag> = {};
  for (const write of writes) flags[write.flag.key] = await writeConfigVersion(tx, { ...write, skipChecks: true });
  const patch = { version, flags };
  await tx.changeLog.append(environment.id, patch);
  return patch;
}

/** The current config, version and audit rows of one config write (version `version`, written at `at`). */
export function configRows(
  write: ConfigWrite,
  version: number,
  at: string,
): Pick<ConfigChangeRows, 'record' | 'version' | 'audit'> {
  const actor = { type: write.actor.type, id: write.actor.id, name: write.actor.name };
  return {
    record: { flagId: write.flag.id, environmentId: write.environment.id, version, config: write.next, updatedAt: at },
    version: {
      flagId: write.flag.id,
      environmentId: write.environment.id,
      version,
      config: write.next,
      kind: write.kind,
      reason: write.reason,
      actor,
      createdAt: at,
    },
    audit: {
      at,
      actor,
      action: ACTIONS[write.kind],
      projectKey: write.project.key,
      environmentKey: write.environment.key,
      flagKey: write.flag.key,
      segmentKey: null,
      reason: write.reason,
      details: auditDetails(write, version),
    },
  };
}

/**
 * What the audit log needs to say what a config write did without reading the versions: the flag and
 * environment, the new version and the one before, on/off before and after, whether it is killed, and the
 * write's own facts (a revert's `revertedTo`). Rows written before these fields existed hold `{version, kind}`.
 */
function auditDetails(write: ConfigWrite, version: number): Record<string, unknown> {
  return {
    version,
    kind: write.kind,
    flagKey: write.flag.key,
    environmentKey: write.environment.key,
    previousVersion: write.current?.version ?? null,
    on: write.next.on,
    wasOn: write.current?.config.on ?? null,
    killed: write.next.killed !== null,
    ...write.details,
  };
}
