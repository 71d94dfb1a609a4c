import type { FlagConfigVersion } from '../domain/flag-config.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { FlagsTransaction } from './flags-unit-of-work.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireEnvironment, requireFlag, requireProject } from './resolve.js';

/** Reads version `n` of a flag's config in one environment, or throws NOT_FOUND. */
export async function requireVersion(
  tx: FlagsTransaction,
  keys: { projectKey: string; environmentKey: string; flagKey: string },
  version: number,
): Promise<FlagConfigVersion> {
  const project = await requireProject(tx, keys.projectKey);
  const environment = await requireEnvironment(tx, project, keys.environmentKey);
  const flag = await requireFlag(tx, project, keys.flagKey);
  const found = await tx.configs.findVersion(flag.id, environment.id, version);
  if (!found) throw FlagsErrors.notFound('version', version);
  return found;
}

/** One immutable version of a flag's config. */
export class GetFlagVersion {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(
    keys: { projectKey: string; environmentKey: string; flagKey: string },
    version: number,
  ): Promise<FlagConfigVersion> {
    return this.unitOfWork.run((tx) => requireVersion(tx, keys, version));
  }
}
