import { faultSpecProblems, faultVariantsProblems, isFaultFlag, validateFlag } from '@switchyard/evaluation';
import type { Actor } from '@switchyard/kernel';
import { ChangeNotifier, type ChangeCommitted } from '../domain/change-committed.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { assertReasonForProject } from '../domain/protection.js';
import { applyVariantEdit, variantsNamedBy, type VariantEdit, type VariantUse } from '../domain/variant-edit.js';
import { toWireFlag } from '../domain/wire-flag.js';
import { FlagsUnitOfWork, type FlagsTransaction } from './flags-unit-of-work.js';
import { loadWireState, requireFlag, requireProject } from './resolve.js';

/**
 * Edits a flag's variants where it is safe (variant-edit.ts): adding any, renaming or removing one that no config
 * or prerequisite uses; concurrent edits apply one after the other (the flag's row lock), none lost. The engine's
 * strict validator checks the result in every environment (type, count, size), and a fault flag's added variants
 * as fault specs (it stays a fault flag). Delivered like an archive: one change-log row per environment with the
 * flag as it now is (its configs keep their versions); one audit entry. A reason is required when an environment
 * is protected.
 */
export class UpdateFlagVariants {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(
    projectKey: string,
    flagKey: string,
    edit: VariantEdit,
    reason: string | undefined,
    actor: Actor,
  ): Promise<FlagDefinition> {
    const outcome = await this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      // Locked, as every metadata writer: two edits read one after the other.
      const flag = await requireFlag(tx, project, flagKey, { lock: true });
      if (flag.archivedAt) throw FlagsErrors.archived(flag.key);
      const environments = await tx.environments.listByProject(project.id);
      const uses = await usesOf(tx, flag, environments);
      const applied = applyVariantEdit(flag.variants, edit, uses);
      if ('problems' in applied)
        throw FlagsErrors.invalid(`The variants of "${flag.key}" cannot change so`, applied.problems);
      assertFaultFlagKept(flag, edit, applied.variants);
      assertReasonForProject(environments, reason);
      const edited: FlagDefinition = { ...flag, variants: applied.variants, updatedAt: new Date().toISOString() };
      if (JSON.stringify(edited.variants) === JSON.stringify(flag.variants)) return { flag, events: [] };
      const events: ChangeCommitted[] = [];
      for (const environment of environments) {
        const current = await tx.configs.find(flag.id, environment.id);
        if (!current) continue;
        const wire = toWireFlag(edited, current.config, current.version);
        const state = await loadWireState(tx, project.id, environment.id);
        const issues = validateFlag(
          wire,
          { flags: { ...state.flags, [wire.key]: wire }, segments: state.segments },
          {
            strict: true,
          },
        );
        if (issues.length > 0) throw FlagsErrors.invalid(`The variants of "${flag.key}" are invalid`, issues);
        const version = await tx.environments.bumpVersion(environment.id);
        const patch = { version, flags: { [flag.key]: wire } };
        await tx.changeLog.append(environment.id, patch);
        events.push({ environmentId: environment.id, version, patch });
      }
      await tx.flags.update(edited);
      await tx.audit.append({
        at: edited.updatedAt,
        actor: { type: actor.type, id: actor.id, name: actor.name },
        action: 'flag.variants-changed',
        projectKey: project.key,
        environmentKey: null,
        flagKey: flag.key,
        segmentKey: null,
        reason: reason?.trim() || null,
        details: { before: flag.variants, after: applied.variants, edit },
      });
      return { flag: edited, events };
    });
    this.notifier.emitAll(outcome.events);
    return outcome.flag;
  }
}

/** A fault flag stays one: every added variant is a fault spec (`add.<name>.<field>` named otherwise). */
function assertFaultFlagKept(flag: FlagDefinition, edit: VariantEdit, after: FlagDefinition['variants']): void {
  if (!isFaultFlag(flag.variants)) return;
  const added = Object.entries(edit.add ?? {}).flatMap(([key, value]) => faultSpecProblems(value, `add.${key}`));
  const problems = added.length > 0 ? added : faultVariantsProblems(after, 'variants');
  if (problems.length > 0)
    throw FlagsErrors.invalid(`"${flag.key}" is a fault flag: its variants are fault specs`, problems);
}

async function usesOf(
  tx: FlagsTransaction,
  flag: FlagDefinition,
  environments: Array<{ id: string; key: string }>,
): Promise<VariantUse[]> {
  const uses: VariantUse[] = [];
  const others = new Map(
    (await tx.flags.listByProject(flag.projectId, false)).filter((o) => o.id !== flag.id).map((o) => [o.id, o.key]),
  );
  for (const environment of environments) {
    for (const record of await tx.configs.listByEnvironment(environment.id)) {
      if (record.flagId === flag.id) {
        for (const variant of variantsNamedBy(record.config))
          uses.push({ variant, where: `its config in ${environment.key}` });
      } else if (others.has(record.flagId)) {
        for (const prerequisite of record.config.prerequisites.filter((p) => p.flag === flag.key))
          for (const variant of prerequisite.variants)
            uses.push({ variant, where: `a prerequisite of ${others.get(record.flagId)} in ${environment.key}` });
      }
    }
  }
  return uses;
}
