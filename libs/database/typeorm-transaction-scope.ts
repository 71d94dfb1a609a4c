import type { EntityManager } from 'typeorm';
import { TransactionScope } from './transaction-scope.js';

/** A TransactionScope over one TypeORM transaction's EntityManager. */
class TypeormTransactionScope extends TransactionScope {
  protected readonly transactionScope = true as const;

  constructor(readonly manager: EntityManager) {
    super();
  }
}

/** Wraps a transaction's EntityManager in the scope handed to other contexts (TransactionRunner does it). */
export function transactionScopeOf(manager: EntityManager): TransactionScope {
  return new TypeormTransactionScope(manager);
}

/** The EntityManager of a scope, for persistence adapters writing in that transaction. */
export function entityManagerOf(scope: TransactionScope): EntityManager {
  if (!(scope instanceof TypeormTransactionScope)) throw new Error('not a scope opened by TransactionRunner');
  return scope.manager;
}
