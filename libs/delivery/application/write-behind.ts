/**
 * Rows merged in memory by key and written in one call per `flushMs`, one write at a time: what SDK
 * reports feed (instance sightings, recent contexts), so a fleet's traffic costs one statement per interval
 * rather than one per request. `write` never sees an empty batch; its failures go to `onError`.
 */
export class WriteBehind<T> {
  private pending = new Map<string, T>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (batch: T[]) => Promise<void>,
    private readonly flushMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  get(key: string): T | undefined {
    return this.pending.get(key);
  }

  /** Sets the row for `key` (replacing a pending one) and schedules a write. */
  set(key: string, row: T): void {
    this.pending.set(key, row);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending now (also at shutdown); resolves when every write so far has ended. Never rejects. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return this.writing;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.writing = this.writing.then(() => this.write(batch)).catch(this.onError);
    return this.writing;
  }
}
