import { LeaderLock } from '../scheduling/leader-lock.js';

/** One lock shared by several tickers, as one Postgres advisory lock is by several nodes. */
export class SharedLock {
  holder: InMemoryLeaderLock | null = null;
}

/** A node's LeaderLock on a SharedLock: held by the first live node that asks; `alive = false` loses it. */
export class InMemoryLeaderLock extends LeaderLock {
  alive = true;

  constructor(private readonly shared: SharedLock) {
    super();
  }

  async hold(): Promise<boolean> {
    if (!this.alive) {
      if (this.shared.holder === this) this.shared.holder = null;
      return false;
    }
    this.shared.holder ??= this;
    return this.shared.holder === this;
  }

  async release(): Promise<void> {
    if (this.shared.holder === this) this.shared.holder = null;
  }
}
