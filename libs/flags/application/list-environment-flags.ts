import type { FlagConfig } from '../domain/flag-config.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { flagLifecycle, type FlagLifecycle } from '../domain/lifecycle.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireEnvironment, requireProject } from './resolve.js';

/** A flag's metadata with its current config in one environment. */
export interface EnvironmentFlag extends FlagDefinition {
  /** The config version (the ETag of later writes to this config). */
  version: number;
  config: FlagConfig;
  /** When the config last changed (ISO-8601 UTC). */
  configUpdatedAt: string;
  /** Age, expected lifetime and why it may be stale, here and now. */
  lifecycle: FlagLifecycle;
}

/** Every flag of an environment with its config, and the environment version they were read at. */
export interface EnvironmentFlagList {
  environmentVersion: number;
  items: EnvironmentFlag[];
}

/** Lists a project's flags (archived ones on request, optionally by tag) with their configs in one environment. */
export class ListEnvironmentFlags {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(
    projectKey: string,
    environmentKey: string,
    options: {
      includeArchived?: boolean;
      tag?: string;
      now?: Date;
      /** When each flag was last evaluated here (absent: never); without it, "not evaluated" is not judged. */
      lastEvaluations?: ReadonlyMap<string, Date>;
    } = {},
  ): Promise<EnvironmentFlagList> {
    const now = options.now ?? new Date();
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      // The version is read first: under read committed the flags read after it are at least that new, so a
      // client that refetches when the version moves never misses a change (at worst it refetches once more).
      const environment = await requireEnvironment(tx, project, environmentKey);
      const flags = await tx.flags.listByProject(project.id, options.includeArchived ?? false);
      const configs = new Map(
        (await tx.configs.listByEnvironment(environment.id)).map((record) => [record.flagId, record]),
      );
      const items: EnvironmentFlag[] = [];
      for (const flag of flags) {
        const record = configs.get(flag.id);
        if (!record || (options.tag !== undefined && !flag.tags.includes(options.tag))) continue;
        items.push({
          ...flag,
          version: record.version,
          config: record.config,
          configUpdatedAt: record.updatedAt,
          lifecycle: flagLifecycle(
            flag,
            record.config,
            record.updatedAt,
            now,
            options.lastEvaluations ? (options.lastEvaluations.get(flag.key) ?? null) : undefined,
          ),
        });
      }
      return { environmentVersion: environment.version, items };
    });
  }
}
