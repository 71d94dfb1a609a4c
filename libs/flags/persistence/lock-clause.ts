import type { FindOneOptions } from 'typeorm';
import type { ReadOptions } from '../application/flags-unit-of-work.js';

/**
 * `SELECT … FOR NO KEY UPDATE` when a write asks for a lock: the row stays locked until the transaction ends,
 * and a concurrent locker waits, then reads the committed row (READ COMMITTED re-reads it after the wait).
 * NO KEY UPDATE, not UPDATE: it still excludes other lockers, but not the KEY SHARE locks that foreign keys
 * take when another writer inserts a row pointing at this one (a version row pointing at a locked flag), which
 * FOR UPDATE would turn into deadlocks.
 */
export function lockClause(options: ReadOptions): Pick<FindOneOptions, 'lock'> {
  return options.lock ? { lock: { mode: 'for_no_key_update' } } : {};
}
