import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import type { EnvironmentConfigView } from './get-flag.js';
import { requireProject } from './resolve.js';

/** The most environments one matrix answers (its columns); a project with more gets the first ones, said so. */
export const MATRIX_MAX_ENVIRONMENTS = 20;

/** One column of the matrix: an environment and the version its cells were read at. */
export interface MatrixEnvironment {
  key: string;
  name: string;
  version: number;
}

/** One row: a flag's metadata and its config in each environment of the matrix (as GetFlag lists them). */
export interface MatrixFlag extends FlagDefinition {
  environments: EnvironmentConfigView[];
}

export interface FlagMatrix {
  environments: MatrixEnvironment[];
  /** How many environments of the project are not in `environments` (beyond MATRIX_MAX_ENVIRONMENTS). */
  environmentsOmitted: number;
  items: MatrixFlag[];
}

/**
 * Every flag of a project with its config in every environment, in one read (the admin UI's environment
 * matrix): at most MATRIX_MAX_ENVIRONMENTS columns, so the answer stays flags × a bounded number of cells and
 * the read a bounded number of queries (one per column).
 */
export class ListFlagMatrix {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(projectKey: string, options: { includeArchived?: boolean; tag?: string } = {}): Promise<FlagMatrix> {
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      const all = await tx.environments.listByProject(project.id);
      const environments = all.slice(0, MATRIX_MAX_ENVIRONMENTS);
      // As in ListEnvironmentFlags, the versions are read before the configs: a client refetching when one
      // moves never misses a change. One query per column, one after the other on the transaction's connection.
      const columns = [];
      for (const environment of environments) {
        const records = await tx.configs.listByEnvironment(environment.id);
        columns.push({ key: environment.key, configs: new Map(records.map((record) => [record.flagId, record])) });
      }
      const flags = await tx.flags.listByProject(project.id, options.includeArchived ?? false);
      const items: MatrixFlag[] = [];
      for (const flag of flags) {
        if (options.tag !== undefined && !flag.tags.includes(options.tag)) continue;
        const cells: EnvironmentConfigView[] = [];
        for (const column of columns) {
          const record = column.configs.get(flag.id);
          if (record)
            cells.push({
              environment: column.key,
              version: record.version,
              config: record.config,
              updatedAt: record.updatedAt,
            });
        }
        items.push({ ...flag, environments: cells });
      }
      return {
        environments: environments.map(({ key, name, version }) => ({ key, name, version })),
        environmentsOmitted: all.length - environments.length,
        items,
      };
    });
  }
}
