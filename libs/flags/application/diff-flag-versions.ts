import { diffConfigs, type DiffEntry } from '../domain/config-diff.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireVersion } from './get-flag-version.js';

/** A readable, path-level diff between two versions of a flag's config. */
export class DiffFlagVersions {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(
    keys: { projectKey: string; environmentKey: string; flagKey: string },
    from: number,
    to: number,
  ): Promise<{ from: number; to: number; changes: DiffEntry[] }> {
    return this.unitOfWork.run(async (tx) => {
      const [older, newer] = [await requireVersion(tx, keys, from), await requireVersion(tx, keys, to)];
      return { from, to, changes: diffConfigs(older.config, newer.config) };
    });
  }
}
