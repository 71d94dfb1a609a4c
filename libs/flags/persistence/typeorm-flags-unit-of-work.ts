import { Injectable } from '@nestjs/common';
import { AuditSinks } from '@switchyard/audit';
import { entityManagerOf, TransactionRunner, type TransactionScope } from '@switchyard/database';
import { FlagsUnitOfWork, type FlagsTransaction, type RunOptions } from '../application/flags-unit-of-work.js';
import { KeyedQueue } from '@switchyard/kernel';
import { TypeormConfigWritePath } from './typeorm-config-write-path.js';
import { TypeormChangeLogRepository } from './typeorm-change-log-repository.js';
import { TypeormEnvironmentRepository } from './typeorm-environment-repository.js';
import { TypeormFlagConfigRepository } from './typeorm-flag-config-repository.js';
import { TypeormFlagRepository } from './typeorm-flag-repository.js';
import { TypeormProjectRepository } from './typeorm-project-repository.js';
import { TypeormSegmentRepository } from './typeorm-segment-repository.js';

/** The flags context's repositories over one Postgres transaction. */
@Injectable()
export class TypeormFlagsUnitOfWork extends FlagsUnitOfWork {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly auditSinks: AuditSinks,
  ) {
    super();
  }

  private readonly queue = new KeyedQueue();

  run<T>(work: (tx: FlagsTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const transaction = () => this.transactions.run((scope) => work(this.bind(scope)));
    return options.queueKey === undefined ? transaction() : this.queue.run(options.queueKey, transaction);
  }

  /** The repositories bound to one transaction (exposed so tests can wrap one to inject a failure). */
  bind(scope: TransactionScope): FlagsTransaction {
    const manager = entityManagerOf(scope);
    return {
      writePath: new TypeormConfigWritePath(manager),
      projects: new TypeormProjectRepository(manager),
      environments: new TypeormEnvironmentRepository(manager),
      flags: new TypeormFlagRepository(manager),
      configs: new TypeormFlagConfigRepository(manager),
      segments: new TypeormSegmentRepository(manager),
      changeLog: new TypeormChangeLogRepository(manager),
      audit: this.auditSinks.within(scope),
    };
  }
}
