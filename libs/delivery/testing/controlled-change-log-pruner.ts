import { ChangeLogPruner, type ChangeLogRetention } from '../application/delivery-ports.js';

/**
 * A ChangeLogPruner whose runs the test finishes (`finish`, `fail`) in order; with `answer`, every run deletes
 * that many rows at once instead.
 */
export class ControlledChangeLogPruner extends ChangeLogPruner {
  readonly calls: ChangeLogRetention[] = [];
  private pending: Array<{ resolve: (deleted: number) => void; reject: (error: Error) => void }> = [];

  constructor(private readonly answer?: number) {
    super();
  }

  prune(retention: ChangeLogRetention): Promise<number> {
    this.calls.push(retention);
    if (this.answer !== undefined) return Promise.resolve(this.answer);
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  finish(deleted: number): void {
    this.pending.shift()!.resolve(deleted);
  }

  fail(message: string): void {
    this.pending.shift()!.reject(new Error(message));
  }
}
