/** Runs one SQL statement (the app's DataSource, or a pg client) and resolves to its rows. */
export type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

// Append-only tables: their row count says whether anything was written. Every other table also gets a
// hash of its rows (so an UPDATE shows), leaving out the columns that reading touches.
const APPEND_ONLY = new Set(['audit_log', 'change_log', 'flag_config_versions', 'migrations', 'typeorm_metadata']);
const VOLATILE_COLUMNS = ['last_used_at'];

/**
 * A cheap summary of everything in the database a request could write: the row count of every table, a hash
 * of the rows of the mutable ones (environment versions, configs, segments, tokens, keys...), and the audit
 * count. Two equal fingerprints mean nothing was written in between.
 */
export async function fingerprintQuery(query: Query): Promise<() => Promise<string>> {
  const columns = await query(
    `SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const row of columns) {
    const table = String(row.table);
    if (!byTable.has(table)) byTable.set(table, []);
    if (!VOLATILE_COLUMNS.includes(String(row.column))) byTable.get(table)!.push(`"${String(row.column)}"`);
  }
  if (byTable.size === 0) throw new Error('no tables to fingerprint');
  const parts = [...byTable].map(([table, kept]) => {
    const count = `(SELECT count(*) FROM "${table}")::text`;
    if (APPEND_ONLY.has(table)) return `'${table}', ${count}`;
    // ROW(...)::text, not to_jsonb: json columns may hold escapes (\u0000) that jsonb refuses.
    // An order-free sum of row hashes: any changed row changes it (barring a 64-bit collision).
    const row = `hashtextextended(ROW(${kept.join(', ')})::text, 0)`;
    return `'${table}', ${count} || ':' || (SELECT coalesce(sum(${row}), 0)::text FROM "${table}")`;
  });
  const sql = `SELECT json_build_object(${parts.join(', ')})::text AS fingerprint`;
  return async () => String((await query(sql))[0]!.fingerprint);
}

/** The tables whose part of the fingerprint differs (for the failure message). */
export function changedTables(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, string>;
  const b = JSON.parse(after) as Record<string, string>;
  return Object.keys({ ...a, ...b }).filter((table) => a[table] !== b[table]);
}
