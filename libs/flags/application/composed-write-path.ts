import type { ConfigWritePath, FlagsTransaction } from './flags-unit-of-work.js';
import { requireEnvironment, requireFlag, requireProject } from './resolve.js';

/**
 * The config write path over a transaction's other repositories (the fakes' path, and any transaction
 * without `writePath`): the same locks, reads and rows as Postgres' two statements, one repository call each.
 */
export function composedWritePath(tx: FlagsTransaction): ConfigWritePath {
  return {
    async lockAndRead(projectKey, environmentKey, flagKey) {
      const project = await requireProject(tx, projectKey);
      const environment = await requireEnvironment(tx, project, environmentKey, { lock: true });
      const flag = await requireFlag(tx, project, flagKey);
      return { project, environment, flag, current: await tx.configs.find(flag.id, environment.id) };
    },
    async write(rows) {
      const version = await tx.environments.bumpVersion(rows.environmentId);
      if (version !== rows.patch.version)
        throw new Error(
          `environment ${rows.environmentId} is at ${version}, not ${rows.patch.version}, under its lock`,
        );
      await tx.configs.save(rows.record, rows.version);
      await tx.audit.append(rows.audit);
      await tx.changeLog.append(rows.environmentId, rows.patch);
    },
  };
}
