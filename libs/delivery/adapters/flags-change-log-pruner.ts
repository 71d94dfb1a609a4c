import { Injectable } from '@nestjs/common';
import { PruneChangeLog } from '@switchyard/flags';
import { ChangeLogPruner, type ChangeLogRetention } from '../application/delivery-ports.js';

/** Prunes the change log through the flags context's PruneChangeLog use case. */
@Injectable()
export class FlagsChangeLogPruner extends ChangeLogPruner {
  constructor(private readonly pruneChangeLog: PruneChangeLog) {
    super();
  }

  prune(retention: ChangeLogRetention): Promise<number> {
    return this.pruneChangeLog.execute(retention);
  }
}
