import { FlagsErrors } from '../domain/flags.errors.js';

/** Runs an insert, turning Postgres's unique violation (23505) into ALREADY_EXISTS (two creators racing). */
export async function insertOrConflict(
  what: 'project' | 'environment' | 'flag' | 'segment',
  key: string,
  insert: () => Promise<unknown>,
): Promise<void> {
  try {
    await insert();
  } catch (error) {
    const code =
      (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
      (error as { code?: string }).code;
    if (code === '23505') throw FlagsErrors.alreadyExists(what, key);
    throw error;
  }
}
