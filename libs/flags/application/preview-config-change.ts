import { validateFlag, type Flag, type Segment } from '@switchyard/evaluation';
import type { FlagConfigInput } from '../domain/flag-config.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { toWireFlag } from '../domain/wire-flag.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { loadWireState, requireEnvironment, requireFlag, requireProject } from './resolve.js';

/** A proposed config next to the current one, as wire flags, with the environment they are evaluated in. */
export interface ConfigChangePreview {
  environmentId: string;
  current: Flag;
  proposed: Flag;
  flags: Record<string, Flag>;
  segments: Record<string, Segment>;
}

/**
 * What a config edit would deliver, without writing anything: the proposal is checked exactly as
 * UpdateFlagConfig checks it (the engine's strict validator); the kill record is kept, as a write keeps it.
 */
export class PreviewConfigChange {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  async execute(
    keys: { projectKey: string; environmentKey: string; flagKey: string },
    input: FlagConfigInput,
  ): Promise<ConfigChangePreview> {
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, keys.projectKey);
      const environment = await requireEnvironment(tx, project, keys.environmentKey);
      const flag = await requireFlag(tx, project, keys.flagKey);
      if (flag.archivedAt) throw FlagsErrors.archived(flag.key);
      const record = await tx.configs.find(flag.id, environment.id);
      if (!record) throw FlagsErrors.notFound('flag', keys.flagKey);
      const state = await loadWireState(tx, project.id, environment.id);
      const current = toWireFlag(flag, record.config, record.version);
      const proposed = toWireFlag(
        flag,
        {
          on: input.on,
          offVariant: input.offVariant,
          rules: input.rules,
          fallthrough: input.fallthrough,
          prerequisites: input.prerequisites ?? [],
          killed: record.config.killed,
          salt: input.salt ?? record.config.salt,
          ...(input.breaker ? { breaker: input.breaker } : {}),
        },
        record.version + 1,
      );
      const problems = validateFlag(
        proposed,
        { flags: { ...state.flags, [flag.key]: proposed }, segments: state.segments },
        { strict: true },
      );
      if (problems.length > 0) throw FlagsErrors.invalid(`Flag "${flag.key}" config is invalid`, problems);
      return { environmentId: environment.id, current, proposed, flags: state.flags, segments: state.segments };
    });
  }
}
