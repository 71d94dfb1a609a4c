import { RowsRefusedError, writeIsolatingBadRows } from './write-isolating-bad-rows.js';

/** A fake statement that fails as Postgres does: the whole batch, when any row is bad. */
function table(bad: (row: string) => boolean, code = '22P05') {
  const written: string[] = [];
  let statements = 0;
  const write = async (rows: readonly string[]) => {
    statements += 1;
    if (rows.some(bad)) throw Object.assign(new Error('unsupported Unicode escape sequence'), { code });
    written.push(...rows);
  };
  return { written, write, statements: () => statements };
}

const rows = Array.from({ length: 64 }, (_, i) => `row-${i}`);

describe('writeIsolatingBadRows', () => {
  it('writes a clean batch in one statement', async () => {
    const t = table(() => false);
    await writeIsolatingBadRows(rows, t.write);
    expect(t.written).toEqual(rows);
    expect(t.statements()).toBe(1);
  });

  it('writes every other row when one row is refused, then reports the refused one', async () => {
    const t = table((row) => row === 'row-17');
    const done = writeIsolatingBadRows(rows, t.write);
    await expect(done).rejects.toBeInstanceOf(RowsRefusedError);
    await expect(done).rejects.toThrow(
      /^1 of 64 rows refused by the database, the others were written \(first: unsupported/,
    );
    expect(t.written.sort()).toEqual(rows.filter((row) => row !== 'row-17').sort());
    expect(t.statements()).toBeLessThanOrEqual(2 * Math.log2(64) + 1);
  });

  it('isolates integrity violations too (an environment deleted since the report)', async () => {
    const t = table((row) => row === 'row-0' || row === 'row-63', '23503');
    await expect(writeIsolatingBadRows(rows, t.write)).rejects.toMatchObject({ refused: 2, total: 64 });
    expect(t.written).toHaveLength(62);
  });

  it('does not split on errors that are not about the data (database down)', async () => {
    const t = table(() => true, '08006');
    await expect(writeIsolatingBadRows(rows, t.write)).rejects.toMatchObject({ code: '08006' });
    expect(t.statements()).toBe(1);
  });

  it('writes nothing for an empty batch', async () => {
    const t = table(() => false);
    await writeIsolatingBadRows([], t.write);
    expect(t.statements()).toBe(0);
  });
});
