import type { MigrationInterface } from 'typeorm';

/** Every migration, in the order they apply (ESM cannot glob a folder). Append; never reorder. */
export const migrations: Array<new () => MigrationInterface> = [];
