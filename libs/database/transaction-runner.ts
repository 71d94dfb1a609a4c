import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TransactionScope } from './transaction-scope.js';
import { transactionScopeOf } from './typeorm-transaction-scope.js';

/** Runs work in one database transaction: all of it commits, or none of it does. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  /** `work` gets the transaction's scope: whatever it binds to the scope commits or rolls back with it. */
  run<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(transactionScopeOf(manager)));
  }
}
