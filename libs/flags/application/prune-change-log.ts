import { FlagsUnitOfWork } from './flags-unit-of-work.js';

/** How much of the change log to keep. A row goes when either bound excludes it. */
export interface ChangeLogRetention {
  /** The newest versions kept per environment. */
  keepVersions: number;
  /** Rows older than this (ms) go, whatever their version. */
  maxAgeMs: number;
}

/** How one run deletes: `batchSize` rows per transaction, at most `maxBatches` transactions. */
export interface PruneRun {
  batchSize: number;
  maxBatches: number;
}

const DEFAULT_RUN: PruneRun = { batchSize: 5_000, maxBatches: 20 };

/**
 * Deletes change-log rows outside the retention, in short transactions of a bounded batch. Safe to run on
 * every node at once (idempotent; concurrent runs skip each other's rows). Never loses a change: a client
 * resuming from a version the log no longer covers gets a fresh snapshot (SnapshotReader.getChanges → null).
 */
export class PruneChangeLog {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  /** Returns the number of rows deleted. */
  async execute(retention: ChangeLogRetention, run: PruneRun = DEFAULT_RUN, now = new Date()): Promise<number> {
    const pruning = {
      keepVersions: retention.keepVersions,
      olderThan: new Date(now.getTime() - retention.maxAgeMs),
      limit: run.batchSize,
    };
    let total = 0;
    for (let batch = 0; batch < run.maxBatches; batch += 1) {
      const deleted = await this.unitOfWork.run((tx) => tx.changeLog.prune(pruning));
      total += deleted;
      if (deleted < run.batchSize) break;
    }
    return total;
  }
}
