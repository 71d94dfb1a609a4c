import { CanaryChangeStore } from '../application/canary-ports.js';
import type { CanaryChange } from '../domain/canary-change.js';

/** The canary's change store in memory, for unit tests. */
export class InMemoryCanaryChangeStore extends CanaryChangeStore {
  readonly rows: Array<CanaryChange & { environmentId: string }> = [];

  async record(environmentId: string, change: CanaryChange): Promise<void> {
    if (!this.rows.some((row) => row.environmentId === environmentId && row.version === change.version))
      this.rows.push({ ...change, environmentId });
  }

  async since(environmentId: string, version: number, limit: number): Promise<CanaryChange[]> {
    return this.rows
      .filter((row) => row.environmentId === environmentId && row.version > version)
      .sort((a, b) => a.version - b.version)
      .slice(0, limit)
      .map(({ environmentId: _environmentId, ...change }) => change);
  }

  async newestVersion(environmentId: string): Promise<number> {
    return Math.max(0, ...this.rows.filter((row) => row.environmentId === environmentId).map((row) => row.version));
  }

  async prune(before: Date): Promise<number> {
    const kept = this.rows.filter((row) => row.askedAt >= before.getTime());
    const deleted = this.rows.length - kept.length;
    this.rows.splice(0, this.rows.length, ...kept);
    return deleted;
  }
}
