import type { Patch } from '@switchyard/evaluation';

/** Emitted after a transaction that changed an environment commits. */
export interface ChangeCommitted {
  environmentId: string;
  version: number;
  patch: Patch;
}

/** A listener of committed changes; its failures are contained and never reach the writer. */
export type ChangeListener = (event: ChangeCommitted) => void | Promise<void>;

/** A small typed in-process notifier of committed changes (flags → delivery). */
export class ChangeNotifier {
  private readonly listeners = new Set<ChangeListener>();

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChangeCommitted): void {
    for (const listener of this.listeners) {
      try {
        void Promise.resolve(listener(event)).catch(() => undefined);
      } catch {
        // A failing listener must not undo or fail a committed change; the change log is the source of truth.
      }
    }
  }

  emitAll(events: readonly ChangeCommitted[]): void {
    for (const event of events) this.emit(event);
  }
}
