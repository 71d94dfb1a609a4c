import type { ChangeLogPruner, ChangeLogRetention } from './delivery-ports.js';

/** How this node prunes the change log. */
export interface ChangeLogPruningOptions {
  retention: ChangeLogRetention;
  intervalMs: number;
}

/**
 * Prunes the change log every `intervalMs`, one run at a time on this node; other nodes may run theirs (they
 * skip each other's rows). A failed run is reported and retried at the next tick.
 */
export class ChangeLogPruning {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly pruner: ChangeLogPruner,
    private readonly options: ChangeLogPruningOptions,
    private readonly onPruned: (deleted: number) => void = () => undefined,
    private readonly onError: (message: string, error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pruning run, unless one is still going. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const deleted = await this.pruner.prune(this.options.retention);
      if (deleted > 0) this.onPruned(deleted);
    } catch (error) {
      this.onError('pruning the change log failed; will retry', error);
    } finally {
      this.running = false;
    }
  }
}
