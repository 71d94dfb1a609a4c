import { PendingActivity, type KnownEvaluations } from '../domain/pending-activity.js';
import type { FlagActivityStore } from './flag-activity-ports.js';

/**
 * Keeps what SDKs report evaluating (flags and variants the environment has: RecordSdkReport checks): counts
 * per minute and hour, the instances and the last evaluation of each flag, merged in memory and added to
 * Postgres in one write per `flushMs`, one write at a time. Reports are filed by the time this node received
 * them (an SDK batch carries no evaluation times; it is sent every few seconds).
 */
export class RecordFlagActivity {
  private pending = new PendingActivity();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: FlagActivityStore,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly flushMs = 1_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  execute(environmentId: string, report: KnownEvaluations): void {
    if (report.evaluations.length === 0) return;
    this.pending.add(environmentId, report, this.now());
    if (!this.pending.isEmpty && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending now (also at shutdown); resolves when every write so far has ended. Never rejects. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.isEmpty) return this.writing;
    const batch = this.pending.drain();
    this.writing = this.writing
      .then(() => this.store.record(batch))
      .catch((error: unknown) => void this.onError(error));
    return this.writing;
  }
}
