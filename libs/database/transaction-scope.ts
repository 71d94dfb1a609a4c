/**
 * One open database transaction, as contexts hand it to each other: an opaque handle. Everything bound to the
 * same scope (a context's repositories, the audit log's writer for that write) commits or rolls back together.
 * Only persistence code opens it (`entityManagerOf`), so no ORM type appears where contexts meet.
 */
export abstract class TransactionScope {
  /** Brands the type: a plain object is not a scope. */
  protected abstract readonly transactionScope: true;
}
