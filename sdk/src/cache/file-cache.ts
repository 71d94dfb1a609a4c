import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import type { Snapshot } from '@switchyard/evaluation';

interface CacheFileContent {
  format: 1;
  /** A hash of the SDK key, so a cache written for another environment is never served. */
  key: string;
  savedAt: string;
  snapshot: Snapshot;
}

/**
 * The optional on-disk copy of the last good snapshot. Writes go to a temporary file renamed over the target
 * (atomic on POSIX), one at a time, coalescing to the newest snapshot. Never throws; failures go to `onError`.
 */
export class FileCache {
  private readonly keyHash: string;
  private pending: Snapshot | undefined;
  private writing: Promise<void> | undefined;

  /**
   * @param path the cache file
   * @param sdkKey the SDK key (hashed, never written in clear)
   * @param onError receives write and read failures
   */
  constructor(
    private readonly path: string,
    sdkKey: string,
    private readonly onError: (error: Error) => void,
  ) {
    this.keyHash = createHash('sha256').update(sdkKey).digest('hex').slice(0, 16);
  }

  /** Reads the cached snapshot, or undefined when there is none (or it is unreadable, or for another key). */
  load(): unknown {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.onError(new Error(`cache read failed: ${String(error)}`));
      return undefined;
    }
    try {
      const content = JSON.parse(text) as Partial<CacheFileContent>;
      if (content.format !== 1 || content.key !== this.keyHash) return undefined;
      return content.snapshot;
    } catch (error) {
      this.onError(new Error(`cache file ${this.path} is corrupt: ${String(error)}`));
      return undefined;
    }
  }

  /** Schedules a write of `snapshot`; resolves when it (or a newer one) is on disk. */
  save(snapshot: Snapshot): Promise<void> {
    this.pending = snapshot;
    this.writing ??= this.drain().finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  /** Waits for writes in flight. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const snapshot = this.pending;
      this.pending = undefined;
      const content: CacheFileContent = { format: 1, key: this.keyHash, savedAt: new Date().toISOString(), snapshot };
      const temp = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await writeFile(temp, JSON.stringify(content));
        await rename(temp, this.path);
      } catch (error) {
        this.onError(new Error(`cache write failed: ${String(error)}`));
        await unlink(temp).catch(() => undefined);
      }
    }
  }
}
