/** Thrown after the good rows were written: how many rows Postgres refused, and its first reason. */
export class RowsRefusedError extends Error {
  override name = 'RowsRefusedError';

  constructor(
    readonly refused: number,
    readonly total: number,
    cause: unknown,
  ) {
    super(
      `${refused} of ${total} rows refused by the database, the others were written (first: ${
        cause instanceof Error ? cause.message : String(cause)
      })`,
      { cause },
    );
  }
}

// SQLSTATE classes caused by the data of some row rather than by the database: 22 (data exception: NUL,
// bad Unicode escapes in jsonb, out of range) and 23 (integrity: a deleted environment's foreign key).
const isRowError = (error: unknown): boolean => /^2[23]/.test(String((error as { code?: unknown } | null)?.code ?? ''));

/**
 * Writes `rows` in one statement; when Postgres refuses it because of some row's data, splits the batch in
 * halves and retries each, so one bad row (from one SDK) never fails the rows of others merged into the same
 * statement. k bad rows among n cost about 2k·log2(n) statements. Other errors (database down) are thrown as
 * they are; refused rows are reported with a RowsRefusedError once every other row is written.
 */
export async function writeIsolatingBadRows<T>(
  rows: readonly T[],
  write: (rows: readonly T[]) => Promise<void>,
): Promise<void> {
  const refused: unknown[] = [];
  const attempt = async (part: readonly T[]): Promise<void> => {
    try {
      await write(part);
    } catch (error) {
      if (!isRowError(error)) throw error;
      if (part.length === 1) return void refused.push(error);
      const middle = Math.ceil(part.length / 2);
      await attempt(part.slice(0, middle));
      await attempt(part.slice(middle));
    }
  };
  if (rows.length > 0) await attempt(rows);
  if (refused.length > 0) throw new RowsRefusedError(refused.length, rows.length, refused[0]);
}
